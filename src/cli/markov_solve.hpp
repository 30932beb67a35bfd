#pragma once
// `solve` on Markov games: which methods apply to which games, and how their
// answers print (docs/markov-games.md).
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria::cli {

struct MarkovSolveArgs {
  std::string method;        // empty: hoffman-karp (discounted), backward-induction (finite horizon)
  std::string concept_name;  // nash, ce, cce
  std::string objective;     // ce/cce stage objective, as for strategic games
  std::string format;        // text, json
  double tolerance = 0;      // certified interval width wanted (0: the method's default)
  std::int64_t iterations = 0;
  std::string learner;
  std::uint64_t seed = 1;
  std::string log_path;
  std::int64_t log_every = 0;
  SolveControl control;
};

// Method names `solve` accepts for Markov games (also listed in `solve --help`).
const std::vector<std::string>& markov_method_names();

int run_markov(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args);

}  // namespace equilibria::cli
