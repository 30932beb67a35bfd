#pragma once
// The pieces of the CLI's output (SPEC.md): JSON objects, Gambit `NE,` lines
// and text, shared by every command that prints games or profiles.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria::cli {

using Json = nlohmann::ordered_json;

Json game_json(const StrategicGame& game);
Json rationals_json(const std::vector<Rational>& values);
Json profile_json(const MixedProfile<Rational>& profile);
// {"strategies", "payoffs", "regret"} for an exact equilibrium.
Json equilibrium_json(const MixedProfile<Rational>& profile, const Certificate<Rational>& cert);
// The same as JSON numbers, for approximate answers: regret is then the certified epsilon.
Json floating_equilibrium_json(const MixedProfile<Rational>& profile, const Certificate<Rational>& cert);

std::string gambit_line(const MixedProfile<Rational>& profile);

// Trees: {"players", "infosets" per player, "nodes"}; behaviour per player,
// per information set in Gambit's order, per action, as JSON numbers.
Json tree_json(const GameTree& tree);
Json behavior_json(const GameTree& tree, const std::vector<Rational>& behavior);
Json exact_behavior_json(const GameTree& tree, const std::vector<Rational>& behavior);  // rational strings
std::string gambit_behavior_line(const GameTree& tree, const std::vector<Rational>& behavior);
// "[1/2, 1/2, 0] [1, 0]"
std::string profile_text(const MixedProfile<Rational>& profile);
std::string join_rationals(const std::vector<Rational>& values);

}  // namespace equilibria::cli
