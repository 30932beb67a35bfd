#pragma once
// Poker benchmarks as OpenSpiel plays them (rules in ../shared/reference/PEERS.md).
#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria {

// Kuhn poker: 3 cards, ante 1, one bet of 1. 58 histories, 12 information sets.
GameTree kuhn_poker();

// Leduc poker: 6 cards (3 ranks x 2 suits), ante 1, bets of 2 then 4, at most
// 2 raises a round, one public card between rounds. 9457 histories, 936
// information sets.
GameTree leduc_poker();

}  // namespace equilibria
