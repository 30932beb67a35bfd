#pragma once
// The first half of every certificate: the answer is a probability
// distribution, exactly. A regret of zero says nothing about a "strategy"
// with a negative entry, so no answer is called exact before this holds.
#include <optional>
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

// Why some player's vector is not a distribution (a negative entry, or a sum
// other than 1), or nullopt when every one is.
std::optional<std::string> distribution_problem(const MixedProfile<Rational>& profile);

// The same for a behaviour profile, per information set.
std::optional<std::string> behavior_problem(const GameTree& tree, const Behavior<Rational>& behavior);

// The nearest honest reading of an approximate answer: negative entries set
// to zero, each vector divided by its sum (uniform where nothing is left).
MixedProfile<Rational> normalised(const MixedProfile<Rational>& profile);
Behavior<Rational> normalised(const GameTree& tree, const Behavior<Rational>& behavior);
// The same for one distribution given in doubles (non-finite entries as zero).
std::vector<Rational> normalised(const std::vector<double>& distribution);

}  // namespace equilibria
