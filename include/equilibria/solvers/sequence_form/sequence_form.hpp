#pragma once
// The sequence form of a two-player game tree with perfect recall
// (Koller, Megiddo and von Stengel): realization plans x, y with E x = e,
// F y = f, x, y >= 0, and sparse payoff matrices A, B over sequence pairs
// (chance probabilities folded in), so that payoffs are x^T A y, x^T B y.
// Sequence 0 of each player is the empty one; sequence 1 + k is the k-th
// global action of that player (in global action order).
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

struct SparseEntry {
  int row, col;
  Rational value;
};

struct SequenceForm {
  int sequences[2] = {0, 0};    // per player, including the empty sequence
  int constraints[2] = {0, 0};  // rows of E and F: 1 + information sets
  std::vector<SparseEntry> constraint_matrix[2];  // E (player 0), F (player 1): constraints x sequences
  std::vector<SparseEntry> payoff[2];             // A, B: sequences[0] x sequences[1]
  std::vector<int> action_of_sequence[2];          // global action, -1 for the empty sequence
  std::vector<int> sequence_of_action;             // global action -> its player's sequence index
};

// Throws std::invalid_argument unless the tree has two players and perfect recall.
SequenceForm sequence_form(const GameTree& tree);

// Every leaf reached with positive chance probability: its node, the pair of
// sequences leading to it, and chance's probability of reaching it.
struct LeafSequences {
  int node;
  int sequence[2];
  Rational chance;
};
std::vector<LeafSequences> leaf_sequences(const GameTree& tree, const SequenceForm& sf);

// A behaviour profile from two realization plans (probabilities where a set
// is unreachable: uniform).
Behavior<Rational> behavior_from_plans(const GameTree& tree, const SequenceForm& sf, const std::vector<Rational>& x,
                                       const std::vector<Rational>& y);

}  // namespace equilibria
