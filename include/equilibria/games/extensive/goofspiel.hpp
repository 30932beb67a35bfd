#pragma once
#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria {

// Goofspiel with n cards: each player holds cards 1..n; each round chance
// turns up one of the remaining prize cards (uniformly), both players bid a
// card at once (the second does not see the first's bid), the higher bid takes
// the prize (ties discard it), and bids are then shown. The player with more
// prize points wins: payoffs +1 / -1, 0 on a tie. n! * (n!)^2 leaves.
GameTree goofspiel(int cards);

// Liar's dice for two players with `dice` dice each of `faces` faces: each
// sees only their own roll; players alternately raise the bid (quantity,
// face), ordered by quantity then face, or call the last bid a lie. The bid
// holds if at least `quantity` dice of both players show `face`: then the
// caller loses, else the bidder. Payoffs +1 / -1.
GameTree liars_dice(int dice, int faces);

// How large a tree will be, computed without building it (counts as doubles:
// they pass 2^53 only far beyond anything buildable).
struct TreeSize {
  double nodes = 0, infosets = 0;
};
// Throw std::invalid_argument for parameters goofspiel / liars_dice refuse.
TreeSize goofspiel_size(int cards);
TreeSize liars_dice_size(int dice, int faces);

}  // namespace equilibria
