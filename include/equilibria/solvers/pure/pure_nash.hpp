#pragma once
// All pure Nash equilibria of a strategic game, by marking each player's best
// responses over the whole payoff table (one pass per player, flat arrays).
#include <cstdint>
#include <functional>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct PureNashOptions {
  SolveControl control;
  std::int64_t limit = 0;  // stop after this many equilibria; 0 = all
};

// Calls `found` with each pure equilibrium (one strategy index per player), in
// increasing profile-index order.
SolveStatus enumerate_pure_nash(const StrategicGame& game, const PureNashOptions& options,
                                const std::function<void(const std::vector<int>&)>& found);

}  // namespace equilibria
