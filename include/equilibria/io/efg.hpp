#pragma once
// Gambit's extensive-form format (.efg, version 2). Tolerant where Gambit 17
// is strict: repeated node and information-set labels load. Outcomes at
// non-terminal nodes are added into the payoffs of every terminal below.
#include <string>
#include <string_view>

#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria {

// Throws InputError (file, line, cause) on anything malformed.
GameTree read_efg(std::string_view text, const std::string& file_name);
GameTree read_efg_file(const std::string& path);

// Writes the tree with one outcome per terminal node; read_efg(write_efg(t))
// gives back the same game.
std::string write_efg(const GameTree& tree);

}  // namespace equilibria
