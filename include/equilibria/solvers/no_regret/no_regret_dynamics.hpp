#pragma once
// No-regret dynamics on n-player strategic games: every player runs a
// learner against the others' current mixed strategies, and the empirical
// joint play (the average of the product distributions played) converges to
// a coarse correlated equilibrium (external-regret learners) or a correlated
// equilibrium (the swap-regret learner of Blum and Mansour). Flat arrays; an
// iteration allocates nothing.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/verify/deviation_gains.hpp"

namespace equilibria {

enum class Learner { kRegretMatching, kRegretMatchingPlus, kHedge, kOptimisticHedge, kSwapRegret };

// "regret-matching", "regret-matching+", "hedge", "optimistic-hedge", "swap-regret".
Learner learner_from_name(const std::string& name);  // throws std::invalid_argument
const std::vector<std::string>& learner_names();

struct NoRegretOptions {
  Learner learner = Learner::kRegretMatchingPlus;
  std::int64_t iterations = 1000;
  double learning_rate = 0;  // Hedge: 0 picks sqrt(8 ln k / T) per player
  SolveControl control;
  std::int64_t log_every = 0;  // call `log` every so many iterations (0: never)
  std::function<void(std::int64_t iteration, double seconds, double gap)> log;
  // Called with every product profile played (all players' mixed strategies,
  // flat, player after player), if wanted.
  std::function<void(const std::vector<double>& mix)> on_play;
};

struct NoRegretResult {
  SolveStatus status = SolveStatus::kComplete;
  std::int64_t iterations = 0;
  double seconds = 0;
  std::vector<double> joint;  // empirical distribution over profiles
  // The concept the learner targets: CE for swap regret, else CCE.
  CorrelatedConcept concept_target = CorrelatedConcept::kCoarseCorrelated;
};

// Needs at most kMaxCorrelatedProfiles... profiles (the joint play is kept densely).
NoRegretResult run_no_regret(const StrategicGame& game, const NoRegretOptions& options);

}  // namespace equilibria
