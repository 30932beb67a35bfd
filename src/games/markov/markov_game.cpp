#include "equilibria/games/markov/markov_game.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace equilibria {
namespace {

[[noreturn]] void refuse(const std::string& why) { throw std::invalid_argument(why); }

}  // namespace

MarkovGame::MarkovGame(std::vector<std::string> players, std::vector<MarkovState> states,
                       std::vector<std::vector<MarkovOutcome>> outcomes, std::optional<Rational> discount,
                       std::optional<int> horizon, std::vector<Rational> initial)
    : players_(std::move(players)), states_(std::move(states)), initial_(std::move(initial)) {
  const int n = num_players();
  const int S = num_states();
  if (n < 1) refuse("a Markov game needs at least one player");
  if (S < 1) refuse("a Markov game needs at least one state");
  if (discount.has_value() == horizon.has_value()) refuse("give exactly one of a discount and a horizon");
  // Callers may build fractions from numerator and denominator; GMP's
  // comparisons and arithmetic need them canonical.
  if (discount) discount->canonicalize();
  for (auto& q : initial_) q.canonicalize();
  for (auto& per_state : outcomes) {
    for (auto& o : per_state) {
      for (auto& r : o.rewards) r.canonicalize();
      for (auto& entry : o.next) entry.second.canonicalize();
    }
  }
  if (discount) {
    if (*discount < 0 || *discount >= 1) refuse("the discount must be at least 0 and less than 1");
    discount_ = *discount;
    discount_d_ = discount_->get_d();
  } else {
    if (*horizon < 1) refuse("the horizon must be a positive integer");
    horizon_ = *horizon;
  }
  if (static_cast<int>(outcomes.size()) != S) refuse("outcomes are needed for every state");
  if (static_cast<int>(initial_.size()) != S) refuse("the initial distribution needs one entry per state");
  Rational total = 0;
  for (const auto& q : initial_) {
    if (q < 0) refuse("initial probabilities must not be negative");
    total += q;
  }
  if (total != 1) refuse("initial probabilities sum to " + to_string(total) + ", not 1");
  joint_begin_.assign(1, 0);
  strides_.reserve(static_cast<std::size_t>(S) * n);
  for (int s = 0; s < S; ++s) {
    if (static_cast<int>(states_[s].actions.size()) != n) refuse("state " + states_[s].name + " needs an action list per player");
    std::int64_t joint = 1;
    for (int p = 0; p < n; ++p) {
      const auto k = static_cast<std::int64_t>(states_[s].actions[p].size());
      if (k < 1) refuse("state " + states_[s].name + ": every player needs at least one action");
      strides_.push_back(joint);
      if (joint > kMaxMarkovEntries / k) refuse("state " + states_[s].name + " has too many joint actions");
      joint *= k;
    }
    if (static_cast<std::int64_t>(outcomes[s].size()) != joint) {
      refuse("state " + states_[s].name + " needs " + std::to_string(joint) + " outcomes");
    }
    if (joint_begin_.back() + joint > kMaxMarkovEntries) refuse("too many joint actions in all");
    joint_begin_.push_back(joint_begin_.back() + joint);
  }
  rewards_.reserve(static_cast<std::size_t>(num_outcomes()) * n);
  transition_begin_.assign(1, 0);
  for (int s = 0; s < S; ++s) {
    for (auto& o : outcomes[s]) {
      if (static_cast<int>(o.rewards.size()) != n) refuse("state " + states_[s].name + ": one reward per player");
      for (auto& r : o.rewards) rewards_.push_back(std::move(r));
      Rational sum = 0;
      for (auto& [next, q] : o.next) {
        if (next < 0 || next >= S) refuse("state " + states_[s].name + ": a transition to an unknown state");
        if (q < 0) refuse("state " + states_[s].name + ": a negative transition probability");
        if (q == 0) continue;
        sum += q;
        if (static_cast<std::int64_t>(transitions_.size()) >= kMaxMarkovEntries) refuse("too many transitions in all");
        transitions_.push_back({next, q.get_d()});
        probabilities_.push_back(std::move(q));
      }
      if (sum != 1) refuse("state " + states_[s].name + ": next-state probabilities sum to " + to_string(sum) + ", not 1");
      transition_begin_.push_back(static_cast<std::int64_t>(transitions_.size()));
    }
  }
  long most = 0;  // floor(log2 max |reward|) + 1, about
  bool any = false;
  for (const auto& r : rewards_) {
    if (!std::isfinite(r.get_d())) refuse("a reward beyond the range of doubles");
    if (sgn(r) == 0) continue;
    const long bits = static_cast<long>(mpz_sizeinbase(r.get_num_mpz_t(), 2)) -
                      static_cast<long>(mpz_sizeinbase(r.get_den_mpz_t(), 2)) + 1;
    most = any ? std::max(most, bits) : bits;
    any = true;
  }
  if (most > kMaxFloatingMagnitudeLog2) reward_scale_exponent_ = static_cast<int>(most - kMaxFloatingMagnitudeLog2);
  if (most < -kMaxFloatingMagnitudeLog2) reward_scale_exponent_ = static_cast<int>(most);
  rewards_d_.reserve(rewards_.size());
  for (const auto& r : rewards_) rewards_d_.push_back(times_power_of_two(r, -reward_scale_exponent_).get_d());
}

int MarkovGame::state_index(const std::string& name) const {
  for (int s = 0; s < num_states(); ++s) {
    if (states_[s].name == name) return s;
  }
  return -1;
}

std::vector<int> MarkovGame::joint_of_index(int s, std::int64_t joint) const {
  std::vector<int> a(num_players());
  for (int p = 0; p < num_players(); ++p) {
    a[p] = static_cast<int>(joint % num_actions(s, p));
    joint /= num_actions(s, p);
  }
  return a;
}

bool MarkovGame::zero_sum() const {
  if (num_players() != 2) return false;
  for (std::int64_t o = 0; o < num_outcomes(); ++o) {
    if (reward(o, 0) + reward(o, 1) != 0) return false;
  }
  return true;
}

double MarkovGame::reward_magnitude() const {
  double m = 0;
  for (double r : rewards_d_) m = std::max(m, std::abs(r));
  return m;
}

bool MarkovGame::turn_based() const {
  for (int s = 0; s < num_states(); ++s) {
    int movers = 0;
    for (int p = 0; p < num_players(); ++p) movers += num_actions(s, p) > 1;
    if (movers > 1) return false;
  }
  return true;
}

}  // namespace equilibria
