#pragma once
// Correlated (CE) and coarse correlated (CCE) equilibria of n-player
// strategic games by linear programming over joint distributions (COIN-OR
// Clp), with a linear objective and extra linear constraints (constrained
// Phi-equilibria: caps on expected payoffs, forbidden joint profiles, bounds
// on marginals). The optimal basis is solved exactly; the answer is reported
// exact when its exact deviation gains are zero and every constraint holds
// exactly, else as floating with its certified gains.
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
  SolveStatus status = SolveStatus::kComplete;  // kStopped: the time limit ended the LP
  bool feasible = true;
  bool exact = false;
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
