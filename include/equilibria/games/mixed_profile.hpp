#pragma once
// A mixed strategy profile: one probability vector per player, stored in one
// flat array with per-player offsets.
#include <cstdint>
#include <span>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria {

template <class T>
class MixedProfile {
 public:
  MixedProfile() = default;
  // All probabilities zero.
  explicit MixedProfile(const std::vector<int>& strategy_counts);

  static MixedProfile pure(const std::vector<int>& strategy_counts, const std::vector<int>& choice);
  static MixedProfile uniform(const std::vector<int>& strategy_counts);

  int num_players() const { return static_cast<int>(offsets_.size()) - 1; }
  int num_strategies(int player) const { return offsets_[player + 1] - offsets_[player]; }
  std::vector<int> strategy_counts() const;

  std::span<T> player(int p) { return {probs_.data() + offsets_[p], probs_.data() + offsets_[p + 1]}; }
  std::span<const T> player(int p) const {
    return {probs_.data() + offsets_[p], probs_.data() + offsets_[p + 1]};
  }
  const std::vector<T>& flat() const { return probs_; }
  std::vector<T>& flat() { return probs_; }

  template <class U>
  MixedProfile<U> convert() const {
    MixedProfile<U> out(strategy_counts());
    for (std::size_t i = 0; i < probs_.size(); ++i) out.flat()[i] = to<U>(probs_[i]);
    return out;
  }

 private:
  template <class U>
  static U to(const T& x) {
    if constexpr (std::is_same_v<U, double>) {
      return Number<T>::to_double(x);
    } else {
      return U(x);
    }
  }

  std::vector<int> offsets_{0};
  std::vector<T> probs_;
};

extern template class MixedProfile<double>;
extern template class MixedProfile<Rational>;

}  // namespace equilibria
