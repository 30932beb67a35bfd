#pragma once
// `verify` on Markov games: a policy profile's exact values, each player's
// best-response value and regret (docs/markov-games.md).
#include <string>

#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria::cli {

// 0 when the policy is an equilibrium (exactly, or within tolerance times the
// value scale when approximate), 1 when not; InputError on bad input.
int run_markov_verify(const MarkovGame& game, const std::string& policy_text, const std::string& policy_file,
                      const std::string& format, double tolerance);

}  // namespace equilibria::cli
