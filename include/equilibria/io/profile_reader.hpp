#pragma once
// Reads answers to verify: mixed profiles as JSON (`{"strategies": [[...],
// ...]}`, the output of `solve`, or a bare list of lists) or Gambit's
// `NE,p1,p2,...` lines; behaviour profiles; and solve's CE/CCE answers.
// One rule for every entry in every notation: its value is read exactly from
// its text; integers, fractions and JSON strings are exact, while a decimal
// point or exponent (a JSON float, Gambit's "0.3333") is floating and makes
// the profile approximate, as does solve's top-level "exact": false.
// Malformed JSON of any kind (numbers beyond the double range included)
// throws InputError naming the file.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/verify/deviation_gains.hpp"

namespace equilibria {

struct ProfileInput {
  MixedProfile<Rational> profile;
  bool exact = true;  // every entry exact and each player's sum exactly 1
  int line = 0;       // where it was read, for messages
};

// Throws InputError on malformed text, wrong sizes, negative entries, or a
// player's probabilities not summing to 1 (within 1e-6 when approximate).
std::vector<ProfileInput> read_profiles(std::string_view text, const std::string& file_name,
                                        const std::vector<int>& strategy_counts);

// Behaviour profiles of a tree, from JSON: {"behavior": [[[...], ...], ...]}
// (per player, per information set in Gambit's order, per action) or the
// output of `solve` on a tree. Each set's probabilities must sum to 1
// (within 1e-6 when approximate); `flat` holds them by global action.
struct BehaviorInput {
  std::vector<Rational> flat;
  bool exact = true;
};
std::vector<BehaviorInput> read_behavior_profiles(std::string_view text, const std::string& file_name,
                                                  const GameTree& tree);

// Distributions over joint profiles from solve's CE/CCE JSON: `"concept":
// "ce"|"cce"` and per equilibrium `"distribution": [{"profile": [strategy
// per player, 0-based], "probability": p}, ...]` (profiles not listed have
// probability 0). Checks that each is a distribution (non-negative, valid
// profiles each listed once, sum 1; an approximate one within 1e-6 of 1 is
// divided by its sum). nullopt when the text is not such an answer.
struct DistributionInput {
  CorrelatedConcept kind = CorrelatedConcept::kCorrelated;
  std::vector<Rational> probability;  // per profile index
  bool exact = true;
};
std::optional<std::vector<DistributionInput>> read_distributions(std::string_view text, const std::string& file_name,
                                                                const StrategicGame& game);

}  // namespace equilibria
