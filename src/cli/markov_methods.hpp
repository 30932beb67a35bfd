#pragma once
// The Markov-game drivers run_markov dispatches to, one per family.
#include <string>

#include "json_report.hpp"
#include "markov_solve.hpp"

namespace equilibria::cli {

// {"players", "states", "discount" or "horizon"}: the game in every Markov answer.
Json markov_game_json(const MarkovGame& game);

// shapley, hoffman-karp: two-player zero-sum discounted games.
int run_markov_zero_sum(const MarkovGame& game, const std::string& name, const std::string& method,
                        const MarkovSolveArgs& args);

// backward-induction: finite-horizon games, any number of players (--concept nash, ce, cce).
int run_markov_backward(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args);

// independent: independent no-regret learners on finite-horizon games, and
// the certified CCE gap of the mixture of their product policies.
int run_markov_independent(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args);

}  // namespace equilibria::cli
