#include "equilibria/solvers/pure/pure_nash.hpp"

#include <cstdint>

namespace equilibria {
namespace {

// Clears flag[i] for every profile i where player p's strategy is not a best
// response. Profiles group into blocks of k*stride entries; inside a block the
// `stride` opponent profiles are contiguous for each own strategy, so both
// passes read the payoffs sequentially.
template <class T>
bool mark_best_responses(const StrategicGame& game, int p, std::vector<std::uint8_t>& flag,
                         const SolveControl& control) {
  const T* u = game.payoffs<T>(p);
  const std::int64_t stride = game.stride(p);
  const int k = game.num_strategies(p);
  const std::int64_t block = stride * k;
  std::vector<T> best(stride);
  for (std::int64_t start = 0; start < game.num_profiles(); start += block) {
    if (control.should_stop()) return false;
    const T* b = u + start;
    for (std::int64_t o = 0; o < stride; ++o) best[o] = b[o];
    for (int s = 1; s < k; ++s) {
      const T* row = b + s * stride;
      for (std::int64_t o = 0; o < stride; ++o) {
        if (best[o] < row[o]) best[o] = row[o];
      }
    }
    std::uint8_t* f = flag.data() + start;
    for (int s = 0; s < k; ++s) {
      const T* row = b + s * stride;
      std::uint8_t* fr = f + s * stride;
      for (std::int64_t o = 0; o < stride; ++o) fr[o] &= static_cast<std::uint8_t>(row[o] == best[o]);
    }
  }
  return true;
}

template <class T>
SolveStatus enumerate(const StrategicGame& game, const PureNashOptions& options,
                      const std::function<void(const std::vector<int>&)>& found) {
  std::vector<std::uint8_t> flag(game.num_profiles(), 1);
  for (int p = 0; p < game.num_players(); ++p) {
    if (!mark_best_responses<T>(game, p, flag, options.control)) return SolveStatus::kStopped;
  }
  std::int64_t count = 0;
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    if (!flag[i]) continue;
    found(game.profile_of_index(i));
    if (options.limit > 0 && ++count >= options.limit) return SolveStatus::kLimitReached;
  }
  return SolveStatus::kComplete;
}

}  // namespace

SolveStatus enumerate_pure_nash(const StrategicGame& game, const PureNashOptions& options,
                                const std::function<void(const std::vector<int>&)>& found) {
  // Comparisons in double are exact when every payoff converts without loss.
  if (game.doubles_are_exact()) return enumerate<double>(game, options, found);
  return enumerate<Rational>(game, options, found);
}

}  // namespace equilibria
