#pragma once
// Switching-control games: at every state one player's action alone decides
// the transitions (turn-based and single-controller games are such). Their
// value is rational (Filar 1981), and given the supports of optimal
// stationary policies it solves a linear system: at a state the controller
// c owns, every action of c in its support earns v(s) against the other
// player's mix w,
//   sum_{a in supp w} w_a r(s, a, c) + d * sum_s' P(s' | s, c) v(s') = v(s),
// linear in (w, v) because the continuation depends on c alone.
#include <optional>
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

// The exact values that the supports of `policy` (floating stage mixes,
// [player][state][action]) define, when the game is two-player, discounted
// and switching-control and the supports give a square, regular system;
// nullopt otherwise. A candidate only: the caller verifies it.
std::optional<std::vector<Rational>> switching_control_values(const MarkovGame& game, const MarkovPolicy<double>& policy,
                                                              const SolveControl& control);

}  // namespace equilibria
