#include "equilibria/games/strategic_game.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace equilibria {

std::int64_t checked_profile_count(const std::vector<int>& counts, std::int64_t cap) {
  std::int64_t total = 1;
  for (int c : counts) {
    if (c <= 0) return -1;
    if (total > cap / c) return -1;
    total *= c;
  }
  return total;
}

StrategicGame::StrategicGame(std::vector<int> strategy_counts, std::vector<Rational> payoffs,
                             GameLabels labels)
    : counts_(std::move(strategy_counts)), exact_(std::move(payoffs)), labels_(std::move(labels)) {
  if (counts_.empty()) throw std::invalid_argument("a game needs at least one player");
  const auto n = static_cast<std::int64_t>(counts_.size());
  num_profiles_ = checked_profile_count(counts_, kMaxPayoffEntries / n);
  if (num_profiles_ < 0) {
    throw std::invalid_argument("strategy counts must be positive and the payoff table at most " +
                                std::to_string(kMaxPayoffEntries) + " entries");
  }
  if (static_cast<std::int64_t>(exact_.size()) != n * num_profiles_) {
    throw std::invalid_argument("expected " + std::to_string(n * num_profiles_) + " payoffs, got " +
                                std::to_string(exact_.size()));
  }
  strides_.resize(counts_.size());
  std::int64_t s = 1;
  for (std::size_t p = 0; p < counts_.size(); ++p) {
    strides_[p] = s;
    s *= counts_[p];
  }
  approx_.resize(exact_.size());
  double_scale_exponent_ = equilibria::double_scale_exponent(exact_);
  doubles_are_exact_ = double_scale_exponent_ == 0;
  integral_payoffs_ = true;
  for (std::size_t i = 0; i < exact_.size(); ++i) {
    if (integral_payoffs_ && exact_[i].get_den() != 1) integral_payoffs_ = false;
    approx_[i] = scaled_double(exact_[i], double_scale_exponent_);
    if (doubles_are_exact_ && cmp(exact_[i], approx_[i]) != 0) doubles_are_exact_ = false;
  }
  labels_.players.resize(counts_.size());
  labels_.strategies.resize(counts_.size());
}

double StrategicGame::payoff_range() const {
  const auto [lo, hi] = std::minmax_element(approx_.begin(), approx_.end());
  return *hi - *lo;
}

std::int64_t StrategicGame::profile_index(const std::vector<int>& pure) const {
  std::int64_t idx = 0;
  for (std::size_t p = 0; p < counts_.size(); ++p) idx += pure[p] * strides_[p];
  return idx;
}

std::vector<int> StrategicGame::profile_of_index(std::int64_t index) const {
  std::vector<int> pure(counts_.size());
  for (std::size_t p = 0; p < counts_.size(); ++p) {
    pure[p] = static_cast<int>(index % counts_[p]);
    index /= counts_[p];
  }
  return pure;
}

std::string StrategicGame::strategy_label(int player, int strategy) const {
  const auto& names = labels_.strategies[player];
  if (strategy < static_cast<int>(names.size()) && !names[strategy].empty()) return names[strategy];
  return std::to_string(strategy + 1);
}

std::string StrategicGame::player_label(int player) const {
  const auto& name = labels_.players[player];
  return name.empty() ? "Player " + std::to_string(player + 1) : name;
}

}  // namespace equilibria
