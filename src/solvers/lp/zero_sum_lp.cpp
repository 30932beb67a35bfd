#include "equilibria/solvers/lp/zero_sum_lp.hpp"

#include <ClpSimplex.hpp>
#include <stdexcept>

#include "../bimatrix/best_response_polytope.hpp"
#include "clp_stop.hpp"
#include "equilibria/games/bimatrix.hpp"
#include "equilibria/games/game_properties.hpp"
#include "equilibria/solvers/lemke_howson/lemke_howson.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

using bimatrix::Side;

// min sum(u) s.t. A'^T u >= 1, u >= 0, with A' = A shifted positive: then
// x = u / sum(u), the value is 1 / sum(u) - shift, and the duals w of the
// rows give y = w / sum(w). Returns the optimal basis as (basic columns i,
// rows j whose constraint is tight), or nullopt when Clp fails.
struct LpBasis {
  std::vector<int> basic_rows_of_a;  // strategies i of the row player with u_i basic
  std::vector<int> tight_columns;    // strategies j of the column player whose row is tight
  int iterations = 0;
};

std::optional<LpBasis> clp_basis(const Bimatrix& g, const SolveControl& control) {
  const int m = g.m, n = g.n;
  double scale = 0;
  for (double v : g.a_approx) scale = std::max(scale, v);
  // Column-major constraint matrix: column i holds A'[i][*] / scale.
  std::vector<CoinBigIndex> start(m + 1);
  std::vector<int> index;
  std::vector<double> value;
  index.reserve(static_cast<std::size_t>(m) * n);
  value.reserve(static_cast<std::size_t>(m) * n);
  for (int i = 0; i < m; ++i) {
    start[i] = static_cast<CoinBigIndex>(index.size());
    for (int j = 0; j < n; ++j) {
      index.push_back(j);
      value.push_back(g.a_approx[i * n + j] / scale);
    }
  }
  start[m] = static_cast<CoinBigIndex>(index.size());
  std::vector<double> col_lower(m, 0.0), col_upper(m, COIN_DBL_MAX), objective(m, 1.0);
  std::vector<double> row_lower(n, 1.0), row_upper(n, COIN_DBL_MAX);
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.loadProblem(m, n, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                 objective.data(), row_lower.data(), row_upper.data());
  const ClpStopHandler stop(control);  // wall clock, polled every iteration
  lp.passInEventHandler(&stop);
  lp.dual();
  if (!lp.isProvenOptimal()) return std::nullopt;
  LpBasis basis;
  basis.iterations = lp.numberIterations();
  for (int i = 0; i < m; ++i) {
    if (lp.getColumnStatus(i) == ClpSimplex::basic) basis.basic_rows_of_a.push_back(i);
  }
  for (int j = 0; j < n; ++j) {
    if (lp.getRowStatus(j) != ClpSimplex::basic) basis.tight_columns.push_back(j);
  }
  return basis;
}

std::optional<MixedProfile<Rational>> exact_from_basis(const Bimatrix& shifted, const LpBasis& basis,
                                                       const SolveControl& control) {
  // P's system uses B, Q's uses A: give both the row player's shifted payoffs.
  Bimatrix h = shifted;
  h.b = h.a;
  const auto u = bimatrix::exact_vertex(h, Side::kRow, basis.basic_rows_of_a, basis.tight_columns, control);
  if (!u) return std::nullopt;
  const auto w = bimatrix::exact_vertex(h, Side::kColumn, basis.tight_columns, basis.basic_rows_of_a, control);
  if (!u || !w) return std::nullopt;
  for (const auto* v : {&*u, &*w}) {
    Rational sum(0);
    for (const auto& e : *v) {
      if (e < 0) return std::nullopt;
      sum += e;
    }
    if (sum == 0) return std::nullopt;
  }
  return bimatrix::normalised_profile(*u, *w);
}

}  // namespace

ZeroSumLpResult solve_zero_sum_lp(const StrategicGame& game, const ZeroSumLpOptions& options) {
  if (game.num_players() != 2) throw std::invalid_argument("lp needs a two-player game");
  if (!constant_sum(game)) throw std::invalid_argument("lp needs a constant-sum game (payoffs summing to a constant)");
  const Bimatrix g = shifted_positive(bimatrix_of(game));
  ZeroSumLpResult result;
  std::optional<MixedProfile<Rational>> profile;
  if (options.control.should_stop()) {  // building the matrices of a big game can take the time
    result.status = SolveStatus::kStopped;
    return result;
  }
  if (const auto basis = clp_basis(g, options.control)) {
    result.simplex_iterations = basis->iterations;
    profile = exact_from_basis(g, *basis, options.control);
    if (profile && certify(game, *profile).max_regret != 0) profile.reset();
  }
  if (!profile && options.control.should_stop()) {
    result.status = SolveStatus::kStopped;
    return result;
  }
  if (!profile) {
    result.exact_fallback = true;
    LemkeHowsonOptions lh;
    lh.control = options.control;
    lh.label = 0;
    lh.exact_pivoting = true;
    const auto report = lemke_howson(game, lh, [&](const LemkeHowsonEquilibrium& e) { profile = e.profile; });
    if (!profile) {
      result.status = report.status;
      return result;
    }
  }
  result.profile = std::move(*profile);
  result.value = certify(game, result.profile).payoffs[0];
  return result;
}

}  // namespace equilibria
