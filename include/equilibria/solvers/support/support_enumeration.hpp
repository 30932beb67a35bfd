#pragma once
// Support enumeration for two-player games: for every pair of supports of
// equal size, the strategies that make the opponent indifferent on its
// support, kept when both are positive there and best responses everywhere.
// Finds every equilibrium of a nondegenerate game; in degenerate games it
// finds those with equal-size supports and nonsingular indifference systems.
// Exponential: meant for small games and as an independent cross-check of
// `enumerate`. Exact throughout.
#include <functional>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct SupportEnumerationOptions {
  SolveControl control;
};

// Throws std::invalid_argument unless the game has two players.
SolveStatus support_enumeration(const StrategicGame& game, const SupportEnumerationOptions& options,
                                const std::function<void(const MixedProfile<Rational>&)>& found);

}  // namespace equilibria
