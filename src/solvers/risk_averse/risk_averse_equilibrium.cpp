#include "equilibria/solvers/risk_averse/risk_averse_equilibrium.hpp"

#include <algorithm>
#include <stdexcept>

#include "../simpdiv/grid_search.hpp"
#include "aversion_continuation.hpp"
#include "equilibria/solvers/logit/logit_qre.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "first_order_conditions.hpp"
#include "mean_variance_game.hpp"

namespace equilibria {
namespace {

using Vec = ScaledGame::Vec;
using Mat = ScaledGame::Mat;

// Support guesses from a grid point: for each player separately, the
// strategies in use whose gradient is within a multiple of `loss` of its
// best (mean-variance players keep many strategies at small weights, which a
// coarse grid cannot show), every pairing of the two players' guesses.
std::vector<Support> near_best_supports(const MeanVarianceGame& mv, const Vec& x, const Vec& g, double loss) {
  std::array<std::vector<std::vector<int>>, 2> options;
  for (int i = 0; i < 2; ++i) {
    const int b = mv.begin(i);
    const double best = g.segment(b, mv.count(i)).maxCoeff();
    for (double factor : {0.5, 1.0, 2.0, 4.0, 8.0, 16.0}) {
      std::vector<int> own;
      for (int s = 0; s < mv.count(i); ++s) {
        if (best - g[b + s] <= factor * loss || x[b + s] > 0.5) own.push_back(s);
      }
      if (std::find(options[i].begin(), options[i].end(), own) == options[i].end()) options[i].push_back(std::move(own));
    }
  }
  std::vector<Support> supports;
  for (const auto& a : options[0]) {
    for (const auto& b : options[1]) supports.push_back({a, b});
  }
  // Square systems first: the first-order conditions are most often regular there.
  std::stable_sort(supports.begin(), supports.end(), [](const Support& l, const Support& r) {
    return (l[0].size() != l[1].size()) < (r[0].size() != r[1].size());
  });
  return supports;
}

// Weights below 1e-13 are rounding noise around a face of the simplex.
MixedProfile<Rational> as_profile(const StrategicGame& game, const Vec& z) {
  MixedProfile<double> p(game.strategy_counts());
  for (int k = 0; k < z.size(); ++k) p.flat()[k] = z[k] < 1e-13 ? 0.0 : z[k];
  return normalised(p.convert<Rational>());
}

}  // namespace

Certificate<Rational> risk_averse_certificate(const StrategicGame& game, const std::array<Rational, 2>& gamma,
                                              const MixedProfile<Rational>& profile) {
  Certificate<Rational> cert;
  cert.max_regret = 0;
  for (int i = 0; i < 2; ++i) {
    const auto own = profile.player(i), other = profile.player(1 - i);
    const std::vector<Rational> p(own.begin(), own.end()), q(other.begin(), other.end());
    const auto mv = mean_variance(own_matrix<Rational>(game, i), game.num_strategies(i), game.num_strategies(1 - i),
                                  gamma[i], p, q);
    // Concavity: U(p') - U(p) <= g . (p' - p) <= max_s g_s - g . p.
    Rational best = mv.gradient[0], at(0);
    for (std::size_t s = 0; s < p.size(); ++s) {
      if (mv.gradient[s] > best) best = mv.gradient[s];
      at += p[s] * mv.gradient[s];
    }
    cert.payoffs.push_back(mv.utility);
    cert.regrets.push_back(best - at);
    if (cert.regrets.back() > cert.max_regret) cert.max_regret = cert.regrets.back();
  }
  return cert;
}

RiskAverseResult risk_averse_equilibrium(const StrategicGame& game, const RiskAverseOptions& options) {
  if (game.num_players() != 2) throw std::invalid_argument("the risk-averse equilibrium needs a two-player game");
  if (options.gamma[0] < 0 || options.gamma[1] < 0) throw std::invalid_argument("risk aversion must be >= 0");
  const ScaledGame sg(game);
  const MeanVarianceGame mv(game, options.gamma);
  const double scale = 1.0 / mv.scale();
  const GradientField field = [&](const Vec& x, Vec& g) {
    mv.gradient(x, g);
    g *= scale;
  };
  const double tolerance = 1e-9 * mv.scale();
  auto certified = [&](const std::optional<Vec>& z) -> std::optional<MixedProfile<Rational>> {
    if (!z) return std::nullopt;
    auto p = as_profile(game, *z);
    if (risk_averse_certificate(game, options.gamma, p).max_regret.get_d() <= tolerance) return p;
    return std::nullopt;
  };
  // Support guesses with an active-set search first; then the semismooth
  // Newton method, which needs no guess but can stall far from an equilibrium.
  const GridAccept refine = [&](const Vec& x, std::int64_t, double loss) -> std::optional<MixedProfile<Rational>> {
    Vec g;
    field(x, g);
    for (const Support& support : near_best_supports(mv, x, g, loss)) {
      if (auto p = certified(solve_by_active_set(mv, x, support, tolerance))) return p;
    }
    return certified(solve_first_order_conditions(mv, x));
  };
  RiskAverseResult result;
  // First: continuation from a Nash equilibrium (the logit path's, refined
  // on its support) up to the target aversion.
  SimplicialSubdivisionOptions search_options;
  search_options.control = options.control;
  if (options.continuation) {
    LogitOptions logit;
    logit.control = options.control;
    const LogitResult nash = trace_logit(game, logit);
    const bool refined = nash.status == SolveStatus::kComplete &&
                         certify(game, nash.profile).max_regret.get_d() <= 1e-9 * sg.range();
    if (refined) {
      Vec start(sg.size());
      for (int k = 0; k < sg.size(); ++k) start[k] = nash.profile.flat()[k].get_d();
      if (const auto path = continue_in_aversion(game, options.gamma, start, options.control)) {
        if (auto p = certified(path->profile)) {
          result.profile = std::move(*p);
          result.refined = true;
          result.continuation_steps = path->steps;
          result.certificate = risk_averse_certificate(game, options.gamma, result.profile);
          return result;
        }
      }
    }
  }
  // Otherwise: simplicial subdivision on the utilities' gradients.
  const GridSearchResult search = search_grids(sg, field, nullptr, search_options, refine);
  result.status = search.status;
  result.mesh = search.mesh;
  result.pivots = search.pivots;
  result.refined = search.accepted.has_value();
  result.profile = result.refined ? *search.accepted : search.best;
  result.certificate = risk_averse_certificate(game, options.gamma, result.profile);
  return result;
}

}  // namespace equilibria
