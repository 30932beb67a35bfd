#include <algorithm>
#include <cfloat>
#include <cmath>

#include "stage_games.hpp"
#include "zero_sum_iterations.hpp"

namespace equilibria {

void shapley_iteration(const MarkovGame& game, double target, std::int64_t max_iterations, const SolveControl& control,
                       FloatingMarkovSolution& run) {
  const double d = game.discount_d();
  StageGames<double> stages(game);
  run.value.resize(game.num_states(), 0.0);
  std::vector<double> next(run.value.size());
  bool swept = false;
  for (std::int64_t k = 0; k < max_iterations; ++k) {
    if (control.should_stop()) {
      run.stopped = true;
      break;
    }
    // The mixes kept are those at the values before this sweep's update.
    const double change = stages.sweep(run.value, next);
    swept = true;
    run.stage_games += game.num_states();
    ++run.iterations;
    run.value.swap(next);
    if (d * change <= target * (1 - d)) break;
    // Below rounding noise the estimate cannot improve: stop there.
    double size = 0;
    for (double x : run.value) size = std::max(size, std::abs(x));
    if (change <= 64 * DBL_EPSILON * size) break;
  }
  if (swept) run.policy = stages.policy();
}

}  // namespace equilibria
