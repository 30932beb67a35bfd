#pragma once
// Game trees built in by name, for `--game NAME`.
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria {

// Throws std::invalid_argument for an unknown name.
GameTree builtin_game(const std::string& name);
const std::vector<std::string>& builtin_game_names();

}  // namespace equilibria
