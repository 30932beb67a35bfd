#include "equilibria/solvers/correlated/correlated_lp.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <type_traits>

#include "../bimatrix/pivot_tableau.hpp"
#include "../lp/clp_stop.hpp"
#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/core/solve_errors.hpp"

namespace {
// Games with more profiles grow their LP by column generation.
constexpr std::int64_t kColumnGenerationProfiles = 400;
// Columns added per generation round.
constexpr std::size_t kBatch = 500;
// Largest full LP (matrix entries) tried when column generation fails.
constexpr std::int64_t kMaxFullLpEntries = 50'000'000;
// Largest optimal basis solved exactly.
constexpr int kMaxExactBasis = 600;
// In unit-scaled data (every coefficient at most 1 in magnitude).
constexpr double kPricingTolerance = 1e-9;
constexpr double kArtificialTolerance = 1e-9;
}  // namespace

namespace equilibria {
namespace {

// The power of two that brings `largest` (finite, >= 0) below 1.
double unit_factor(double largest) {
  if (largest == 0) return 1;
  int e = 0;
  std::frexp(largest, &e);
  return std::ldexp(1.0, -e);
}

// The LP's layout. Columns: one per profile, then t (min-player only).
// Rows: incentive constraints (<= 0), sum mu = 1, t rows (t - sum mu u_i <=
// 0), extra constraints. A profile's column is computed when needed, in
// doubles (pricing) or exactly (the final basis), from one template. Clp sees
// the payoffs and each extra row times a power of two that brings every
// coefficient below 1: a positive row or column scale changes nothing the LP
// decides, and Clp's absolute tolerances then mean the same on every game
// (with payoffs near 10^6 its infeasibility tests misfired).
struct CorrelatedLp {
  struct ExtraEntry {
    int row;
    Rational coef;
    double unit;  // coef, scaled as its row
  };
  const StrategicGame* game;
  CorrelatedConcept kind;
  CorrelatedObjective objective;
  std::vector<double> unit_payoffs;  // player-major, as the game's
  std::vector<int> row_of;
  int sum_row = 0, t_rows = -1, extra_rows = 0, rows = 0;
  std::vector<std::vector<ExtraEntry>> extra_by_profile;
  std::vector<double> row_lower, row_upper;  // unit-scaled
  std::vector<Rational> rhs;                 // the bound a tight row holds at (exact, unscaled)

  std::int64_t profiles() const { return game->num_profiles(); }
  bool has_t() const { return t_rows >= 0; }

  template <class T>
  const T* payoffs(int i) const {
    if constexpr (std::is_same_v<T, double>) {
      return unit_payoffs.data() + static_cast<std::size_t>(i) * profiles();
    } else {
      return game->payoffs<Rational>(i);
    }
  }

  // visit(row, value) for each nonzero entry of profile s's column.
  template <class T, class Visit>
  void for_each_entry(std::int64_t s, Visit visit) const {
    const StrategicGame& g = *game;
    for (int i = 0; i < g.num_players(); ++i) {
      const int k = g.num_strategies(i);
      const std::int64_t stride = g.stride(i);
      const int a = static_cast<int>((s / stride) % k);
      const T* u = payoffs<T>(i);
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
      for (const auto& e : extra_by_profile[s]) {
        if constexpr (std::is_same_v<T, double>) {
          visit(e.row, e.unit);
        } else {
          visit(e.row, e.coef);
        }
      }
    }
  }

  // Objective coefficient (minimised, unit-scaled) of profile s.
  double cost(std::int64_t s) const {
    switch (objective.kind) {
      case CorrelatedObjective::Kind::kWelfare: {
        double w = 0;
        for (int i = 0; i < game->num_players(); ++i) w += payoffs<double>(i)[s];
        return -w;
      }
      case CorrelatedObjective::Kind::kPlayer: return -payoffs<double>(objective.player)[s];
      default: return 0.0;
    }
  }

