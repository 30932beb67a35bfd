#pragma once
// A strategic-form (normal-form) game with n players, stored densely.
//
// Layout: a pure profile (s_0, ..., s_{n-1}) has the flat index
// sum_p s_p * stride(p), the first player's strategy changing fastest (the
// order of Gambit's .nfg files). Payoffs are player-major: player p's payoffs
// form one contiguous array indexed by profile, so an expected-payoff sweep
// for one player reads one flat array. Every payoff is kept exactly and as a
// double beside it; doubles_are_exact() says whether the doubles lose nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria {

// Refuse games whose payoff table (players x profiles) is larger than this:
// a file cannot make us allocate without bound.
inline constexpr std::int64_t kMaxPayoffEntries = 20'000'000;

struct GameLabels {
  std::string title;
  std::string comment;
  std::vector<std::string> players;                  // one per player
  std::vector<std::vector<std::string>> strategies;  // per player, may be empty
};

class StrategicGame {
 public:
  // payoffs: player-major, num_players * num_profiles entries.
  // Throws std::invalid_argument when sizes disagree or exceed the limit.
  StrategicGame(std::vector<int> strategy_counts, std::vector<Rational> payoffs,
                GameLabels labels = {});

  int num_players() const { return static_cast<int>(counts_.size()); }
  int num_strategies(int player) const { return counts_[player]; }
  const std::vector<int>& strategy_counts() const { return counts_; }
  std::int64_t num_profiles() const { return num_profiles_; }
  std::int64_t stride(int player) const { return strides_[player]; }

  const Rational& payoff(int player, std::int64_t profile) const {
    return exact_[player * num_profiles_ + profile];
  }
  // Player p's payoffs over all profiles, as exact values or doubles. The
  // doubles are the payoffs times 2^-double_scale_exponent() (see
  // rational.hpp): a floating method whose parameters are in payoff units
  // (an aversion, a QRE's lambda) converts them with that exponent.
  template <class T>
  const T* payoffs(int player) const;
  int double_scale_exponent() const { return double_scale_exponent_; }

  // The doubles are the payoffs exactly (and unscaled).
  bool doubles_are_exact() const { return doubles_are_exact_; }
  // Largest minus smallest of the doubles (scaled units).
  double payoff_range() const;
  // Every payoff an integer: exact sums can run on GMP integers.
  bool integral_payoffs() const { return integral_payoffs_; }

  std::int64_t profile_index(const std::vector<int>& pure) const;
  std::vector<int> profile_of_index(std::int64_t index) const;

  const GameLabels& labels() const { return labels_; }
  // The strategy's name, or its 1-based number when the file gave none.
  std::string strategy_label(int player, int strategy) const;
  std::string player_label(int player) const;

 private:
  std::vector<int> counts_;
  std::vector<std::int64_t> strides_;
  std::int64_t num_profiles_ = 0;
  std::vector<Rational> exact_;
  std::vector<double> approx_;
  int double_scale_exponent_ = 0;
  bool doubles_are_exact_ = false;
  bool integral_payoffs_ = false;
  GameLabels labels_;
};

template <>
inline const Rational* StrategicGame::payoffs<Rational>(int player) const {
  return exact_.data() + player * num_profiles_;
}
template <>
inline const double* StrategicGame::payoffs<double>(int player) const {
  return approx_.data() + player * num_profiles_;
}

// Product of the counts, or -1 when it exceeds `cap` (never overflows).
std::int64_t checked_profile_count(const std::vector<int>& counts, std::int64_t cap);

}  // namespace equilibria
