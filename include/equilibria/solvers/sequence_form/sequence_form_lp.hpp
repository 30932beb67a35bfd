#pragma once
// Two-player constant-sum game trees by the sequence-form LP (Koller,
// Megiddo, von Stengel): one LP per player, solved by COIN-OR Clp. The
// answer is made exact either by solving Clp's optimal basis in rationals
// (small LPs) or by rounding each behaviour probability to a nearby simple
// fraction; either way it is kept as exact only if its exact exploitability
// is zero. Otherwise the floating answer is returned with its certified
// exploitability.
#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

struct SequenceFormLpResult : CertifiedBehavior {
  double value = 0;  // player 1's value, from the LP
};

// Throws std::invalid_argument unless the tree has two players, perfect
// recall and payoffs summing to a constant at every terminal.
SequenceFormLpResult solve_sequence_form_lp(const GameTree& tree);

}  // namespace equilibria
