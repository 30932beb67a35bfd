#pragma once
// One equilibrium of a two-player game tree (any payoffs) by Lemke's
// algorithm on the sequence-form LCP of Koller, Megiddo and von Stengel.
// Complementary pivoting runs in doubles with the lexicographic rule; the
// answer is made exact (simple fractions, then the final basis solved
// exactly) and kept as exact only with zero exact exploitability; failing
// that, the whole path is re-run in rationals.
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

// `behavior` is uniform when stopped before an answer.
struct SequenceFormLemkeResult : CertifiedBehavior {
  SolveStatus status = SolveStatus::kComplete;
  long pivots = 0;
  bool exact_rerun = false;
};

// Throws std::invalid_argument unless the tree has two players and perfect recall.
SequenceFormLemkeResult solve_sequence_form_lemke(const GameTree& tree, const SolveControl& control);

}  // namespace equilibria
