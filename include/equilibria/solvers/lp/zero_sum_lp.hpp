#pragma once
// Two-player constant-sum games by linear programming: COIN-OR Clp solves the
// floating LP; the optimal basis it ends with is solved exactly for both
// players' strategies, and the pair is verified with zero exact regret. If
// Clp's basis does not verify, an exact Lemke-Howson path (in rationals)
// supplies the answer: every equilibrium of a constant-sum game is minimax.
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct ZeroSumLpOptions {
  SolveControl control;
};

struct ZeroSumLpResult {
  SolveStatus status = SolveStatus::kComplete;
  MixedProfile<Rational> profile;  // exact, verified
  Rational value;                  // the row player's value
  bool exact_fallback = false;     // Clp's basis did not verify
  int simplex_iterations = 0;
};

// Throws std::invalid_argument unless the game has two players and is
// constant-sum.
ZeroSumLpResult solve_zero_sum_lp(const StrategicGame& game, const ZeroSumLpOptions& options);

}  // namespace equilibria
