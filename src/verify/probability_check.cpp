#include "equilibria/verify/probability_check.hpp"

#include <cmath>
#include <span>

namespace equilibria {
namespace {

std::optional<std::string> vector_problem(std::span<const Rational> probs, const std::string& owner) {
  Rational sum(0);
  for (std::size_t k = 0; k < probs.size(); ++k) {
    if (probs[k] < 0) {
      return owner + " has a negative probability " + to_string(probs[k]) + " (entry " + std::to_string(k + 1) + ")";
    }
    sum += probs[k];
  }
  if (sum != 1) return owner + "'s probabilities sum to " + to_string(sum) + ", not 1";
  return std::nullopt;
}

void normalise(std::span<Rational> probs) {
  Rational sum(0);
  for (auto& x : probs) {
    if (x < 0) x = 0;
    sum += x;
  }
  for (auto& x : probs) {
    if (sum == 0) {
      x = Rational(1, static_cast<long>(probs.size()));
    } else if (sum != 1) {
      x /= sum;
    }
  }
}

std::span<const Rational> infoset_span(const GameTree& tree, const Behavior<Rational>& b, int infoset) {
  return {b.data() + tree.action_begin(infoset), static_cast<std::size_t>(tree.num_actions(infoset))};
}

}  // namespace

std::optional<std::string> distribution_problem(const MixedProfile<Rational>& profile) {
  for (int p = 0; p < profile.num_players(); ++p) {
    if (auto problem = vector_problem(profile.player(p), "player " + std::to_string(p + 1) + "'s strategy")) {
      return problem;
    }
  }
  return std::nullopt;
}

std::optional<std::string> behavior_problem(const GameTree& tree, const Behavior<Rational>& behavior) {
  if (behavior.size() != static_cast<std::size_t>(tree.num_global_actions())) {
    return "the behaviour profile has " + std::to_string(behavior.size()) + " probabilities for " +
           std::to_string(tree.num_global_actions()) + " actions";
  }
  for (int i = 0; i < tree.num_infosets(); ++i) {
    const std::string owner =
        "player " + std::to_string(tree.infoset_player(i) + 1) + "'s information set " + std::to_string(i + 1);
    if (auto problem = vector_problem(infoset_span(tree, behavior, i), owner)) return problem;
  }
  return std::nullopt;
}

MixedProfile<Rational> normalised(const MixedProfile<Rational>& profile) {
  MixedProfile<Rational> out = profile;
  for (int p = 0; p < out.num_players(); ++p) normalise(out.player(p));
  return out;
}

std::vector<Rational> normalised(const std::vector<double>& distribution) {
  std::vector<Rational> out(distribution.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (std::isfinite(distribution[k])) out[k] = distribution[k];
  }
  normalise(out);
  return out;
}

Behavior<Rational> normalised(const GameTree& tree, const Behavior<Rational>& behavior) {
  Behavior<Rational> out = behavior;
  for (int i = 0; i < tree.num_infosets(); ++i) {
    normalise({out.data() + tree.action_begin(i), static_cast<std::size_t>(tree.num_actions(i))});
  }
  return out;
}

}  // namespace equilibria
