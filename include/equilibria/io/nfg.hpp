#pragma once
// Gambit's strategic-form format (.nfg), both the payoff version
// (`{ 3 2 }` then payoffs) and the outcome version (strategy names, a list
// of outcomes, then one outcome number per profile). Payoffs are read exactly.
#include <cstdint>
#include <string>
#include <string_view>

#include "equilibria/games/strategic_game.hpp"
#include "equilibria/io/text_file.hpp"

namespace equilibria {

// Throws InputError (file, line, cause) on anything malformed.
StrategicGame read_nfg(std::string_view text, const std::string& file_name);
StrategicGame read_nfg_file(const std::string& path);

// Writes the payoff version, with strategy names when the game has any;
// read_nfg(write_nfg(g)) gives back g.
std::string write_nfg(const StrategicGame& game);

}  // namespace equilibria
