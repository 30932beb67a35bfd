#pragma once
// Independent oracles for the certificates: written from the definitions,
// sharing no code with src/verify, so a wrong certifier cannot agree with them
// by construction. Slow by design (every pure profile, every pure strategy).
#include <set>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria::oracle {

// u_p(s, x_-p) for each pure strategy s of p: a sum over all pure profiles.
std::vector<Rational> strategy_payoffs(const StrategicGame& game, const MixedProfile<Rational>& x, int p);
// Each player's best pure payoff minus its expected payoff (not clamped).
std::vector<Rational> regrets(const StrategicGame& game, const MixedProfile<Rational>& x);
std::vector<double> strategy_payoffs(const StrategicGame& game, const std::vector<double>& flat_mix, int p);

// Every extreme Nash equilibrium of a two-player game, each as the flat
// profile (player 1's mix, then player 2's): pairs of vertices of the best
// response polytopes with complementary labels, every vertex found by trying
// every choice of tight constraints (small games only).
std::vector<std::vector<Rational>> extreme_equilibria(const StrategicGame& game);

// Expected payoffs of a behaviour profile (one probability per global action), by recursion over the tree.
std::vector<Rational> tree_payoffs(const GameTree& tree, const std::vector<Rational>& behavior);
// The best payoff `player` can reach against the others' behaviour, by trying
// every pure strategy (one action per information set of the player).
Rational best_pure_value(const GameTree& tree, const std::vector<Rational>& behavior, int player);
// Sum over players of best_pure_value minus payoff, divided by the players.
Rational exploitability(const GameTree& tree, const std::vector<Rational>& behavior);

}  // namespace equilibria::oracle
