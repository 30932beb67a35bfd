#pragma once
// Logit quantal response equilibria, and Nash equilibria as their limit: the
// principal branch of the logit QRE correspondence (McKelvey and Palfrey),
// traced from the centroid at lambda = 0 by a predictor-corrector on
//   log x_is - log x_i0 = lambda (u_i(s, x_-i) - u_i(0, x_-i)),  sum_s x_is = 1,
// in log-probability coordinates, with arclength step control (Turocy's
// approach). Payoffs are scaled to a range of 1. At the end the support of
// the limit is read off and the equilibrium refined on it: exactly for two
// players (indifference equations solved in rationals), by Newton's method
// otherwise; every answer is certified by its exact regret.
#include <functional>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct LogitOptions {
  SolveControl control;
  double final_lambda = 0;  // > 0: stop at this lambda (in units of the payoff range) and report the QRE
  double max_lambda = 1e7;  // tracing towards Nash stops here at the latest
  // ... or after this many steps (a path that crawls beside a degenerate set
  // of equilibria), then status kLimitReached and the refinement of the
  // last point.
  int max_steps = 100'000;
  std::function<void(double lambda, const MixedProfile<double>&)> on_step;  // the path, if wanted
};

struct LogitResult {
  SolveStatus status = SolveStatus::kComplete;
  double lambda = 0;              // where the tracing stopped (payoff range 1)
  MixedProfile<double> qre;       // the last point on the path
  MixedProfile<Rational> profile; // Nash: refined answer (exact when `exact`); QRE: the point on the path
  bool exact = false;
  int steps = 0;
};

LogitResult trace_logit(const StrategicGame& game, const LogitOptions& options);

}  // namespace equilibria
