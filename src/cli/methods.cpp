#include "methods.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "equilibria/core/input_error.hpp"
#include "equilibria/solvers/enumerate/extreme_equilibria.hpp"
#include "equilibria/solvers/lemke_howson/lemke_howson.hpp"
#include "equilibria/solvers/logit/logit_qre.hpp"
#include "equilibria/solvers/lp/zero_sum_lp.hpp"
#include "equilibria/solvers/pure/pure_nash.hpp"
#include "equilibria/solvers/simpdiv/simplicial_subdivision.hpp"
#include "equilibria/solvers/support/support_enumeration.hpp"
#include "equilibria/io/text_file.hpp"
#include "equilibria/solvers/vi/bilinear_game.hpp"
#include "equilibria/solvers/vi/first_order_checkpoint.hpp"
#include "equilibria/solvers/vi/first_order_methods.hpp"
#include "equilibria/verify/probability_check.hpp"

namespace equilibria::cli {
namespace {

MethodResult run_pure(const StrategicGame& game, const MethodOptions& opts) {
  MethodResult result;
  PureNashOptions options;
  options.control = opts.control;
  options.limit = opts.limit;
  result.status = enumerate_pure_nash(game, options, [&](const std::vector<int>& choice) {
    auto profile = MixedProfile<Rational>::pure(game.strategy_counts(), choice);
    auto cert = certify(game, profile);
    result.equilibria.push_back({std::move(profile), std::move(cert)});
  });
  return result;
}

void require_two_players(const StrategicGame& game, const std::string& method, const std::string& file) {
  if (game.num_players() != 2) {
    throw InputError(file, 0, "method '" + method + "' needs a two-player game; this one has " +
                                  std::to_string(game.num_players()) + " players");
  }
}

MethodResult run_lemke_howson(const StrategicGame& game, const MethodOptions& opts, const std::string& file) {
  require_two_players(game, "lemke-howson", file);
  const int labels = game.num_strategies(0) + game.num_strategies(1);
  if (opts.label < 0 || opts.label > labels) {
    throw InputError(file, 0, "--label must be between 1 and " + std::to_string(labels));
  }
  LemkeHowsonOptions options;
  options.control = opts.control;
  options.limit = opts.limit;
  options.label = opts.label - 1;
  options.threads = opts.threads;
  options.exact_pivoting = opts.exact_pivoting;
  MethodResult result;
  const LemkeHowsonReport report = lemke_howson(game, options, [&](const LemkeHowsonEquilibrium& e) {
    result.equilibria.push_back({e.profile, certify(game, e.profile)});
  });
  result.status = report.status;
  result.stats = {{"pivots", static_cast<double>(report.pivots)},
                  {"exact_pivots", static_cast<double>(report.exact_pivots)},
                  {"paths", report.paths},
                  {"exact_reruns", report.exact_reruns},
                  {"threads", report.threads}};
  return result;
}

MethodResult run_enumerate(const StrategicGame& game, const MethodOptions& opts, const std::string& file) {
  require_two_players(game, "enumerate", file);
  ExtremeEquilibriaOptions options;
  options.control = opts.control;
  options.arithmetic = opts.arithmetic;
  options.cliques = opts.cliques;
  const ExtremeEquilibriaReport report = extreme_equilibria(game, options);
  MethodResult result;
  result.status = report.status;
  for (auto& profile : equilibrium_profiles(report)) {
    auto cert = certify(game, profile);
    result.equilibria.push_back({std::move(profile), std::move(cert)});
  }
  result.stats = {{"row_polytope_vertices", static_cast<double>(report.row_polytope_vertices)},
                  {"column_polytope_vertices", static_cast<double>(report.column_polytope_vertices)},
                  {"exact_arithmetic", report.exact_arithmetic ? 1 : 0},
                  {"exact_rerun", report.exact_rerun ? 1 : 0}};
  for (const auto& c : report.cliques) {
    MethodResult::Clique clique;
    for (int a : c.row_vertices) clique.rows.push_back(report.row_points[a]);
    for (int b : c.column_vertices) clique.columns.push_back(report.column_points[b]);
    result.cliques.push_back(std::move(clique));
  }
  result.components = report.components;
  return result;
}

MethodResult run_lp(const StrategicGame& game, const MethodOptions& opts, const std::string& file) {
  require_two_players(game, "lp", file);
  ZeroSumLpOptions options;
  options.control = opts.control;
  ZeroSumLpResult lp;
  try {
    lp = solve_zero_sum_lp(game, options);
  } catch (const std::invalid_argument& e) {
    throw InputError(file, 0, e.what());
  }
  MethodResult result;
  result.status = lp.status;
  if (lp.status == SolveStatus::kComplete) {
    result.equilibria.push_back({lp.profile, certify(game, lp.profile)});
  }
  result.stats = {{"simplex_iterations", lp.simplex_iterations}, {"exact_fallback", lp.exact_fallback ? 1 : 0}};
  return result;
}

MethodResult run_support(const StrategicGame& game, const MethodOptions& opts, const std::string& file) {
  require_two_players(game, "support", file);
  SupportEnumerationOptions options;
  options.control = opts.control;
  MethodResult result;
  result.status = support_enumeration(game, options, [&](const MixedProfile<Rational>& profile) {
    result.equilibria.push_back({profile, certify(game, profile)});
  });
  return result;
}

MethodResult run_logit(const StrategicGame& game, const MethodOptions& opts) {
  LogitOptions options;
  options.control = opts.control;
  options.final_lambda = opts.lambda;
  const LogitResult r = trace_logit(game, options);
  MethodResult result;
  result.status = r.status;
  result.exact = r.exact;
  if (opts.lambda > 0) result.concept_name = "logit-qre";
  result.equilibria.push_back({r.profile, certify(game, r.profile)});
  result.stats = {{"lambda", r.lambda}, {"steps", r.steps}};
  return result;
}

// A random start for simplicial subdivision: each player's weights drawn
// from 0..kStartGrid-1 (not all zero), on a grid of that mesh.
constexpr int kStartGrid = 8;

MixedProfile<Rational> random_start(const StrategicGame& game, std::mt19937_64& rng) {
  MixedProfile<Rational> p(game.strategy_counts());
  std::uniform_int_distribution<int> weight(0, kStartGrid - 1);
  for (int i = 0; i < game.num_players(); ++i) {
    std::vector<int> w(static_cast<std::size_t>(game.num_strategies(i)));
    int total = 0;
    while (total == 0) {
      total = 0;
      for (auto& x : w) total += x = weight(rng);
    }
    for (int s = 0; s < game.num_strategies(i); ++s) p.player(i)[s] = Rational(w[s], total);
  }
  return p;
}

bool same_profile(const MixedProfile<Rational>& a, const MixedProfile<Rational>& b) {
  for (std::size_t k = 0; k < a.flat().size(); ++k) {
    if (std::abs(a.flat()[k].get_d() - b.flat()[k].get_d()) > 1e-9) return false;
  }
  return true;
}

MethodResult run_simpdiv(const StrategicGame& game, const MethodOptions& opts) {
  MethodResult result;
  result.exact = true;
  std::mt19937_64 rng(opts.seed);
  const SolveControl& control = opts.control;
  double pivots = 0, grids = 0, refined = 0;
  for (int start = 0; start < std::max(1, opts.starts); ++start) {
    SimplicialSubdivisionOptions options;
    options.control = control;
    if (start > 0) {
      options.start = random_start(game, rng);
      options.initial_mesh = kStartGrid;
    }
    SimplicialSubdivisionResult r = simplicial_subdivision(game, options);
    pivots += static_cast<double>(r.pivots);
    grids += r.restarts;
    refined += r.refined ? 1 : 0;
    const bool seen = std::any_of(result.equilibria.begin(), result.equilibria.end(),
                                  [&](const CertifiedEquilibrium& e) { return same_profile(e.profile, r.profile); });
    // A stopped run's best grid point is kept only when nothing better exists.
    if (!seen && (r.status == SolveStatus::kComplete || result.equilibria.empty())) {
      result.exact = result.exact && r.exact;
      result.equilibria.push_back({r.profile, certify(game, r.profile)});
    }
    if (r.status != SolveStatus::kComplete) {
      result.status = r.status;
      break;
    }
  }
  // Mixed exactness prints every answer as floating.
  result.stats = {{"starts", std::max(1, opts.starts)}, {"grids", grids}, {"pivots", pivots}, {"refined", refined}};
  return result;
}

// A first-order method's last iterate, each player's mix taken exactly and
// normalised, certified exactly: its regrets sum to the exact duality gap.
MethodResult run_first_order(const std::string& name, const StrategicGame& game, const MethodOptions& opts,
                             const std::string& file) {
  require_two_players(game, name, file);
  std::optional<vi::BilinearGame> problem;
  try {
    problem.emplace(vi::bilinear_from_game(game));
  } catch (const std::invalid_argument& e) {
    throw InputError(file, 0, name + ": " + e.what());
  }
  vi::FirstOrderOptions options;
  options.method = vi::first_order_method_from_name(name);
  options.tolerance = opts.tolerance > 0 ? std::ldexp(opts.tolerance, -game.double_scale_exponent())
                                         : 1e-6 * std::max(game.payoff_range(), 1e-300);
  if (opts.iterations > 0) options.max_iterations = opts.iterations;
  options.seed = opts.seed;
  options.control = opts.control;
  options.log = opts.log;
  const std::string fingerprint = opts.checkpoint_path.empty() && opts.resume_path.empty() ? "" : vi::operator_fingerprint(*problem);
  const double step = vi::first_order_step(*problem, options);
  vi::FirstOrderState resumed;
  if (!opts.resume_path.empty()) {
    try {
      resumed = vi::decode_first_order_checkpoint(read_text_file(opts.resume_path), fingerprint, options, step, problem->dimension());
    } catch (const std::invalid_argument& e) {
      throw InputError(opts.resume_path, 0, e.what());
    }
    options.resume = &resumed;
  }
  if (!opts.checkpoint_path.empty()) {
    // A run killed outright loses at most checkpoint_every seconds.
    auto last = std::chrono::steady_clock::now();
    options.checkpoint = [&, last](const vi::FirstOrderState& state, bool final) mutable {
      const auto now = std::chrono::steady_clock::now();
      if (!final && (opts.checkpoint_every <= 0 || std::chrono::duration<double>(now - last).count() < opts.checkpoint_every)) return;
      write_text_file(opts.checkpoint_path, vi::encode_first_order_checkpoint(fingerprint, options, step, state));
      last = now;
    };
  }
  const vi::FirstOrderResult r = vi::solve_first_order(*problem, options);
  MixedProfile<Rational> profile(game.strategy_counts());
  const int m = problem->rows();
  const std::vector<Rational> x = normalised(std::vector<double>(r.z.begin(), r.z.begin() + m));
  const std::vector<Rational> y = normalised(std::vector<double>(r.z.begin() + m, r.z.end()));
  std::copy(x.begin(), x.end(), profile.player(0).begin());
  std::copy(y.begin(), y.end(), profile.player(1).begin());
  MethodResult result;
  result.status = r.status;
  result.exact = false;
  result.equilibria.push_back({profile, certify(game, profile)});
  result.stats = {{"iterations", static_cast<double>(r.iterations)},
                  {"component_calls", static_cast<double>(r.component_calls)},
                  {"residual", r.residual},
                  {"step", r.step}};
  return result;
}

}  // namespace

const std::vector<std::string>& method_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all{"pure", "enumerate", "lemke-howson", "lp", "support", "logit", "simpdiv"};
    for (const auto& n : vi::first_order_method_names()) all.push_back(n);
    return all;
  }();
  return names;
}

