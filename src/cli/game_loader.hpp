#pragma once
#include <string>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria::cli {

// Reads a strategic game from a file named on the command line.
StrategicGame load_strategic_game(const std::string& path);

// The output formats every command accepts.
enum class OutputFormat { kText, kJson, kGambit };
OutputFormat parse_output_format(const std::string& name);
const std::vector<std::string>& output_format_names();

}  // namespace equilibria::cli
