#pragma once
// Extra linear constraints on correlated distributions, from JSON:
//   {"constraints": [
//     {"forbid": [[0, 1], [1, 0]]},        joint profiles (strategy indices) never played
//     {"payoff": 0, "<=": "3/2"},          a player's expected payoff bound
//     {"marginal": [1, 0], ">=": "1/4"},   player 1 plays strategy 0 at least a quarter of the time
//     {"profile": [0, 0], "<=": "1/2"}     one joint profile's probability
//   ]}
// Players and strategies are 0-based; bounds are numbers or "a/b" strings,
// with "<=", ">=" or "=".
#include <string>
#include <vector>

#include "equilibria/solvers/correlated/correlated_lp.hpp"

namespace equilibria {

// Throws InputError naming the file and cause.
std::vector<DistributionConstraint> read_distribution_constraints(const std::string& text, const std::string& file,
                                                                  const StrategicGame& game);

}  // namespace equilibria
