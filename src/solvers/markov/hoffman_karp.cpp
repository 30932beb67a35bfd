#include <algorithm>
#include <cfloat>
#include <cmath>

#include "equilibria/verify/markov_best_response.hpp"
#include "stage_games.hpp"
#include "zero_sum_iterations.hpp"

namespace equilibria {

void hoffman_karp(const MarkovGame& game, double target, std::int64_t max_iterations, const SolveControl& control,
                  FloatingMarkovSolution& run) {
  const double d = game.discount_d();
  const int S = game.num_states();
  StageGames<double> stages(game);
  run.value.resize(S, 0.0);
  std::vector<double> image(S), reply(S);
  // Rounds that no longer lower the residual (rounding noise, near discount
  // 1 above all) end the iteration rather than run to the cap.
  constexpr int kStallRounds = 50;
  double best = HUGE_VAL;
  int stalled = 0;
  for (std::int64_t k = 0; k < max_iterations; ++k) {
    if (control.should_stop()) {
      run.stopped = true;
      break;
    }
    const double residual = stages.sweep(run.value, image);
    run.policy = stages.policy();
    run.stage_games += S;
    ++run.iterations;
    double size = 0;
    for (double x : run.value) size = std::max(size, std::abs(x));
    if (residual <= target * (1 - d) || residual <= 64 * DBL_EPSILON * size) break;
    if (residual < best) {
      best = residual;
      stalled = 0;
    } else if (++stalled == kStallRounds) {
      break;
    }
    // The second player's best reply to x; its values are the negatives of
    // what x guarantees the first player.
    for (int s = 0; s < S; ++s) reply[s] = -run.value[s];
    const BoundedResponse r = bounded_best_response(game, run.policy, 1, control, &reply);
    for (int s = 0; s < S; ++s) run.value[s] = -r.value[s];
  }
}

}  // namespace equilibria
