#include "equilibria/solvers/correlated/correlated_lp.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <stdexcept>

#include "equilibria/core/exact_linear_solve.hpp"

namespace equilibria {
namespace {

// The LP, column by column, kept exactly. Columns: one per profile, then t
// (min-player only). Rows: incentive constraints (<= 0), sum mu = 1, t rows
// (t - sum mu u_i <= 0), extra constraints.
struct CorrelatedLp {
  std::vector<std::vector<std::pair<int, Rational>>> columns;
  std::vector<double> row_lower, row_upper, objective;
  std::vector<Rational> rhs;  // the bound a tight row holds at (exact)
  int rows = 0;
};

CorrelatedLp build(const StrategicGame& g, CorrelatedConcept kind, const CorrelatedObjective& obj,
                   const std::vector<DistributionConstraint>& extra) {
  const int n = g.num_players();
  const std::int64_t profiles = g.num_profiles();
  CorrelatedLp lp;
  // Incentive rows: CE (i, a, b) for a != b at row_of[i] + a * k + b; CCE (i, b) at row_of[i] + b.
  std::vector<int> row_of(n);
  for (int i = 0; i < n; ++i) {
    row_of[i] = lp.rows;
    const int k = g.num_strategies(i);
    lp.rows += kind == CorrelatedConcept::kCorrelated ? k * k : k;
  }
  const int sum_row = lp.rows++;
  const bool min_player = obj.kind == CorrelatedObjective::Kind::kMinPlayer;
  const int t_rows = min_player ? lp.rows : -1;
  if (min_player) lp.rows += n;
  const int extra_rows = lp.rows;
  lp.rows += static_cast<int>(extra.size());
  lp.columns.assign(profiles + (min_player ? 1 : 0), {});
  lp.objective.assign(lp.columns.size(), 0.0);
  for (std::int64_t s = 0; s < profiles; ++s) {
    auto& col = lp.columns[s];
    Rational welfare(0);
    for (int i = 0; i < n; ++i) {
      const int k = g.num_strategies(i);
      const std::int64_t stride = g.stride(i);
      const int a = static_cast<int>((s / stride) % k);
      const Rational& here = g.payoff(i, s);
      welfare += here;
      for (int b = 0; b < k; ++b) {
        if (b == a) continue;
        const Rational d = g.payoff(i, s + (b - a) * stride) - here;
        if (d == 0) continue;
        col.emplace_back(kind == CorrelatedConcept::kCorrelated ? row_of[i] + a * k + b : row_of[i] + b, d);
      }
      if (min_player && here != 0) col.emplace_back(t_rows + i, -here);
    }
    col.emplace_back(sum_row, Rational(1));
    if (obj.kind == CorrelatedObjective::Kind::kWelfare) lp.objective[s] = -welfare.get_d();
    if (obj.kind == CorrelatedObjective::Kind::kPlayer) lp.objective[s] = -g.payoff(obj.player, s).get_d();
  }
  if (min_player) {
    for (int i = 0; i < n; ++i) lp.columns[profiles].emplace_back(t_rows + i, Rational(1));
    lp.objective[profiles] = -1.0;
  }
  for (std::size_t c = 0; c < extra.size(); ++c) {
    for (const auto& [s, coef] : extra[c].terms) lp.columns[s].emplace_back(extra_rows + static_cast<int>(c), coef);
  }
  lp.row_lower.assign(lp.rows, -COIN_DBL_MAX);
  lp.row_upper.assign(lp.rows, 0.0);
  lp.rhs.assign(lp.rows, Rational(0));
  lp.row_lower[sum_row] = lp.row_upper[sum_row] = 1.0;
  lp.rhs[sum_row] = 1;
  for (std::size_t c = 0; c < extra.size(); ++c) {
    const int r = extra_rows + static_cast<int>(c);
    const double b = extra[c].rhs.get_d();
    lp.rhs[r] = extra[c].rhs;
    switch (extra[c].sense) {
      case DistributionConstraint::Sense::kLessEqual: lp.row_upper[r] = b; break;
      case DistributionConstraint::Sense::kGreaterEqual: lp.row_lower[r] = b; lp.row_upper[r] = COIN_DBL_MAX; break;
      case DistributionConstraint::Sense::kEqual: lp.row_lower[r] = lp.row_upper[r] = b; break;
    }
  }
  return lp;
}

bool satisfies(const DistributionConstraint& c, const std::vector<Rational>& mu) {
  Rational lhs(0);
  for (const auto& [s, coef] : c.terms) lhs += coef * mu[s];
  switch (c.sense) {
    case DistributionConstraint::Sense::kLessEqual: return lhs <= c.rhs;
    case DistributionConstraint::Sense::kGreaterEqual: return lhs >= c.rhs;
    case DistributionConstraint::Sense::kEqual: return lhs == c.rhs;
  }
  return false;
}

Rational objective_value(const CorrelatedObjective& obj, const CorrelatedCertificate<Rational>& cert) {
  switch (obj.kind) {
    case CorrelatedObjective::Kind::kWelfare: {
      Rational w(0);
      for (const auto& p : cert.payoffs) w += p;
      return w;
    }
    case CorrelatedObjective::Kind::kPlayer: return cert.payoffs[obj.player];
    case CorrelatedObjective::Kind::kMinPlayer: return *std::min_element(cert.payoffs.begin(), cert.payoffs.end());
    case CorrelatedObjective::Kind::kNone: return Rational(0);
  }
  return Rational(0);
}

}  // namespace

CorrelatedResult solve_correlated_lp(const StrategicGame& game, CorrelatedConcept kind,
                                     const CorrelatedObjective& objective,
                                     const std::vector<DistributionConstraint>& extra,
                                     const SolveControl& control) {
  if (game.num_profiles() > kMaxCorrelatedProfiles) {
    throw std::invalid_argument("the correlated-equilibrium LP handles at most " +
                                std::to_string(kMaxCorrelatedProfiles) + " joint profiles");
  }
  const CorrelatedLp lp = build(game, kind, objective, extra);
  const int cols = static_cast<int>(lp.columns.size());
  std::vector<CoinBigIndex> start(cols + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  for (int c = 0; c < cols; ++c) {
    start[c] = static_cast<CoinBigIndex>(index.size());
    for (const auto& [r, v] : lp.columns[c]) {
      index.push_back(r);
      value.push_back(v.get_d());
    }
  }
  start[cols] = static_cast<CoinBigIndex>(index.size());
  const std::int64_t profiles = game.num_profiles();
  std::vector<double> col_lower(cols, 0.0), col_upper(cols, COIN_DBL_MAX);
  if (cols > profiles) col_lower[profiles] = -COIN_DBL_MAX;  // t is free
  ClpSimplex clp;
  clp.setLogLevel(0);
  clp.setPrimalTolerance(1e-10);
  clp.setDualTolerance(1e-10);
  clp.loadProblem(cols, lp.rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                  lp.objective.data(), lp.row_lower.data(), lp.row_upper.data());
  clp.setMaximumSeconds(control.seconds_left());
  clp.dual();
  CorrelatedResult result;
  result.simplex_iterations = clp.numberIterations();
  if (clp.hitMaximumIterations() || control.should_stop()) {
    result.status = SolveStatus::kStopped;
    result.feasible = false;
    return result;
  }
  if (clp.isProvenPrimalInfeasible()) {
    result.feasible = false;
    return result;
  }
  if (!clp.isProvenOptimal()) throw std::runtime_error("the correlated-equilibrium LP was not solved");
  auto accept = [&](std::vector<Rational> mu) {
    Rational sum(0);
    for (const auto& x : mu) {
      if (x < 0) return false;
      sum += x;
    }
    if (sum != 1) return false;
    for (const auto& c : extra) {
      if (!satisfies(c, mu)) return false;
    }
    auto cert = certify_distribution(game, mu, kind);
    if (cert.max_gain != 0) return false;
    result.distribution = std::move(mu);
    result.cert = std::move(cert);
    result.exact = true;
    return true;
  };
  // Exact: the basic columns solve the tight rows.
  std::vector<int> basic, tight;
  for (int c = 0; c < cols; ++c) {
    if (clp.getColumnStatus(c) == ClpSimplex::basic) basic.push_back(c);
  }
  for (int r = 0; r < lp.rows; ++r) {
    if (clp.getRowStatus(r) != ClpSimplex::basic) tight.push_back(r);
  }
  const int k = static_cast<int>(basic.size());
  if (k == static_cast<int>(tight.size()) && k <= 600) {
    std::vector<int> position(lp.rows, -1);
    for (int a = 0; a < k; ++a) position[tight[a]] = a;
    std::vector<Rational> system(static_cast<std::size_t>(k) * k, Rational(0)), rhs(k);
    for (int b = 0; b < k; ++b) {
      for (const auto& [r, v] : lp.columns[basic[b]]) {
        if (position[r] >= 0) system[position[r] * k + b] += v;
      }
    }
    for (int a = 0; a < k; ++a) rhs[a] = lp.rhs[tight[a]];
    if (const auto z = solve_exact(system, rhs, k)) {
      std::vector<Rational> mu(profiles, Rational(0));
      for (int b = 0; b < k; ++b) {
        if (basic[b] < profiles) mu[basic[b]] = (*z)[b];
      }
      accept(std::move(mu));
    }
  }
  const double* x = clp.getColSolution();
  if (!result.exact) {
    std::vector<Rational> guess(profiles);
    Rational sum(0);
    for (std::int64_t s = 0; s < profiles; ++s) sum += guess[s] = simple_fraction(x[s]);
    if (sum != 0) {
      for (auto& g : guess) g /= sum;
      accept(std::move(guess));
    }
  }
  if (!result.exact) {
    // Floating answer, made a distribution exactly, with certified gains.
    std::vector<Rational> mu(profiles);
    Rational sum(0);
    for (std::int64_t s = 0; s < profiles; ++s) sum += mu[s] = x[s] > 0 ? Rational(x[s]) : Rational(0);
    for (auto& m : mu) m /= sum;
    result.cert = certify_distribution(game, mu, kind);
    result.distribution = std::move(mu);
  }
  result.objective = objective_value(objective, result.cert);
  return result;
}

}  // namespace equilibria
