#pragma once
// A Markov (stochastic) game: n players, finite states, per state an action
// set per player; each joint action gives every player a reward and a
// distribution over next states. Play is discounted (0 <= discount < 1) or
// stops after a finite horizon; an initial distribution says where it starts.
//
// Layout: the joint actions of all states are numbered consecutively,
// state s owning [joint_begin(s), joint_begin(s+1)); inside a state the first
// player's action changes fastest (as in StrategicGame). Rewards are
// outcome-major (outcome * players + player); transitions are one flat list,
// outcome o owning [transition_begin(o), transition_begin(o+1)). Every number
// is kept exactly and as a double beside it.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria {

// A file cannot make us allocate without bound: states, joint actions and
// transition entries in all are capped.
inline constexpr std::int64_t kMaxMarkovEntries = 20'000'000;

struct MarkovState {
  std::string name;
  std::vector<std::vector<std::string>> actions;  // per player, the action labels
};

// One joint action's result, as a builder passes it in.
struct MarkovOutcome {
  std::vector<Rational> rewards;                    // per player
  std::vector<std::pair<int, Rational>> next;       // (state, probability), probabilities > 0
};

struct MarkovTransition {
  int next;
  double probability;
};

class MarkovGame {
 public:
  // outcomes[s][joint] for every joint action of state s (first player
  // fastest). Exactly one of discount (in [0, 1)) and horizon (>= 1) is set.
  // Throws std::invalid_argument when sizes, probabilities (non-negative,
  // summing to exactly 1), indices, discount or horizon are wrong.
  MarkovGame(std::vector<std::string> players, std::vector<MarkovState> states,
             std::vector<std::vector<MarkovOutcome>> outcomes, std::optional<Rational> discount,
             std::optional<int> horizon, std::vector<Rational> initial);

  int num_players() const { return static_cast<int>(players_.size()); }
  int num_states() const { return static_cast<int>(states_.size()); }
  const std::string& player_name(int p) const { return players_[p]; }
  const std::vector<std::string>& player_names() const { return players_; }
  const MarkovState& state(int s) const { return states_[s]; }
  int num_actions(int s, int p) const { return static_cast<int>(states_[s].actions[p].size()); }
  // The state's index, or -1.
  int state_index(const std::string& name) const;

  std::int64_t joint_begin(int s) const { return joint_begin_[s]; }
  std::int64_t num_joint(int s) const { return joint_begin_[s + 1] - joint_begin_[s]; }
  std::int64_t num_outcomes() const { return joint_begin_.back(); }
  // Stride of player p's action inside state s's joint index.
  std::int64_t stride(int s, int p) const { return strides_[s * num_players() + p]; }
  std::vector<int> joint_of_index(int s, std::int64_t joint) const;

  const Rational& reward(std::int64_t outcome, int p) const { return rewards_[outcome * num_players() + p]; }
  // The reward times 2^-reward_scale_exponent(), as a double: floating
  // methods work in these units and scale their answers back exactly.
  double reward_d(std::int64_t outcome, int p) const { return rewards_d_[outcome * num_players() + p]; }
  // 0 unless the largest |reward| lies beyond 2^+-kMaxFloatingMagnitudeLog2;
  // then the exponent that brings it near 2^128 (huge) or 1 (tiny), so that
  // values (up to max|reward| / (1 - discount)) and their rounding errors
  // stay inside the doubles' range.
  int reward_scale_exponent() const { return reward_scale_exponent_; }
  std::int64_t transition_begin(std::int64_t outcome) const { return transition_begin_[outcome]; }
  std::int64_t transition_end(std::int64_t outcome) const { return transition_begin_[outcome + 1]; }
  const MarkovTransition& transition(std::int64_t k) const { return transitions_[k]; }
  const Rational& transition_probability(std::int64_t k) const { return probabilities_[k]; }
  std::int64_t num_transitions() const { return static_cast<std::int64_t>(transitions_.size()); }

  bool discounted() const { return discount_.has_value(); }
  const Rational& discount() const { return *discount_; }
  double discount_d() const { return discount_d_; }
  int horizon() const { return horizon_; }  // 0 when discounted
  const std::vector<Rational>& initial() const { return initial_; }

  // Rewards of the two players sum to zero at every outcome.
  bool zero_sum() const;
  // Largest |reward_d| over all outcomes and players (scaled units).
  double reward_magnitude() const;
  // At most one player has more than one action in every state.
  bool turn_based() const;

 private:
  std::vector<std::string> players_;
  std::vector<MarkovState> states_;
  std::vector<std::int64_t> joint_begin_;
  std::vector<std::int64_t> strides_;
  std::vector<Rational> rewards_;
  std::vector<double> rewards_d_;
  int reward_scale_exponent_ = 0;
  std::vector<std::int64_t> transition_begin_;
  std::vector<MarkovTransition> transitions_;
  std::vector<Rational> probabilities_;
  std::optional<Rational> discount_;
  double discount_d_ = 0;
  int horizon_ = 0;
  std::vector<Rational> initial_;
};

// Stationary (discounted) or per-step (finite horizon) mixed policies:
// probability[p][s][a] of player p's action a at state s; per-step policies
// hold one such table per step.
template <class T>
using MarkovPolicy = std::vector<std::vector<std::vector<T>>>;

}  // namespace equilibria
