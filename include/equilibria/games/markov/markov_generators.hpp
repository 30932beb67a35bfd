#pragma once
// Seeded random Markov games for tests and benchmarks (`generate markov`).
// The same options give the same game on every platform: std::mt19937_64
// (whose output the standard fixes) with our own integer sampling.
#include <cstdint>
#include <optional>

#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

struct MarkovGeneratorOptions {
  int players = 2;
  int states = 10;
  int actions = 2;    // per player in every state
  int branching = 2;  // distinct next states of every joint action
  std::optional<Rational> discount;
  std::optional<int> horizon;
  bool zero_sum = false;  // two players, the second's reward the first's negated
  std::int64_t range = 100;
  std::uint64_t seed = 1;
};

// States s0, s1, ... (play starts in s0), actions a0, a1, ..., players P1,
// P2, ...; rewards integers uniform in [0, range) (zero-sum: the first
// player's, the second gets its negative); each joint action moves to
// `branching` distinct states drawn uniformly, with probabilities w_i / sum w
// for integer weights w_i uniform in [1, 10]. Throws std::invalid_argument
// for options that make no game or a game over kMaxMarkovEntries.
MarkovGame generate_markov_game(const MarkovGeneratorOptions& options);

}  // namespace equilibria
