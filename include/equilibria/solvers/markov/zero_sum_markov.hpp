#pragma once
// Two-player zero-sum discounted Markov games: the value (to the first
// player) and stationary optimal policies, by Shapley's value iteration or
// Hoffman-Karp policy iteration, with a certified interval per state:
// lower = what the first player's policy guarantees against every reply,
// upper = what the second player's policy holds the first player to (each
// from the other side's best-response MDP). The value can be irrational
// with rational data, so an exact value is claimed only when the interval
// closes exactly (turn-based games, and any game whose optimal policies the
// exact rounds find).
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

enum class ZeroSumMarkovMethod { kShapley, kHoffmanKarp };

struct ZeroSumMarkovOptions {
  ZeroSumMarkovMethod method = ZeroSumMarkovMethod::kHoffmanKarp;
  // Certified interval width wanted (absolute, in the game's value units);
  // 0: kDefaultRelativeWidth * max|reward| / (1 - discount).
  double tolerance = 0;
  std::int64_t max_iterations = 10'000'000;
  SolveControl control;
};

inline constexpr double kDefaultRelativeWidth = 1e-9;

struct ZeroSumMarkovResult {
  SolveStatus status = SolveStatus::kComplete;
  bool exact = false;                // lower == upper exactly, policies exact
  std::vector<Rational> lower, upper;  // per state; doubles made exact when not `exact`
  MarkovPolicy<double> policy;       // [player][state][action]
  MarkovPolicy<Rational> exact_policy;  // when exact
  std::int64_t iterations = 0;       // sweeps (shapley) or improvement rounds (hoffman-karp)
  std::int64_t stage_games = 0;      // stage games solved in doubles
  std::int64_t exact_rounds = 0;     // exact closing rounds tried
  double width = 0;                  // max over states of upper - lower
};

// Throws std::invalid_argument unless the game is two-player, zero-sum and discounted.
ZeroSumMarkovResult solve_zero_sum_markov(const MarkovGame& game, const ZeroSumMarkovOptions& options);

}  // namespace equilibria
