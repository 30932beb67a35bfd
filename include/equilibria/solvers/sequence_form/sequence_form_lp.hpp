#pragma once
// Two-player constant-sum game trees by the sequence-form LP (Koller,
// Megiddo, von Stengel): one LP per player, solved by COIN-OR Clp on the
// payoffs scaled by a power of two (largest magnitude near 1: the solution
// does not depend on the scale, while Clp fails on entries near its
// infinity, 1e19 and up, or below its tolerances). The answer is made exact
// either by solving Clp's optimal basis in rationals (small bases) or by
// rounding each behaviour probability to a nearby simple fraction; either way
// it is kept as exact only if its exact exploitability is zero. Otherwise the
// floating answer is returned with its certified exploitability. When Clp
// fails, the exact sequence-form Lemke solver (which also solves constant-sum
// games) answers instead.
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

struct SequenceFormLpResult : CertifiedBehavior {
  SolveStatus status = SolveStatus::kComplete;
  double value = 0;           // player 1's value, from the LP (NaN when no LP finished)
  bool lemke_fallback = false;
};

// Throws std::invalid_argument unless the tree has two players, perfect
// recall and payoffs summing to a constant at every terminal; SolverFailure
// when neither Clp nor the Lemke fallback gives an answer. Stopped by
// `control` (Clp gets the time left; the exact basis solve polls it), the
// plans of the LPs that finished (uniform for the others) are returned with
// their certificate.
SequenceFormLpResult solve_sequence_form_lp(const GameTree& tree, const SolveControl& control = {});

}  // namespace equilibria
