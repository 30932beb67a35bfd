#pragma once
// Markov games built in by name, for `--game NAME` (docs/markov-games.md,
// "Built-in games and the generator").
#include <string>
#include <vector>

#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

// Blackwell and Ferguson's Big Match, discounted: Max chooses Absorb or
// Continue, Min L or R; Absorb ends play for good with reward 1 (against L)
// or 0 (against R) forever; Continue pays 1 against R and 0 against L and
// play goes on. Three states: play, one, zero.
MarkovGame big_match(const Rational& discount);

// Littman's (1994) soccer on a 4x5 grid, zero-sum, 760 states.
MarkovGame littman_soccer(const Rational& discount);

// Hu and Wellman's (2003) grid games on a 3x3 grid, general-sum: `which` is
// 1 (two goals) or 2 (one goal, two barriers). Throws std::invalid_argument
// for another number.
MarkovGame grid_game(int which, const Rational& discount);

// "name" or "name(args)": big_match(discount=9/10), soccer(discount=9/10),
// grid_game(1|2, discount=99/100); arguments by position or key=value,
// numbers as in game files ("9/10", "0.9"). Throws std::invalid_argument for
// an unknown name or bad arguments.
MarkovGame builtin_markov_game(const std::string& spec);

// Whether the name (before any '(') is a built-in Markov game.
bool is_builtin_markov_game(const std::string& spec);
// The built-ins with their parameters' defaults, for help texts.
const std::vector<std::string>& builtin_markov_game_names();

}  // namespace equilibria
