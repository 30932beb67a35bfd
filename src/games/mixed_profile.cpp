#include "equilibria/games/mixed_profile.hpp"

namespace equilibria {

template <class T>
MixedProfile<T>::MixedProfile(const std::vector<int>& strategy_counts) {
  offsets_.reserve(strategy_counts.size() + 1);
  int total = 0;
  for (int c : strategy_counts) {
    total += c;
    offsets_.push_back(total);
  }
  probs_.assign(total, T(0));
}

template <class T>
MixedProfile<T> MixedProfile<T>::pure(const std::vector<int>& strategy_counts,
                                      const std::vector<int>& choice) {
  MixedProfile out(strategy_counts);
  for (std::size_t p = 0; p < strategy_counts.size(); ++p) out.player(static_cast<int>(p))[choice[p]] = T(1);
  return out;
}

template <class T>
MixedProfile<T> MixedProfile<T>::uniform(const std::vector<int>& strategy_counts) {
  MixedProfile out(strategy_counts);
  for (std::size_t p = 0; p < strategy_counts.size(); ++p) {
    for (T& x : out.player(static_cast<int>(p))) x = T(1) / T(strategy_counts[p]);
  }
  return out;
}

template <class T>
std::vector<int> MixedProfile<T>::strategy_counts() const {
  std::vector<int> counts(num_players());
  for (int p = 0; p < num_players(); ++p) counts[p] = num_strategies(p);
  return counts;
}

template class MixedProfile<double>;
template class MixedProfile<Rational>;

}  // namespace equilibria
