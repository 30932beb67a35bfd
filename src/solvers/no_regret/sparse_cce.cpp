#include "equilibria/solvers/no_regret/sparse_cce.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <numeric>

#include "equilibria/verify/probability_check.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

// gains[c * d + k]: deviation k's gain (player i switching to strategy s,
// k = offset_i + s) against candidate c.
std::vector<double> candidate_gains(const StrategicGame& game, const std::vector<MixedProfile<double>>& candidates) {
  int d = 0;
  for (int i = 0; i < game.num_players(); ++i) d += game.num_strategies(i);
  std::vector<double> gains(candidates.size() * d);
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    int k = 0;
    for (int i = 0; i < game.num_players(); ++i) {
      const auto u = strategy_payoffs(game, candidates[c], i);
      const auto x = candidates[c].player(i);
      double value = 0;
      for (std::size_t s = 0; s < u.size(); ++s) value += x[s] * u[s];
      for (std::size_t s = 0; s < u.size(); ++s) gains[c * d + k++] = u[s] - value;
    }
  }
  return gains;
}

// min eps s.t. sum_c w_c gains[c][k] <= eps for all k, sum w = 1, w >= 0,
// over the candidates in `use`. Returns the weights (per entry of `use`).
std::vector<double> best_weights(const std::vector<double>& gains, int d, const std::vector<int>& use) {
  const int m = static_cast<int>(use.size());
  const int cols = m + 1, rows = d + 1;
  std::vector<CoinBigIndex> start;
  std::vector<int> index;
  std::vector<double> value;
  for (int c = 0; c < m; ++c) {
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    for (int k = 0; k < d; ++k) {
      const double g = gains[static_cast<std::size_t>(use[c]) * d + k];
      if (g != 0) {
        index.push_back(k);
        value.push_back(g);
      }
    }
    index.push_back(d);
    value.push_back(1.0);
  }
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  for (int k = 0; k < d; ++k) {
    index.push_back(k);
    value.push_back(-1.0);
  }
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  std::vector<double> col_lower(cols, 0.0), col_upper(cols, COIN_DBL_MAX), objective(cols, 0.0);
  col_lower[m] = -COIN_DBL_MAX;
  objective[m] = 1.0;
  std::vector<double> row_lower(rows, -COIN_DBL_MAX), row_upper(rows, 0.0);
  row_lower[d] = row_upper[d] = 1.0;
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.loadProblem(cols, rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                 objective.data(), row_lower.data(), row_upper.data());
  lp.primal();
  std::vector<double> w(m, 1.0 / m);
  if (lp.isProvenOptimal()) std::copy(lp.getColSolution(), lp.getColSolution() + m, w.begin());
  return w;
}

}  // namespace

SparseCceResult sparse_cce(const StrategicGame& game, const SparseCceOptions& options) {
  std::vector<MixedProfile<double>> candidates;
  NoRegretOptions dynamics = options.dynamics;
  dynamics.on_play = [&](const std::vector<double>& mix) {
    MixedProfile<double> x(game.strategy_counts());
    x.flat() = mix;
    candidates.push_back(std::move(x));
  };
  const SolveStatus status = run_no_regret(game, dynamics).status;
  int d = 0;
  for (int i = 0; i < game.num_players(); ++i) d += game.num_strategies(i);
  const auto gains = candidate_gains(game, candidates);
  std::vector<int> all(candidates.size());
  std::iota(all.begin(), all.end(), 0);
  const auto w = best_weights(gains, d, all);
  // Keep the k heaviest and weight them again.
  std::vector<int> order = all;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return w[a] > w[b]; });
  order.resize(std::min<std::size_t>(order.size(), static_cast<std::size_t>(std::max(1, options.support))));
  const auto kept = best_weights(gains, d, order);
  SparseCceResult result;
  result.status = status;
  result.candidates = static_cast<std::int64_t>(candidates.size());
  std::vector<Rational> joint(game.num_profiles(), Rational(0));
  Rational total(0);
  for (std::size_t c = 0; c < order.size(); ++c) {
    if (kept[c] <= 0) continue;
    result.weights.push_back(kept[c]);
    result.components.push_back(candidates[order[c]]);
    total += Rational(kept[c]);
  }
  // The mixture as a joint distribution, exactly: sum_c w_c prod_i x_c,i.
  for (std::size_t c = 0; c < result.components.size(); ++c) {
    const auto x = normalised(result.components[c].convert<Rational>());
    const Rational weight = Rational(result.weights[c]) / total;
    for (std::int64_t s = 0; s < game.num_profiles(); ++s) {
      const auto pure = game.profile_of_index(s);
      Rational p = weight;
      for (int i = 0; i < game.num_players() && p != 0; ++i) p *= x.player(i)[pure[i]];
      joint[s] += p;
    }
  }
  result.cert = certify_distribution(game, joint, CorrelatedConcept::kCoarseCorrelated);
  for (auto& weight : result.weights) weight /= total.get_d();
  return result;
}

}  // namespace equilibria