  std::int64_t entries() const {
    std::int64_t per_profile = 1 + (has_t() ? game->num_players() : 0);
    for (int i = 0; i < game->num_players(); ++i) per_profile += game->num_strategies(i) - 1;
    std::int64_t extra = 0;
    for (const auto& e : extra_by_profile) extra += static_cast<std::int64_t>(e.size());
    return per_profile * profiles() + extra;
  }
};

CorrelatedLp build(const StrategicGame& g, CorrelatedConcept kind, const CorrelatedObjective& obj,
                   const std::vector<DistributionConstraint>& extra) {
  const int n = g.num_players();
  CorrelatedLp lp;
  lp.game = &g;
  lp.kind = kind;
  lp.objective = obj;
  // The game's doubles are finite (scaled by 2^-double_scale_exponent); scale them on to unit size.
  const std::size_t entries = static_cast<std::size_t>(n) * g.num_profiles();
  const double* u = g.payoffs<double>(0);
  double largest = 0;
  for (std::size_t e = 0; e < entries; ++e) largest = std::max(largest, std::abs(u[e]));
  const double factor = unit_factor(largest);
  lp.unit_payoffs.resize(entries);
  for (std::size_t e = 0; e < entries; ++e) lp.unit_payoffs[e] = u[e] * factor;
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
  lp.row_lower.assign(lp.rows, -COIN_DBL_MAX);
  lp.row_upper.assign(lp.rows, 0.0);
  lp.rhs.assign(lp.rows, Rational(0));
  lp.row_lower[lp.sum_row] = lp.row_upper[lp.sum_row] = 1.0;
  lp.rhs[lp.sum_row] = 1;
  if (!extra.empty()) lp.extra_by_profile.assign(g.num_profiles(), {});
  for (std::size_t c = 0; c < extra.size(); ++c) {
    const int r = lp.extra_rows + static_cast<int>(c);
    // The row's coefficients and bound, scaled together (payoff caps carry the payoffs' magnitude).
    std::vector<Rational> values{extra[c].rhs};
    for (const auto& term : extra[c].terms) values.push_back(term.second);
    const int exponent = double_scale_exponent(values);
    double row_largest = 0;
    for (const auto& v : values) row_largest = std::max(row_largest, std::abs(scaled_double(v, exponent)));
    const double row_factor = unit_factor(row_largest);
    for (const auto& [s, coef] : extra[c].terms) {
      lp.extra_by_profile[s].push_back({r, coef, scaled_double(coef, exponent) * row_factor});
    }
    const double b = scaled_double(extra[c].rhs, exponent) * row_factor;
    lp.rhs[r] = extra[c].rhs;
    switch (extra[c].sense) {
      case DistributionConstraint::Sense::kLessEqual: lp.row_upper[r] = b; break;
      case DistributionConstraint::Sense::kGreaterEqual: lp.row_lower[r] = b; lp.row_upper[r] = COIN_DBL_MAX; break;
      case DistributionConstraint::Sense::kEqual: lp.row_lower[r] = lp.row_upper[r] = b; break;
    }
  }
  return lp;
}

// The LP in Clp (all profiles, or a restricted master grown by column
// generation), with the profile behind each Clp column.
struct Master {
  ClpSimplex clp;
  std::vector<std::int64_t> profile_of_column;  // -1: t or the artificial column
  int t_column = -1, artificial = -1;
};

void append_column(const CorrelatedLp& lp, std::int64_t s, bool with_cost, std::vector<CoinBigIndex>& start,
                   std::vector<int>& index, std::vector<double>& value, std::vector<double>& cost) {
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  lp.for_each_entry<double>(s, [&](int r, double v) {
    index.push_back(r);
    value.push_back(v);
  });
  cost.push_back(with_cost ? lp.cost(s) : 0.0);
}

// Columns in Clp order: t (when used), the artificial column relaxing every
// incentive row (when generating), then the profiles. With an artificial
// column only it is priced (phase one).
void load(const CorrelatedLp& lp, const std::vector<std::int64_t>& profiles, bool artificial, Master& m) {
  std::vector<CoinBigIndex> start;
  std::vector<int> index;
  std::vector<double> value, cost, lower, upper;
  auto fixed = [&](double c, double lo) {
    m.profile_of_column.push_back(-1);
    cost.push_back(c);
    lower.push_back(lo);
    upper.push_back(COIN_DBL_MAX);
  };
  if (lp.has_t()) {
    m.t_column = static_cast<int>(cost.size());
    start.push_back(0);
    for (int i = 0; i < lp.game->num_players(); ++i) {
      index.push_back(lp.t_rows + i);
      value.push_back(1.0);
    }
    fixed(artificial ? 0.0 : -1.0, -COIN_DBL_MAX);  // t is free
  }
  if (artificial) {
    m.artificial = static_cast<int>(cost.size());
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    for (int r = 0; r < lp.sum_row; ++r) {
      index.push_back(r);
      value.push_back(-1.0);
    }
    fixed(1.0, 0.0);
  }
  for (auto s : profiles) {
    append_column(lp, s, !artificial, start, index, value, cost);
    m.profile_of_column.push_back(s);
    lower.push_back(0.0);
    upper.push_back(COIN_DBL_MAX);
  }
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  m.clp.setLogLevel(0);
  m.clp.setPrimalTolerance(1e-10);
  m.clp.setDualTolerance(1e-10);
  m.clp.loadProblem(static_cast<int>(cost.size()), lp.rows, start.data(), index.data(), value.data(), lower.data(),
                    upper.data(), cost.data(), lp.row_lower.data(), lp.row_upper.data());
}

// Profiles outside the master whose reduced cost (under `with_cost`'s
// objective) is negative, most negative first, at most kBatch.
std::vector<std::int64_t> price(const CorrelatedLp& lp, const Master& m, const std::vector<char>& present,
                                bool with_cost) {
  const double* dual = m.clp.getRowPrice();
  std::vector<std::pair<double, std::int64_t>> negative;
  for (std::int64_t s = 0; s < lp.profiles(); ++s) {
    if (present[s]) continue;
    double reduced = with_cost ? lp.cost(s) : 0.0;
    lp.for_each_entry<double>(s, [&](int r, double v) { reduced -= dual[r] * v; });
    if (reduced < -kPricingTolerance) negative.emplace_back(reduced, s);
  }
  const std::size_t batch = std::min(negative.size(), kBatch);
  std::partial_sort(negative.begin(), negative.begin() + static_cast<std::ptrdiff_t>(batch), negative.end());
  std::vector<std::int64_t> out(batch);
  for (std::size_t c = 0; c < batch; ++c) out[c] = negative[c].second;
  return out;
}

// Grows the master until no profile prices out (or Clp stops).
LpOutcome generate_columns(const CorrelatedLp& lp, Master& m, std::vector<char>& present, bool with_cost,
                           const SolveControl& control, CorrelatedResult& result) {
  for (;;) {
    const LpOutcome o = lp_outcome(m.clp, control);
    if (o != LpOutcome::kOptimal) return o;
    if (control.should_stop()) return LpOutcome::kStopped;
    const auto batch = price(lp, m, present, with_cost);
    if (batch.empty()) return LpOutcome::kOptimal;
    std::vector<CoinBigIndex> start;
    std::vector<int> index;
    std::vector<double> value, cost;
    for (auto s : batch) {
      present[s] = 1;
      m.profile_of_column.push_back(s);
      append_column(lp, s, with_cost, start, index, value, cost);
    }
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    const std::vector<double> lower(batch.size(), 0.0), upper(batch.size(), COIN_DBL_MAX);
    m.clp.addColumns(static_cast<int>(batch.size()), lower.data(), upper.data(), cost.data(), start.data(),
                     index.data(), value.data());
    m.clp.primal(1);  // warm start from the previous basis
    ++result.generation_rounds;
  }
}

// Column generation in two phases: first drive the artificial column to zero
// (a CE always exists, so this ends at zero unless Clp fails), then fix it at
// zero and optimise the objective. No big-M cost mixes the two scales.
LpOutcome solve_by_generation(const CorrelatedLp& lp, Master& m, const SolveControl& control,
                              CorrelatedResult& result) {
  std::int64_t best = 0;  // start from the objective's best profile
  for (std::int64_t s = 1; s < lp.profiles(); ++s) {
    if (lp.cost(s) < lp.cost(best)) best = s;
  }
  load(lp, {best}, true, m);
  std::vector<char> present(lp.profiles(), 0);
  present[best] = 1;
  m.clp.primal();
  LpOutcome o = generate_columns(lp, m, present, false, control, result);
  if (o != LpOutcome::kOptimal) return o;
  if (m.clp.getColSolution()[m.artificial] > kArtificialTolerance) return LpOutcome::kFailed;
  m.clp.setColumnUpper(m.artificial, 0.0);
  m.clp.setColumnLower(m.artificial, 0.0);
  if (lp.has_t()) m.clp.setObjectiveCoefficient(m.t_column, -1.0);
  for (int c = 0; c < m.clp.getNumCols(); ++c) {
    if (m.profile_of_column[c] >= 0) m.clp.setObjectiveCoefficient(c, lp.cost(m.profile_of_column[c]));
  }
  m.clp.primal(1);
  return generate_columns(lp, m, present, true, control, result);
}

LpOutcome solve_full(const CorrelatedLp& lp, Master& m, bool primal, const SolveControl& control) {
  std::vector<std::int64_t> all(lp.profiles());
  for (std::int64_t s = 0; s < lp.profiles(); ++s) all[s] = s;
  load(lp, all, false, m);
  if (primal) {
    m.clp.primal();
  } else {
    m.clp.dual();
  }
  return lp_outcome(m.clp, control);
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

bool accept_exact(const CorrelatedLp& lp, const std::vector<DistributionConstraint>& extra, std::vector<Rational> mu,
                  CorrelatedResult& result);

// The optimal basis's point, exactly: the basic columns solve the tight rows.
bool exact_answer(const CorrelatedLp& lp, const Master& m, const std::vector<DistributionConstraint>& extra,
                  const SolveControl& control, CorrelatedResult& result) {
  const ClpSimplex& clp = m.clp;
  std::vector<int> basic, tight;
  for (int c = 0; c < clp.getNumCols(); ++c) {
    if (clp.getColumnStatus(c) == ClpSimplex::basic) basic.push_back(c);
  }
  for (int r = 0; r < lp.rows; ++r) {
    if (clp.getRowStatus(r) != ClpSimplex::basic) tight.push_back(r);
  }
  const int k = static_cast<int>(basic.size());
  if (k != static_cast<int>(tight.size()) || k > kMaxExactBasis) return false;
  std::vector<int> position(lp.rows, -1);
  for (int a = 0; a < k; ++a) position[tight[a]] = a;
  std::vector<Rational> system(static_cast<std::size_t>(k) * k, Rational(0)), rhs(k);
  for (int b = 0; b < k; ++b) {
    auto put = [&](int r, const Rational& v) {
      if (position[r] >= 0) system[static_cast<std::size_t>(position[r]) * k + b] += v;
    };
    const std::int64_t s = m.profile_of_column[basic[b]];
    if (s >= 0) {
      lp.for_each_entry<Rational>(s, put);
    } else if (basic[b] == m.t_column) {
      for (int i = 0; i < lp.game->num_players(); ++i) put(lp.t_rows + i, Rational(1));
    } else {
      for (int r = 0; r < lp.sum_row; ++r) put(r, Rational(-1));
    }
  }
  for (int a = 0; a < k; ++a) rhs[a] = lp.rhs[tight[a]];
  const auto z = solve_exact(system, rhs, k, control);
  if (!z) return false;
  std::vector<Rational> mu(lp.profiles(), Rational(0));
  for (int b = 0; b < k; ++b) {
    const std::int64_t s = m.profile_of_column[basic[b]];
    if (s >= 0) {
      mu[s] = (*z)[b];
    } else if (basic[b] == m.artificial && (*z)[b] != 0) {
      return false;
    }
  }
  return accept_exact(lp, extra, std::move(mu), result);
}

// Kept as the exact answer when it is a distribution meeting every constraint
// with zero gains.
bool accept_exact(const CorrelatedLp& lp, const std::vector<DistributionConstraint>& extra, std::vector<Rational> mu,
                  CorrelatedResult& result) {
  Rational sum(0);
  for (const auto& x : mu) {
    if (x < 0) return false;
    sum += x;
  }
  if (sum != 1) return false;
  for (const auto& c : extra) {
    if (!satisfies(c, mu)) return false;
  }
  auto cert = certify_distribution(*lp.game, mu, lp.kind);
  if (cert.max_gain != 0) return false;
  result.distribution = std::move(mu);
  result.cert = std::move(cert);
  result.exact = true;
  return true;
}

// Clp's floating point, made a distribution exactly (negative entries
// dropped, the rest normalised), with its gains certified exactly. False when
// nothing positive is left.
bool floating_answer(const CorrelatedLp& lp, const Master& m, CorrelatedResult& result) {
  const double* x = m.clp.getColSolution();
  std::vector<Rational> mu(lp.profiles(), Rational(0));
  Rational sum(0);
  for (int c = 0; c < m.clp.getNumCols(); ++c) {
    const std::int64_t s = m.profile_of_column[c];
    if (s >= 0 && std::isfinite(x[c]) && x[c] > 0) sum += mu[s] = Rational(x[c]);
  }
  if (sum == 0) return false;
  for (auto& q : mu) q /= sum;
  result.cert = certify_distribution(*lp.game, mu, lp.kind);
  result.distribution = std::move(mu);
  result.exact = false;
  return true;
}

// The exact route, for LPs small enough for a dense rational tableau: when
// Clp's doubles cannot resolve the payoffs (magnitudes more than 2^53 apart:
// its optimum is then no exact CE), when Clp fails, and to prove a
// constrained LP infeasible. A primal simplex in two phases (one artificial
// per row that needs one) with Dantzig's entering rule and the tableau's
// lexicographic ratio test.
// Rational entries grow with every pivot: a 5x5 CE with payoffs up to 10^6
// (3,900 entries) takes 0.15 s, a 5x5x5x5 CCE (13,500) 3-14 s, a 5x5x5x5 CE
// (73,000) minutes.
constexpr std::int64_t kMaxExactTableau = 5'000;
enum class ExactOutcome { kSolved, kInfeasible, kGaveUp };

ExactOutcome exact_simplex(const CorrelatedLp& lp, const std::vector<DistributionConstraint>& extra,
                           const SolveControl& control, CorrelatedResult& result) {
  const std::int64_t profiles = lp.profiles();
  const int t_cols = lp.has_t() ? 2 : 0;  // t = t+ - t-
  // Each row as  sign * (a . x) (sense) sign * rhs  with a non-negative right side.
  enum Sense { kLe, kGe, kEq };
  std::vector<Sense> sense(lp.rows, kLe);
  sense[lp.sum_row] = kEq;
  for (std::size_t c = 0; c < extra.size(); ++c) {
    const auto k = extra[c].sense;
    sense[lp.extra_rows + c] = k == DistributionConstraint::Sense::kLessEqual      ? kLe
                               : k == DistributionConstraint::Sense::kGreaterEqual ? kGe
                                                                                  : kEq;
  }
  std::vector<int> sign(lp.rows, 1);
  for (int r = 0; r < lp.rows; ++r) {
    if (lp.rhs[r] < 0) {
      sign[r] = -1;
      if (sense[r] != kEq) sense[r] = sense[r] == kLe ? kGe : kLe;
    }
  }
  std::vector<int> surplus_of(lp.rows, -1);
  int surplus = 0;
  for (int r = 0; r < lp.rows; ++r) {
    if (sense[r] == kGe) surplus_of[r] = surplus++;
  }
  const std::int64_t identity = profiles + t_cols + surplus;  // one basic column per row
  const std::int64_t cols = identity + lp.rows;
  if (cols * lp.rows > kMaxExactTableau) return ExactOutcome::kGaveUp;
  const int n_cols = static_cast<int>(cols), begin = static_cast<int>(identity);
  std::vector<Rational> t(static_cast<std::size_t>(cols) * lp.rows, Rational(0)), rhs(lp.rows);
  for (std::int64_t s = 0; s < profiles; ++s) {
    lp.for_each_entry<Rational>(s, [&](int r, const Rational& v) { t[r * cols + s] += sign[r] * v; });
  }
  for (int i = 0; lp.has_t() && i < lp.game->num_players(); ++i) {
    const int r = lp.t_rows + i;
    t[r * cols + profiles] = sign[r];
    t[r * cols + profiles + 1] = -sign[r];
  }
  std::vector<char> artificial(cols, 0);
  for (int r = 0; r < lp.rows; ++r) {
    if (surplus_of[r] >= 0) t[r * cols + profiles + t_cols + surplus_of[r]] = -1;
    t[r * cols + begin + r] = 1;
    artificial[begin + r] = sense[r] != kLe;
    rhs[r] = sign[r] * lp.rhs[r];
  }
  bimatrix::PivotTableau<Rational> tab(lp.rows, n_cols, begin, std::move(t), std::move(rhs));
  // Minimises cost . x from the current basis; false when stopped or stuck.
  auto run = [&](const std::vector<Rational>& cost) {
    std::vector<Rational> d(cost);
    for (int r = 0; r < lp.rows; ++r) {
      const Rational& cb = cost[tab.basic(r)];
      if (cb == 0) continue;
      for (int j = 0; j < n_cols; ++j) d[j] -= cb * tab.at(r, j);
    }
    const int cap = 50 * (n_cols + lp.rows);
    Rational f;
    for (int step = 0; step < cap; ++step) {
      if (control.should_stop()) return false;
      int enter = -1;
      for (int j = 0; j < n_cols; ++j) {
        if (!artificial[j] && d[j] < 0 && (enter < 0 || d[j] < d[enter])) enter = j;
      }
      if (enter < 0) return true;
      // An artificial basic at zero leaves first (a degenerate pivot), so it
      // never grows again.
      int row = -1;
      for (int r = 0; r < lp.rows && row < 0; ++r) {
        if (artificial[tab.basic(r)] && tab.rhs(r) == 0 && tab.at(r, enter) != 0) row = r;
      }
      if (row < 0) row = tab.leaving_row(enter);
      if (row < 0) return false;  // unbounded: cannot happen on a distribution
      tab.pivot(row, enter);
      f = d[enter];
      for (int j = 0; j < n_cols; ++j) d[j] -= f * tab.at(row, j);
    }
    return false;
  };
  std::vector<Rational> cost(cols, Rational(0));
  for (int j = 0; j < n_cols; ++j) {
    if (artificial[j]) cost[j] = 1;
  }
  if (!run(cost)) return ExactOutcome::kGaveUp;
  for (int r = 0; r < lp.rows; ++r) {
    if (artificial[tab.basic(r)] && tab.rhs(r) != 0) return ExactOutcome::kInfeasible;  // proven exactly
  }
  std::fill(cost.begin(), cost.end(), Rational(0));
  for (std::int64_t s = 0; s < profiles; ++s) {
    switch (lp.objective.kind) {
      case CorrelatedObjective::Kind::kWelfare:
        for (int i = 0; i < lp.game->num_players(); ++i) cost[s] -= lp.game->payoff(i, s);
        break;
      case CorrelatedObjective::Kind::kPlayer: cost[s] = -lp.game->payoff(lp.objective.player, s); break;
      default: break;
    }
  }
  if (lp.has_t()) {
    cost[profiles] = -1;
    cost[profiles + 1] = 1;
  }
  if (!run(cost)) return ExactOutcome::kGaveUp;
  std::vector<Rational> mu(profiles, Rational(0));
  for (std::int64_t s = 0; s < profiles; ++s) {
    if (tab.row_of(static_cast<int>(s)) >= 0) mu[s] = tab.rhs(tab.row_of(static_cast<int>(s)));
  }
  return accept_exact(lp, extra, std::move(mu), result) ? ExactOutcome::kSolved : ExactOutcome::kGaveUp;
}

const char* concept_name(CorrelatedConcept kind) { return kind == CorrelatedConcept::kCorrelated ? "ce" : "cce"; }

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
  CorrelatedResult result;
  // Ways to the optimum, tried in turn while Clp fails: column generation
  // (large unconstrained games), the full LP by dual simplex, then by primal
  // simplex. Without extra constraints a distribution always exists, so an
  // "infeasible" from Clp is one of its failures.
  enum class Way { kGeneration, kDual, kPrimal };
  std::vector<Way> ways;
  if (extra.empty() && lp.profiles() > kColumnGenerationProfiles) ways.push_back(Way::kGeneration);
  if (ways.empty() || lp.entries() <= kMaxFullLpEntries) {
    ways.push_back(Way::kDual);
    ways.push_back(Way::kPrimal);
  }
  const ClpStopHandler stop(control);
  std::unique_ptr<Master> m;
  LpOutcome outcome = LpOutcome::kFailed;
  int infeasible_ways = 0;
  for (const Way way : ways) {
    m = std::make_unique<Master>();
    m->clp.passInEventHandler(&stop);
    outcome = way == Way::kGeneration ? solve_by_generation(lp, *m, control, result)
                                      : solve_full(lp, *m, way == Way::kPrimal, control);
    result.simplex_iterations += m->clp.numberIterations();
    if (outcome == LpOutcome::kOptimal || outcome == LpOutcome::kStopped) break;
    // With constraints, infeasibility counts once two simplex methods agree on it.
    if (outcome == LpOutcome::kInfeasible && !extra.empty() && ++infeasible_ways == 2) break;
  }
  if (outcome == LpOutcome::kStopped) {
    // The certified partial answer: the current point, its gains computed exactly.
    result.status = SolveStatus::kStopped;
    if (floating_answer(lp, *m, result)) result.objective = objective_value(objective, result.cert);
    return result;
  }
  if (outcome == LpOutcome::kOptimal && exact_answer(lp, *m, extra, control, result)) {
    result.objective = objective_value(objective, result.cert);
    return result;
  }
  // Clp failed, proved the constrained LP infeasible, or its optimum is no
  // exact answer: the exact simplex settles it where the tableau fits.
  const ExactOutcome exact = exact_simplex(lp, extra, control, result);
  if (exact == ExactOutcome::kInfeasible || (exact == ExactOutcome::kGaveUp && outcome == LpOutcome::kInfeasible)) {
    if (extra.empty()) throw SolverFailure(std::string("lp: the ") + concept_name(kind) + " LP came out infeasible");
    result.feasible = false;
    result.exact = exact == ExactOutcome::kInfeasible;  // proven in rationals, or by both simplex methods
    result.distribution.clear();
    return result;
  }
  if (exact == ExactOutcome::kGaveUp) {
    if (outcome != LpOutcome::kOptimal) {
      throw SolverFailure(std::string("lp: Clp could not solve the ") + concept_name(kind) + " LP (status " +
                          std::to_string(m->clp.status()) + ")");
    }
    if (!floating_answer(lp, *m, result)) {
      throw SolverFailure(std::string("lp: Clp's optimum of the ") + concept_name(kind) + " LP is not a distribution");
    }
  }
  if (control.should_stop()) result.status = SolveStatus::kStopped;  // during the exact basis solve
  result.objective = objective_value(objective, result.cert);
  return result;
}

}  // namespace equilibria
