#include "equilibria/solvers/correlated/correlated_lp.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <stdexcept>

#include "equilibria/core/exact_linear_solve.hpp"

namespace {
// Games with more profiles grow their LP by column generation.
constexpr std::int64_t kColumnGenerationProfiles = 400;
}  // namespace

namespace equilibria {
namespace {

// The LP's layout. Columns: one per profile, then t (min-player only).
// Rows: incentive constraints (<= 0), sum mu = 1, t rows (t - sum mu u_i <=
// 0), extra constraints. A profile's column is computed when needed, in
// doubles (pricing) or exactly (the final basis), from one template.
struct CorrelatedLp {
  const StrategicGame* game;
  CorrelatedConcept kind;
  CorrelatedObjective objective;
  std::vector<int> row_of;
  int sum_row = 0, t_rows = -1, extra_rows = 0, rows = 0;
  std::vector<std::vector<std::pair<int, Rational>>> extra_by_profile;
  std::vector<double> row_lower, row_upper;
  std::vector<Rational> rhs;  // the bound a tight row holds at (exact)

  std::int64_t profiles() const { return game->num_profiles(); }
  bool has_t() const { return t_rows >= 0; }

  // visit(row, value) for each nonzero entry of profile s's column.
  template <class T, class Visit>
  void for_each_entry(std::int64_t s, Visit visit) const {
    const StrategicGame& g = *game;
    for (int i = 0; i < g.num_players(); ++i) {
      const int k = g.num_strategies(i);
      const std::int64_t stride = g.stride(i);
      const int a = static_cast<int>((s / stride) % k);
      const T* u = g.payoffs<T>(i);
      for (int b = 0; b < k; ++b) {
        if (b == a) continue;
        T d = u[s + (b - a) * stride];
        d -= u[s];
        if (d == 0) continue;
        visit(kind == CorrelatedConcept::kCorrelated ? row_of[i] + a * k + b : row_of[i] + b, d);
      }
      if (has_t() && u[s] != 0) visit(t_rows + i, T(-u[s]));
    }
    visit(sum_row, T(1));
    if (!extra_by_profile.empty()) {
      for (const auto& [r, coef] : extra_by_profile[s]) visit(r, Number<T>::from(coef));
    }
  }