void settle_exactness(MethodResult& result,
                      const std::function<Certificate<Rational>(const MixedProfile<Rational>&)>& recertify) {
  // An equilibrium is exact when its certificate says so, whatever the
  // method claimed; a QRE is an approximation by definition.
  bool exact = result.concept_name != "logit-qre" || result.exact;
  for (auto& e : result.equilibria) {
    if (distribution_problem(e.profile)) {
      e.profile = normalised(e.profile);
      e.cert = recertify(e.profile);
      exact = false;
    }
    if (e.cert.max_regret != 0) exact = false;
  }
  result.exact = exact;
}

namespace {

MethodResult dispatch(const std::string& name, const StrategicGame& game, const MethodOptions& options,
                      const std::string& file) {
  if (name == "pure") return run_pure(game, options);
  if (name == "lemke-howson") return run_lemke_howson(game, options, file);
  if (name == "enumerate") return run_enumerate(game, options, file);
  if (name == "lp") return run_lp(game, options, file);
  if (name == "support") return run_support(game, options, file);
  if (name == "logit") return run_logit(game, options);
  if (name == "simpdiv") return run_simpdiv(game, options);
  const auto& first_order = vi::first_order_method_names();
  if (std::find(first_order.begin(), first_order.end(), name) != first_order.end()) {
    return run_first_order(name, game, options, file);
  }
  throw InputError(file, 0, "unknown method '" + name + "'");
}

}  // namespace

MethodResult run_method(const std::string& name, const StrategicGame& game, const MethodOptions& options,
                        const std::string& file) {
  MethodResult result = dispatch(name, game, options, file);
  settle_exactness(result, [&](const MixedProfile<Rational>& p) { return certify(game, p); });
  return result;
}

}  // namespace equilibria::cli
