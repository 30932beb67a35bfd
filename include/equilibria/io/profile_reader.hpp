#pragma once
// Reads mixed profiles to verify: JSON (`{"strategies": [[...], ...]}`, the
// output of `solve`, or a bare list of lists) or Gambit's `NE,p1,p2,...`
// lines. Quoted entries ("1/3") and Gambit's numbers are exact; JSON numbers
// are floating and make the profile approximate.
#include <string>
#include <string_view>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/mixed_profile.hpp"

namespace equilibria {

struct ProfileInput {
  MixedProfile<Rational> profile;
  bool exact = true;  // every entry exact and each player's sum exactly 1
  int line = 0;       // where it was read, for messages
};

// Throws InputError on malformed text, wrong sizes, negative or non-finite
// entries, or a player's probabilities not summing to 1 (within 1e-6 when
// approximate).
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

}  // namespace equilibria