  // Objective coefficient (minimised) of profile s.
  double cost(std::int64_t s) const {
    switch (objective.kind) {
      case CorrelatedObjective::Kind::kWelfare: {
        double w = 0;
        for (int i = 0; i < game->num_players(); ++i) w += game->payoffs<double>(i)[s];
        return -w;
      }
      case CorrelatedObjective::Kind::kPlayer: return -game->payoffs<double>(objective.player)[s];
      default: return 0.0;
    }
  }
};

CorrelatedLp build(const StrategicGame& g, CorrelatedConcept kind, const CorrelatedObjective& obj,
                   const std::vector<DistributionConstraint>& extra) {
  const int n = g.num_players();
  CorrelatedLp lp;
  lp.game = &g;
  lp.kind = kind;
  lp.objective = obj;
  // Incentive rows: CE (i, a, b) for a != b at row_of[i] + a * k + b; CCE (i, b) at row_of[i] + b.
  lp.row_of.resize(n);
  for (int i = 0; i < n; ++i) {
    lp.row_of[i] = lp.rows;
    const int k = g.num_strategies(i);
    lp.rows += kind == CorrelatedConcept::kCorrelated ? k * k : k;
  }
  lp.sum_row = lp.rows++;
  if (obj.kind == CorrelatedObjective::Kind::kMinPlayer) {
    lp.t_rows = lp.rows;
    lp.rows += n;
  }
  lp.extra_rows = lp.rows;
  lp.rows += static_cast<int>(extra.size());
  if (!extra.empty()) {
    lp.extra_by_profile.assign(g.num_profiles(), {});
    for (std::size_t c = 0; c < extra.size(); ++c) {
      for (const auto& [s, coef] : extra[c].terms) lp.extra_by_profile[s].emplace_back(lp.extra_rows + static_cast<int>(c), coef);
    }
  }
  lp.row_lower.assign(lp.rows, -COIN_DBL_MAX);
  lp.row_upper.assign(lp.rows, 0.0);
  lp.rhs.assign(lp.rows, Rational(0));
  lp.row_lower[lp.sum_row] = lp.row_upper[lp.sum_row] = 1.0;
  lp.rhs[lp.sum_row] = 1;
  for (std::size_t c = 0; c < extra.size(); ++c) {
    const int r = lp.extra_rows + static_cast<int>(c);
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
  const std::int64_t profiles = game.num_profiles();
  // Master columns: profiles in the LP so far (all of them for small games,
  // or with extra constraints; else grown by column generation), then t.
  const bool generate = extra.empty() && profiles > kColumnGenerationProfiles;
  std::vector<std::int64_t> in_master;
  if (generate) {
    // Start from the welfare-best profile; pricing adds the rest that matter.
    std::int64_t best = 0;
    for (std::int64_t s = 1; s < profiles; ++s) {
      if (lp.cost(s) < lp.cost(best)) best = s;
    }
    in_master.push_back(best);
  } else {
    in_master.resize(profiles);
    for (std::int64_t s = 0; s < profiles; ++s) in_master[s] = s;
  }
  std::vector<char> present(profiles, 0);
  for (auto s : in_master) present[s] = 1;
  // Columns in Clp order: t first (when used), an artificial column relaxing
  // every incentive row when generating (priced high, driven to zero), then profiles.
  const int fixed = (lp.has_t() ? 1 : 0) + (generate ? 1 : 0);
  auto append = [&](std::int64_t s, std::vector<CoinBigIndex>& start, std::vector<int>& index, std::vector<double>& value,
                    std::vector<double>& cost) {
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    lp.for_each_entry<double>(s, [&](int r, double v) {
      index.push_back(r);
      value.push_back(v);
    });
    cost.push_back(lp.cost(s));
  };
  std::vector<CoinBigIndex> start;
  std::vector<int> index;
  std::vector<double> value, cost;
  if (lp.has_t()) {
    start.push_back(0);
    for (int i = 0; i < game.num_players(); ++i) {
      index.push_back(lp.t_rows + i);
      value.push_back(1.0);
    }
    cost.push_back(-1.0);
  }
  if (generate) {
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    for (int r = 0; r < lp.sum_row; ++r) {
      index.push_back(r);
      value.push_back(-1.0);
    }
    cost.push_back(1e6 * std::max(1.0, game.payoff_range()));
  }
  for (auto s : in_master) append(s, start, index, value, cost);
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  const int cols = static_cast<int>(cost.size());
  std::vector<double> col_lower(cols, 0.0), col_upper(cols, COIN_DBL_MAX);
  if (lp.has_t()) col_lower[0] = -COIN_DBL_MAX;  // t is free
  ClpSimplex clp;
  clp.setLogLevel(0);
  clp.setPrimalTolerance(1e-10);
  clp.setDualTolerance(1e-10);
  clp.loadProblem(cols, lp.rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                  cost.data(), lp.row_lower.data(), lp.row_upper.data());
  clp.setMaximumSeconds(control.seconds_left());
  clp.dual();
  CorrelatedResult result;
  while (generate && clp.isProvenOptimal() && !control.should_stop()) {
    // Price every profile outside the master: reduced cost = cost - duals . column.
    const double* dual = clp.getRowPrice();
    std::vector<std::pair<double, std::int64_t>> negative;
    for (std::int64_t s = 0; s < profiles; ++s) {
      if (present[s]) continue;
      double reduced = lp.cost(s);
      lp.for_each_entry<double>(s, [&](int r, double v) { reduced -= dual[r] * v; });
      if (reduced < -1e-9) negative.emplace_back(reduced, s);
    }
    if (negative.empty()) break;
    const std::size_t batch = std::min<std::size_t>(negative.size(), 500);
    std::partial_sort(negative.begin(), negative.begin() + batch, negative.end());
    std::vector<CoinBigIndex> add_start;
    std::vector<int> add_index;
    std::vector<double> add_value, add_cost;
    for (std::size_t c = 0; c < batch; ++c) {
      const std::int64_t s = negative[c].second;
      present[s] = 1;
      in_master.push_back(s);
      append(s, add_start, add_index, add_value, add_cost);
    }
    add_start.push_back(static_cast<CoinBigIndex>(add_index.size()));
    const std::vector<double> lower(batch, 0.0), upper(batch, COIN_DBL_MAX);
    clp.addColumns(static_cast<int>(batch), lower.data(), upper.data(), add_cost.data(), add_start.data(),
                   add_index.data(), add_value.data());
    clp.setMaximumSeconds(control.seconds_left());
    clp.primal(1);  // warm start from the previous basis
    ++result.generation_rounds;
  }
  result.simplex_iterations = clp.numberIterations();
  if (control.should_stop() || (!clp.isProvenOptimal() && !clp.isProvenPrimalInfeasible())) {
    result.status = SolveStatus::kStopped;
    result.feasible = false;
    return result;
  }
  if (clp.isProvenPrimalInfeasible() || (generate && clp.getColSolution()[lp.has_t() ? 1 : 0] > 1e-9)) {
    result.feasible = false;
    return result;
  }
  // The profile of Clp column c (or -1 for t and the artificial column).
  auto profile_of_column = [&](int c) -> std::int64_t { return c < fixed ? -1 : in_master[c - fixed]; };
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
  const int master_cols = clp.getNumCols();
  std::vector<int> basic, tight;
  for (int c = 0; c < master_cols; ++c) {
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
      const std::int64_t s = profile_of_column(basic[b]);
      auto put = [&](int r, const Rational& v) {
        if (position[r] >= 0) system[position[r] * k + b] += v;
      };
      if (s >= 0) {
        lp.for_each_entry<Rational>(s, put);
      } else if (lp.has_t() && basic[b] == 0) {
        for (int i = 0; i < game.num_players(); ++i) put(lp.t_rows + i, Rational(1));
      } else {
        for (int r = 0; r < lp.sum_row; ++r) put(r, Rational(-1));
      }
    }
    for (int a = 0; a < k; ++a) rhs[a] = lp.rhs[tight[a]];
    if (const auto z = solve_exact(system, rhs, k)) {
      std::vector<Rational> mu(profiles, Rational(0));
      for (int b = 0; b < k; ++b) {
        const std::int64_t s = profile_of_column(basic[b]);
        if (s >= 0) mu[s] = (*z)[b];
      }
      accept(std::move(mu));
    }
  }
  // The floating solution, per profile.
  std::vector<double> x(profiles, 0.0);
  for (int c = fixed; c < master_cols; ++c) x[profile_of_column(c)] = clp.getColSolution()[c];
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
