#pragma once
// Correlated (CE) and coarse correlated (CCE) equilibria of n-player
// strategic games by linear programming over joint distributions (COIN-OR
// Clp), with a linear objective and extra linear constraints (constrained
// Phi-equilibria: caps on expected payoffs, forbidden joint profiles, bounds
// on marginals). The optimal basis is solved exactly; the answer is reported
// exact when its exact deviation gains are zero and every constraint holds
// exactly. Where that fails (Clp failing, or doubles unable to resolve the
// payoffs) small LPs are solved by an exact rational simplex; otherwise the
// answer is floating with its certified gains. Without extra constraints the
// LP is never reported infeasible (a CE always exists): SolverFailure when
// no route solves it.
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/verify/deviation_gains.hpp"

namespace equilibria {

struct CorrelatedObjective {
  enum class Kind { kWelfare, kPlayer, kMinPlayer, kNone };
  Kind kind = Kind::kWelfare;
  int player = 0;  // kPlayer
};

// sum over profiles of coefficient * mu(profile)  (sense)  rhs
struct DistributionConstraint {
  enum class Sense { kLessEqual, kGreaterEqual, kEqual };
  std::vector<std::pair<std::int64_t, Rational>> terms;
  Sense sense = Sense::kLessEqual;
  Rational rhs;
  std::string description;  // for messages
};

struct CorrelatedResult {
  // kStopped: the time limit ended the LP; `distribution` is then the point
  // reached (empty if none), floating, with its gains certified exactly.
  SolveStatus status = SolveStatus::kComplete;
  bool feasible = true;  // false: the extra constraints exclude every distribution
  bool exact = false;    // when infeasible: proven in rationals
  std::vector<Rational> distribution;  // per profile
  CorrelatedCertificate<Rational> cert;
  Rational objective;
  int simplex_iterations = 0;
  int generation_rounds = 0;  // column generation rounds (large games)
};

// Throws std::invalid_argument when the LP is too large (more than
// kMaxCorrelatedProfiles profiles).
inline constexpr std::int64_t kMaxCorrelatedProfiles = 2'000'000;
CorrelatedResult solve_correlated_lp(const StrategicGame& game, CorrelatedConcept kind,
                                     const CorrelatedObjective& objective,
                                     const std::vector<DistributionConstraint>& extra,
                                     const SolveControl& control = {});

}  // namespace equilibria
