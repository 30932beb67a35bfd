#pragma once
// Game trees built in by name, for `--game NAME`.
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria {

// Throws std::invalid_argument for an unknown name, and ResourceLimit (with
// the tree's size) for parameters whose tree would need more memory than
// builtin_tree_memory_budget(): sizes are estimated before building.
GameTree builtin_game(const std::string& name);

// A quarter of physical memory, at most kBuiltinTreeMemoryCap bytes.
inline constexpr double kBuiltinTreeMemoryCap = 4.0 * 1024 * 1024 * 1024;
double builtin_tree_memory_budget();
const std::vector<std::string>& builtin_game_names();

}  // namespace equilibria
