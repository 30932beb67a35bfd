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

// Solves the k x k system M z = r (row-major) by Gauss-Jordan elimination; false when singular.
bool solve(std::vector<Rational> m, std::vector<Rational> r, int k, std::vector<Rational>& z) {
  for (int c = 0; c < k; ++c) {
    int pivot = c;
    while (pivot < k && m[pivot * k + c] == 0) ++pivot;
    if (pivot == k) return false;
    for (int j = 0; j < k; ++j) std::swap(m[c * k + j], m[pivot * k + j]);
    std::swap(r[c], r[pivot]);
    for (int i = 0; i < k; ++i) {
      if (i == c || m[i * k + c] == 0) continue;
      const Rational f = m[i * k + c] / m[c * k + c];
      for (int j = c; j < k; ++j) m[i * k + j] -= f * m[c * k + j];
      r[i] -= f * r[c];
    }
  }
  z.resize(k);
  for (int i = 0; i < k; ++i) z[i] = r[i] / m[i * k + i];
  return true;
}

struct Vertex {
  std::vector<Rational> point;
  std::set<int> labels;
};

// Vertices of {z >= 0 : C z <= 1} for the d x e matrix C (row-major, positive
// entries): labels first+s for z_s = 0, then first_row+r for (C z)_r = 1.
std::vector<Vertex> vertices(const std::vector<Rational>& c, int d, int e, int own_label, int row_label) {
  std::set<std::vector<Rational>> seen;
  std::vector<Vertex> out;
  // Choose e of the e + d constraints to hold with equality: bit t of mask.
  for (std::uint32_t mask = 0; mask < (1u << (e + d)); ++mask) {
    if (__builtin_popcount(mask) != e) continue;
    std::vector<Rational> m(static_cast<std::size_t>(e) * e, Rational(0)), rhs(e, Rational(0)), z;
    int row = 0;
    for (int t = 0; t < e + d; ++t) {
      if (!(mask >> t & 1)) continue;
      if (t < e) {
        m[row * e + t] = 1;  // z_t = 0
      } else {
        for (int s = 0; s < e; ++s) m[row * e + s] = c[(t - e) * e + s];
        rhs[row] = 1;
      }
      ++row;
    }
    if (!solve(m, rhs, e, z)) continue;
    Vertex v{z, {}};
    bool feasible = true;
    for (int s = 0; s < e; ++s) {
      if (z[s] < 0) feasible = false;
      if (z[s] == 0) v.labels.insert(own_label + s);
    }
    for (int r = 0; r < d; ++r) {
      Rational lhs = 0;
      for (int s = 0; s < e; ++s) lhs += c[r * e + s] * z[s];
      if (lhs > 1) feasible = false;
      if (lhs == 1) v.labels.insert(row_label + r);
    }
    if (feasible && seen.insert(z).second) out.push_back(std::move(v));
  }
  return out;
}

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

std::vector<std::vector<Rational>> extreme_equilibria(const StrategicGame& game) {
  const int m = game.num_strategies(0), n = game.num_strategies(1);
  Rational low = 0;
  for (int p = 0; p < 2; ++p) {
    for (std::int64_t i = 0; i < game.num_profiles(); ++i) low = std::min(low, game.payoff(p, i));
  }
  // Shifted payoffs, all >= 1: the polytopes are bounded and the equilibria unchanged.
  std::vector<Rational> a(static_cast<std::size_t>(m) * n), bt(static_cast<std::size_t>(n) * m);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      const std::int64_t k = game.profile_index({i, j});
      a[i * n + j] = game.payoff(0, k) - low + 1;
      bt[j * m + i] = game.payoff(1, k) - low + 1;
    }
  }
  // P = {x >= 0 : B^T x <= 1} (labels i for x_i = 0, m + j for tight columns);
  // Q = {y >= 0 : A y <= 1} (labels m + j for y_j = 0, i for tight rows).
  const auto xs = vertices(bt, n, m, 0, m), ys = vertices(a, m, n, m, 0);
  std::vector<std::vector<Rational>> out;
  for (const auto& x : xs) {
    for (const auto& y : ys) {
      std::set<int> all = x.labels;
      all.insert(y.labels.begin(), y.labels.end());
      Rational sx = 0, sy = 0;
      for (const auto& v : x.point) sx += v;
      for (const auto& v : y.point) sy += v;
      if (static_cast<int>(all.size()) != m + n || sx == 0 || sy == 0) continue;
      std::vector<Rational> profile;
      for (const auto& v : x.point) profile.push_back(v / sx);
      for (const auto& v : y.point) profile.push_back(v / sy);
      out.push_back(std::move(profile));
    }
  }
  return out;
}

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
