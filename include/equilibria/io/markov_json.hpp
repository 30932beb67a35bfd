#pragma once
// Markov games as JSON ("format": "markov-game"; docs/markov-games.md).
// Numbers are read exactly: strings holding integers, fractions or decimals,
// or plain JSON numbers (a JSON float by its shortest decimal).
#include <string>

#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

// InputError naming the file and the line of the offending value.
MarkovGame read_markov_json(const std::string& text, const std::string& file);

// A JSON object whose "format" is "markov-game" (checked cheaply, before parsing).
bool looks_like_markov_json(const std::string& text);

// Numbers as exact strings; read_markov_json reads it back to the same game.
std::string write_markov_json(const MarkovGame& game);

}  // namespace equilibria
