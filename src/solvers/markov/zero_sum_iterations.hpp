#pragma once
// The two floating iterations for zero-sum discounted Markov games. Each
// runs until its own error estimate is below `target` (or control stops
// it) and leaves the values and both players' stage mixes at those values.
#include <cstdint>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

struct FloatingMarkovSolution {
  std::vector<double> value;      // per state, to the first player
  MarkovPolicy<double> policy;    // both players' optimal stage mixes at `value`
  std::int64_t iterations = 0;
  std::int64_t stage_games = 0;
  bool stopped = false;
};

// Shapley: v <- T v until discount/(1-discount) * |T v - v| <= target.
// Continues from `start` (its value; empty: zero).
void shapley_iteration(const MarkovGame& game, double target, std::int64_t max_iterations, const SolveControl& control,
                       FloatingMarkovSolution& start);

// Hoffman-Karp: x <- stage mixes at v; v <- what x guarantees (the second
// player's best-response MDP, solved by policy iteration), until
// |T v - v| / (1 - discount) <= target. Values rise monotonically.
void hoffman_karp(const MarkovGame& game, double target, std::int64_t max_iterations, const SolveControl& control,
                  FloatingMarkovSolution& start);

}  // namespace equilibria
