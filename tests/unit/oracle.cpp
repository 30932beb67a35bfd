#include "oracle.hpp"

#include <algorithm>
#include <functional>

namespace equilibria::oracle {

std::vector<Rational> strategy_payoffs(const StrategicGame& game, const MixedProfile<Rational>& x, int p) {
  std::vector<Rational> out(game.num_strategies(p), Rational(0));
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    const std::vector<int> pure = game.profile_of_index(i);
    Rational weight = 1;
    for (int q = 0; q < game.num_players(); ++q) {
      if (q != p) weight *= x.player(q)[pure[q]];
    }
    out[pure[p]] += weight * game.payoff(p, i);
  }
  return out;
}

std::vector<Rational> regrets(const StrategicGame& game, const MixedProfile<Rational>& x) {
  std::vector<Rational> out;
  for (int p = 0; p < game.num_players(); ++p) {
    const auto values = strategy_payoffs(game, x, p);
    Rational expected = 0;
    for (int s = 0; s < game.num_strategies(p); ++s) expected += x.player(p)[s] * values[s];
    out.push_back(*std::max_element(values.begin(), values.end()) - expected);
  }
  return out;
}

std::vector<double> strategy_payoffs(const StrategicGame& game, const std::vector<double>& flat_mix, int p) {
  std::vector<int> begin{0};
  for (int q = 0; q < game.num_players(); ++q) begin.push_back(begin.back() + game.num_strategies(q));
  std::vector<double> out(game.num_strategies(p), 0.0);
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    const std::vector<int> pure = game.profile_of_index(i);
    double weight = 1;
    for (int q = 0; q < game.num_players(); ++q) {
      if (q != p) weight *= flat_mix[begin[q] + pure[q]];
    }
    out[pure[p]] += weight * game.payoff(p, i).get_d();
  }
  return out;
}

namespace {

// Payoffs below `node`, with `player` (if >= 0) playing the pure `choice` per global infoset.
std::vector<Rational> value_below(const GameTree& tree, const std::vector<Rational>& behavior, int node, int player,
                                  const std::vector<int>& choice) {
  const int n = tree.num_players();
  std::vector<Rational> out(n, Rational(0));
  if (tree.kind(node) == NodeKind::kTerminal) {
    for (int p = 0; p < n; ++p) out[p] = tree.payoff<Rational>(node, p);
    return out;
  }
  for (int a = 0; a < tree.num_children(node); ++a) {
    Rational w;
    if (tree.kind(node) == NodeKind::kChance) {
      w = tree.chance_prob<Rational>(node, a);
    } else if (tree.player(node) == player) {
      w = choice[tree.infoset(node)] == a ? 1 : 0;
    } else {
      w = behavior[tree.action_begin(tree.infoset(node)) + a];
    }
    if (w == 0) continue;
    const auto below = value_below(tree, behavior, tree.child(node, a), player, choice);
    for (int p = 0; p < n; ++p) out[p] += w * below[p];
  }
  return out;
}

}  // namespace

std::vector<Rational> tree_payoffs(const GameTree& tree, const std::vector<Rational>& behavior) {
  return value_below(tree, behavior, tree.root(), -1, {});
}

Rational best_pure_value(const GameTree& tree, const std::vector<Rational>& behavior, int player) {
  const std::vector<int>& sets = tree.infosets_of(player);
  std::vector<int> choice(tree.num_infosets(), 0);
  Rational best;
  bool first = true;
  while (true) {
    const Rational v = value_below(tree, behavior, tree.root(), player, choice)[player];
    if (first || v > best) best = v;
    first = false;
    std::size_t k = 0;  // next pure strategy: an odometer over the player's infosets
    while (k < sets.size() && ++choice[sets[k]] == tree.num_actions(sets[k])) choice[sets[k++]] = 0;
    if (k == sets.size()) return best;
  }
}

Rational exploitability(const GameTree& tree, const std::vector<Rational>& behavior) {
  const auto payoffs = tree_payoffs(tree, behavior);
  Rational total = 0;
  for (int p = 0; p < tree.num_players(); ++p) total += best_pure_value(tree, behavior, p) - payoffs[p];
  return total / tree.num_players();
}

}  // namespace equilibria::oracle
