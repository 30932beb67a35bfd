#pragma once
// --objective for correlated equilibria (strategic games, and every stage of
// backward induction in Markov games).
#include <string>

#include "equilibria/solvers/correlated/correlated_lp.hpp"

namespace equilibria::cli {

// welfare, min-player, none or player:K (1 <= K <= players); InputError otherwise.
CorrelatedObjective parse_correlated_objective(const std::string& text, int players);

}  // namespace equilibria::cli
