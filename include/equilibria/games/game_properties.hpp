#pragma once
// Structural facts about a strategic game, decided exactly.
#include <optional>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

// The constant c when the payoffs of every profile sum to c (0: zero-sum).
std::optional<Rational> constant_sum(const StrategicGame& game);

// True when every permutation of the players leaves the game unchanged
// (equal strategy counts; u_{pi(i)}(s o pi^-1) = u_i(s)). Checking adjacent
// transpositions suffices: they generate all permutations.
bool is_symmetric(const StrategicGame& game);

}  // namespace equilibria
