#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <span>
#include <sstream>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/io/distribution_constraints.hpp"
#include "equilibria/io/text_file.hpp"
#include "equilibria/solvers/correlated/correlated_lp.hpp"
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"
#include "equilibria/solvers/no_regret/sparse_cce.hpp"
#include "equilibria/solvers/vi/first_order_methods.hpp"
#include "equilibria/solvers/risk_averse/risk_averse_equilibrium.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "correlated_objective.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"
#include "markov_solve.hpp"
#include "methods.hpp"
#include "number_checks.hpp"
#include "risk_aversion.hpp"
#include "tree_methods.hpp"

namespace equilibria::cli {
namespace {

struct SolveArgs {
  std::string game;
  std::string builtin;
  std::string concept_name = "nash";
  std::string objective = "welfare";
  std::string constraints;
  std::string method;
  std::string learner = "regret-matching+";
  std::string risk_aversion = "1";
  int support = 4;
  std::string format = "text";
  bool iterations_given = false;  // Markov methods have their own default
  double tolerance = 0;   // --tolerance: Markov zero-sum, certified interval width (0: the default)
  double time_limit = 0;  // --time-limit: seconds for the whole command, reading included (0: none)
  MethodOptions options;
  TreeMethodOptions tree;
};

void print_strategic(const StrategicGame& game, const SolveArgs& args, const MethodResult& result, double seconds) {
  switch (parse_output_format(args.format)) {
    case OutputFormat::kJson: {
      Json out{{"game", game_json(game)},
               {"concept", result.concept_name},
               {"method", args.method},
               {"exact", result.exact},
               {"status", to_string(result.status)}};
      Json eqs = Json::array();
      for (const auto& e : result.equilibria) {
        eqs.push_back(result.exact ? equilibrium_json(e.profile, e.cert) : floating_equilibrium_json(e.profile, e.cert));
      }
      out["equilibria"] = std::move(eqs);
      out["seconds"] = seconds;
      for (const auto& [name, value] : result.stats) out["stats"][name] = value;
      if (args.options.cliques) {
        Json cliques = Json::array();
        for (const auto& c : result.cliques) {
          Json rows = Json::array(), columns = Json::array();
          for (const auto& x : c.rows) rows.push_back(rationals_json(x));
          for (const auto& y : c.columns) columns.push_back(rationals_json(y));
          cliques.push_back(Json{{"row_strategies", std::move(rows)}, {"column_strategies", std::move(columns)}});
        }
        out["cliques"] = std::move(cliques);
        out["components"] = result.components;
      }
      std::cout << out.dump(2) << '\n';
      break;
    }
    case OutputFormat::kGambit:
      for (const auto& e : result.equilibria) std::cout << gambit_line(e.profile) << '\n';
      break;
    case OutputFormat::kText:
      std::cout << args.method << ": " << result.equilibria.size() << " equilibria (" << to_string(result.status)
                << ", " << seconds << " s)\n";
      for (std::size_t i = 0; i < result.equilibria.size(); ++i) {
        const auto& e = result.equilibria[i];
        if (result.exact) {
          std::cout << "  " << i + 1 << ": " << profile_text(e.profile) << "  payoffs " << join_rationals(e.cert.payoffs)
                    << "  regret " << join_rationals(e.cert.regrets) << '\n';
          continue;
        }
        // An approximate answer's exact numbers are long fractions: decimals
        // here (JSON keeps them exact).
        auto decimals = [](auto values) {
          std::ostringstream out;
          out << std::setprecision(6);
          for (std::size_t k = 0; k < values.size(); ++k) out << (k ? ", " : "") << values[k].get_d();
          return out.str();
        };
        std::cout << "  " << i + 1 << ":";
        for (int p = 0; p < e.profile.num_players(); ++p) std::cout << " [" << decimals(e.profile.player(p)) << ']';
        std::cout << "  payoffs " << decimals(std::span<const Rational>(e.cert.payoffs)) << "  regret "
                  << decimals(std::span<const Rational>(e.cert.regrets)) << " (exact)\n";
      }
      break;
  }
}

void print_tree(const GameTree& tree, const SolveArgs& args, const TreeMethodResult& r) {
  switch (parse_output_format(args.format)) {
    case OutputFormat::kJson: {
      Json out{{"game", tree_json(tree)},
               {"concept", "nash"},
               {"method", args.method},
               {"exact", r.exact},
               {"status", to_string(r.status)}};
      if (r.iterations > 0) out["iterations"] = r.iterations;
      Json eq;
      if (r.exact) {
        eq = Json{{"behavior", exact_behavior_json(tree, r.behavior)},
                  {"payoffs", rationals_json(r.cert.payoffs)},
                  {"regret", rationals_json(r.cert.regrets)}};
      } else {
        Json regrets = Json::array(), payoffs = Json::array();
        for (const auto& x : r.cert.regrets) regrets.push_back(x.get_d());
        for (const auto& x : r.cert.payoffs) payoffs.push_back(x.get_d());
        eq = Json{{"behavior", behavior_json(tree, r.behavior)}, {"payoffs", std::move(payoffs)}, {"regret", std::move(regrets)}};
      }
      out["equilibria"] = Json::array({std::move(eq)});
      out["exploitability"] = r.cert.exploitability.get_d();
      out["nash_conv"] = r.cert.nash_conv.get_d();
      out["seconds"] = r.seconds;
      for (const auto& [name, value] : r.stats) out["stats"][name] = value;
      std::cout << out.dump(2) << '\n';
      break;
    }
    case OutputFormat::kGambit:
      std::cout << gambit_behavior_line(tree, r.behavior) << '\n';
      break;
    case OutputFormat::kText:
      std::cout << args.method << ": ";
      if (r.iterations > 0) std::cout << r.iterations << " iterations, ";
      std::cout << to_string(r.status) << ", " << r.seconds << " s\n";
      if (r.exact) {
        std::cout << "  exact equilibrium: exploitability 0 in rationals\n";
      } else {
        std::cout << "  exploitability " << r.cert.exploitability.get_d() << " (NashConv " << r.cert.nash_conv.get_d()
                  << ", certified exactly for the profile printed)\n";
      }
      for (int p = 0; p < tree.num_players(); ++p) {
        std::cout << "  " << tree.player_label(p) << ": payoff "
                  << (r.exact ? to_string(r.cert.payoffs[p]) : std::to_string(r.cert.payoffs[p].get_d())) << ", regret "
                  << (r.exact ? to_string(r.cert.regrets[p]) : std::to_string(r.cert.regrets[p].get_d())) << '\n';
      }
      break;
  }
}

// `control` started with the command: reading the game counts against the time limit.
int run_correlated(const StrategicGame& game, const SolveArgs& args, const std::string& name, const SolveControl& control) {
  const CorrelatedConcept kind = args.concept_name == "ce" ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
  const CorrelatedObjective objective = parse_correlated_objective(args.objective, game.num_players());
  std::vector<DistributionConstraint> extra;
  if (!args.constraints.empty()) {
    extra = read_distribution_constraints(read_text_file(args.constraints), args.constraints, game);
  }
  const auto start = std::chrono::steady_clock::now();
  CorrelatedResult r;
  try {
    r = solve_correlated_lp(game, kind, objective, extra, control);
  } catch (const std::invalid_argument& e) {
    throw InputError(name, 0, e.what());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto number = [&](const Rational& q) { return r.exact ? Json(to_string(q)) : Json(q.get_d()); };
  // A stopped run may still carry a point, its gains certified.
  const bool answered = !r.distribution.empty();
  Json eqs = Json::array();
  if (answered) {
    Json dist = Json::array(), payoffs = Json::array(), gains = Json::array();
    for (std::int64_t s = 0; s < game.num_profiles(); ++s) {
      if (r.distribution[s] != 0) dist.push_back(Json{{"profile", game.profile_of_index(s)}, {"probability", number(r.distribution[s])}});
    }
    for (const auto& p : r.cert.payoffs) payoffs.push_back(number(p));
    for (const auto& g : r.cert.gains) gains.push_back(number(g));
    eqs.push_back(Json{{"distribution", std::move(dist)}, {"payoffs", std::move(payoffs)}, {"regret", std::move(gains)}});
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json out{{"game", game_json(game)},
             {"concept", args.concept_name},
             {"method", "lp"},
             {"exact", r.exact},
             {"status", r.status == SolveStatus::kStopped ? "stopped" : (r.feasible ? "complete" : "infeasible")},
             {"objective", Json{{"kind", args.objective}, {"value", answered ? number(r.objective) : Json(nullptr)}}},
             {"equilibria", std::move(eqs)},
             {"seconds", seconds},
             {"stats", Json{{"simplex_iterations", r.simplex_iterations}}}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  if (r.status == SolveStatus::kStopped) {
    std::cout << args.concept_name << ": stopped by the time limit before the LP was solved"
              << (answered ? "; the point reached, with its certified deviation gains:\n" : "\n");
    if (!answered) return 0;
  } else if (!r.feasible) {
    std::cout << args.concept_name << ": no distribution satisfies the constraints\n";
    return 0;
  }
  std::cout << args.concept_name << " (" << args.objective << "): " << (r.exact ? "exact" : "floating") << ", " << seconds
            << " s\n  objective " << (r.exact ? to_string(r.objective) : std::to_string(r.objective.get_d())) << '\n';
  for (std::int64_t s = 0; s < game.num_profiles(); ++s) {
    if (r.distribution[s] == 0) continue;
    std::cout << "  ";
    const auto pure = game.profile_of_index(s);
    for (int p = 0; p < game.num_players(); ++p) std::cout << (p ? ", " : "(") << game.strategy_label(p, pure[p]);
    std::cout << "): " << (r.exact ? to_string(r.distribution[s]) : std::to_string(r.distribution[s].get_d())) << '\n';
  }
  std::cout << "  payoffs " << join_rationals(r.cert.payoffs) << "\n  deviation gains " << join_rationals(r.cert.gains) << '\n';
  return 0;
}

// Exact deviation gains of a floating distribution (each entry taken exactly, then normalised).
CorrelatedCertificate<Rational> certify_floating(const StrategicGame& game, const std::vector<double>& joint,
                                                 CorrelatedConcept kind, std::vector<Rational>& exact) {
  exact = normalised(joint);
  return certify_distribution(game, exact, kind);
}

int run_learner(const StrategicGame& game, const SolveArgs& args, const std::string& name) {
  if (game.num_profiles() > kMaxCorrelatedProfiles) {
    throw InputError(name, 0, "no-regret dynamics keep the joint play densely: at most " +
                                  std::to_string(kMaxCorrelatedProfiles) + " profiles");
  }
  NoRegretOptions options;
  options.learner = learner_from_name(args.method);
  options.iterations = args.tree.iterations;
  options.control = args.options.control;
  std::ofstream log;
  if (!args.tree.log_path.empty()) {
    log.open(args.tree.log_path);
    if (!log) throw InputError(args.tree.log_path, 0, "cannot write log");
    log << "iteration,seconds,gap\n";
    options.log_every = args.tree.log_every > 0 ? args.tree.log_every : std::max<std::int64_t>(1, options.iterations / 100);
    options.log = [&](std::int64_t t, double seconds, double gap) { log << t << ',' << seconds << ',' << gap << '\n'; };
  }
  const NoRegretResult r = run_no_regret(game, options);
  // The exact certificate when its rational operations fit in the time left
  // (at a conservative microsecond each); else a rigorous floating bound.
  double operations = 0;
  for (int i = 0; i < game.num_players(); ++i) operations += static_cast<double>(game.num_profiles()) * game.num_strategies(i);
  const bool exact_fits = !options.control.has_deadline() || operations * 1e-6 <= options.control.seconds_left();
  CorrelatedCertificate<double> cert;
  if (exact_fits) {
    std::vector<Rational> exact;
    const auto exact_cert = certify_floating(game, r.joint, r.concept_target, exact);
    cert.max_gain = exact_cert.max_gain.get_d();
    for (const auto& p : exact_cert.payoffs) cert.payoffs.push_back(p.get_d());
    for (const auto& g : exact_cert.gains) cert.gains.push_back(g.get_d());
  } else {
    cert = bound_distribution_gains(game, r.joint, r.concept_target);
  }
  const char* certified = exact_fits ? "certified exactly" : "certified by a rigorous floating-point bound";
  const char* concept_name = r.concept_target == CorrelatedConcept::kCorrelated ? "ce" : "cce";
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json dist = Json::array(), payoffs = Json::array(), gains = Json::array();
    for (std::int64_t s = 0; s < game.num_profiles(); ++s) {
      if (r.joint[s] > 0) dist.push_back(Json{{"profile", game.profile_of_index(s)}, {"probability", r.joint[s]}});
    }
    for (const auto& p : cert.payoffs) payoffs.push_back(p);
    for (const auto& g : cert.gains) gains.push_back(g);
    Json out{{"game", game_json(game)},
             {"concept", concept_name},
             {"method", args.method},
             {"exact", false},
             {"status", to_string(r.status)},
             {"iterations", r.iterations},
             {"equilibria", Json::array({Json{{"distribution", std::move(dist)}, {"payoffs", std::move(payoffs)}, {"regret", std::move(gains)}}})},
             {"gap", cert.max_gain},
             {"certificate", exact_fits ? "exact" : "floating-bound"},
             {"seconds", r.seconds}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << args.method << ": " << r.iterations << " iterations (" << to_string(r.status) << ", " << r.seconds
            << " s)\n  empirical play is an epsilon-" << concept_name << " with epsilon " << cert.max_gain << " ("
            << certified << ")\n  payoffs";
  for (const auto& p : cert.payoffs) std::cout << ' ' << p;
  std::cout << '\n';
  return 0;
}

int run_sparse_cce(const StrategicGame& game, const SolveArgs& args) {
  SparseCceOptions options;
  options.dynamics.learner = learner_from_name(args.learner);
  options.dynamics.iterations = args.tree.iterations;
  options.dynamics.control = args.options.control;
  options.support = args.support;
  const auto start = std::chrono::steady_clock::now();
  const SparseCceResult r = sparse_cce(game, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json mixture = Json::array(), payoffs = Json::array(), gains = Json::array();
    for (std::size_t c = 0; c < r.components.size(); ++c) {
      Json strategies = Json::array();
      for (int p = 0; p < game.num_players(); ++p) {
        const auto x = r.components[c].player(p);
        strategies.push_back(std::vector<double>(x.begin(), x.end()));
      }
      mixture.push_back(Json{{"weight", r.weights[c]}, {"strategies", std::move(strategies)}});
    }
    for (const auto& p : r.cert.payoffs) payoffs.push_back(p.get_d());
    for (const auto& g : r.cert.gains) gains.push_back(g.get_d());
    Json out{{"game", game_json(game)},
             {"concept", "cce"},
             {"method", "sparse-cce"},
             {"exact", false},
             {"status", to_string(r.status)},
             {"equilibria", Json::array({Json{{"mixture", std::move(mixture)}, {"payoffs", std::move(payoffs)}, {"regret", std::move(gains)}}})},
             {"gap", r.cert.max_gain.get_d()},
             {"seconds", seconds},
             {"stats", Json{{"candidates", r.candidates}}}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "sparse-cce: a mixture of " << r.components.size() << " product profiles (of " << r.candidates
            << " candidates), epsilon " << r.cert.max_gain.get_d() << " (certified exactly), " << seconds << " s\n";
  for (std::size_t c = 0; c < r.components.size(); ++c) {
    std::cout << "  weight " << r.weights[c] << ':';
    for (int p = 0; p < game.num_players(); ++p) {
      std::cout << " [";
      const auto x = r.components[c].player(p);
      for (std::size_t s = 0; s < x.size(); ++s) std::cout << (s ? ", " : "") << x[s];
      std::cout << ']';
    }
    std::cout << '\n';
  }
  return 0;
}

int run_risk_averse(const StrategicGame& game, const SolveArgs& args, const std::string& name) {
  if (game.num_players() != 2) {
    throw InputError(name, 0, "the risk-averse equilibrium needs a two-player game; this one has " +
                                  std::to_string(game.num_players()) + " players");
  }
  RiskAverseOptions options;
  options.gamma = parse_risk_aversion(args.risk_aversion);
  options.control = args.options.control;
  const auto start = std::chrono::steady_clock::now();
  const RiskAverseResult r = risk_averse_equilibrium(game, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MethodResult result;
  result.concept_name = "risk-averse";
  result.status = r.status;
  result.equilibria.push_back({r.profile, r.certificate});
  settle_exactness(result, [&](const MixedProfile<Rational>& p) {
    return risk_averse_certificate(game, options.gamma, p);
  });
  result.stats = {{"mesh", static_cast<double>(r.mesh)},
                  {"pivots", static_cast<double>(r.pivots)},
                  {"refined", r.refined ? 1 : 0},
                  {"continuation_steps", r.continuation_steps}};
  SolveArgs named = args;
  named.method = r.continuation_steps > 0 ? "continuation" : "simpdiv";
  print_strategic(game, named, result, seconds);
  if (r.status == SolveStatus::kStopped) std::cerr << "equilibria: time limit reached; the best grid point is reported\n";
  return 0;
}

// The time limit ran out before the game was read or built: no answer.
void print_stopped_while_loading(const SolveArgs& args) {
  switch (parse_output_format(args.format)) {
    case OutputFormat::kJson:
      std::cout << Json{{"concept", args.concept_name},
                        {"method", args.method},
                        {"exact", false},
                        {"status", "stopped"},
                        {"equilibria", Json::array()},
                        {"seconds", args.time_limit}}
                       .dump(2)
                << '\n';
      break;
    case OutputFormat::kGambit:
      break;
    case OutputFormat::kText:
      std::cout << "stopped by the time limit before the game was read: no answer\n";
      break;
  }
  std::cout.flush();
  std::cerr << "equilibria: time limit reached while reading the game\n";
}

int run(SolveArgs args) {
  const SolveControl command_control = SolveControl::with_time_limit(args.time_limit);
  args.options.control = args.tree.control = command_control;
  // A FIFO or pipe that gives nothing is refused after the time limit at the latest.
  const double wait = args.time_limit > 0 ? std::min(args.time_limit, kStreamWaitSeconds) : kStreamWaitSeconds;
  std::optional<LoadedGame> loaded = load_game_within(args.game, args.builtin, wait, command_control);
  if (!loaded) {
    print_stopped_while_loading(args);
    std::_Exit(0);  // the abandoned reader may still be running: no destructors may race with it
  }
  LoadedGame& game = *loaded;
  if (game.markov) {
    MarkovSolveArgs markov{args.method, args.concept_name, args.objective, args.format, args.tolerance,
                           args.iterations_given ? args.tree.iterations : 0, args.learner, args.tree.seed,
                           args.tree.log_path, args.tree.log_every, command_control};
    return run_markov(*game.markov, game.name, markov);
  }
  if (game.strategic && args.method == "sparse-cce") return run_sparse_cce(*game.strategic, args);
  if (game.strategic && std::find(learner_names().begin(), learner_names().end(), args.method) != learner_names().end()) {
    return run_learner(*game.strategic, args, game.name);
  }
  if (args.concept_name == "risk-averse") {
    if (!game.strategic) throw InputError(game.name, 0, "risk-averse equilibria are computed for strategic games (.nfg)");
    return run_risk_averse(*game.strategic, args, game.name);
  }
  if (args.concept_name != "nash") {
    if (!game.strategic) throw InputError(game.name, 0, "correlated equilibria are computed for strategic games (.nfg)");
    return run_correlated(*game.strategic, args, game.name, command_control);
  }
  if (game.tree) {
    const std::string method = args.method.empty() ? "cfr+" : args.method;
    SolveArgs named = args;
    named.method = method;
    TreeMethodOptions tree_options = args.tree;
    const TreeMethodResult result = run_tree_method(method, *game.tree, tree_options, game.name);
    print_tree(*game.tree, named, result);
    if (result.status == SolveStatus::kStopped) {
      std::cerr << "equilibria: " << (result.stop_signal == SIGINT ? "interrupted (SIGINT)"
                                      : result.stop_signal == SIGTERM ? "terminated (SIGTERM)"
                                                                      : "time limit reached")
                << (result.iterations > 0 ? " after " + std::to_string(result.iterations) + " iterations" : "")
                << (tree_options.checkpoint_path.empty() ? "" : "; checkpoint saved to " + tree_options.checkpoint_path)
                << '\n';
    }
    return 0;
  }
  SolveArgs named = args;
  if (named.method.empty()) named.method = game.strategic->num_players() == 2 ? "lemke-howson" : "pure";
  const auto start = std::chrono::steady_clock::now();
  MethodOptions options = args.options;
  options.seed = args.tree.seed;
  options.tolerance = args.tolerance;
  if (args.iterations_given) options.iterations = args.tree.iterations;
  const auto& first_order = vi::first_order_method_names();
  const bool iterative = std::find(first_order.begin(), first_order.end(), named.method) != first_order.end();
  for (const std::string* path : {&args.tree.checkpoint_path, &args.tree.resume_path}) {
    if (!path->empty() && !iterative) throw InputError(*path, 0, "checkpoints are for iterative methods; " + named.method + " has none");
  }
  options.checkpoint_path = args.tree.checkpoint_path;
  options.checkpoint_every = args.tree.checkpoint_every;
  options.resume_path = args.tree.resume_path;
  std::ofstream curve;
  if (!args.tree.log_path.empty()) {
    if (!iterative) throw InputError(args.tree.log_path, 0, "--log is for iterative methods; " + named.method + " has no curve");
    // A resumed run appends to its curve.
    curve.open(args.tree.log_path, args.tree.resume_path.empty() ? std::ios::trunc : std::ios::app);
    if (!curve) throw InputError(args.tree.log_path, 0, "cannot write log");
    if (args.tree.resume_path.empty()) curve << "iteration,component_calls,seconds,residual\n";
    curve.precision(12);
    options.log = [&curve, start](std::int64_t k, std::int64_t calls, double residual) {
      curve << k << ',' << calls << ',' << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            << ',' << residual << '\n';
    };
  }
  const MethodResult result = run_method(named.method, *game.strategic, options, game.name);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print_strategic(*game.strategic, named, result, seconds);
  if (result.status == SolveStatus::kStopped) {
    std::cerr << "equilibria: time limit reached; the list of equilibria may be incomplete\n";
  }
  return 0;
}

std::vector<std::string> all_method_names() {
  std::vector<std::string> names = method_names();
  for (const auto& n : learner_names()) names.push_back(n);
  names.emplace_back("sparse-cce");
  for (const auto& n : tree_method_names()) names.push_back(n);
  for (const auto& n : markov_method_names()) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
}

}  // namespace

CommandRunner add_solve_command(CLI::App& root) {
  auto args = std::make_shared<SolveArgs>();
  CLI::App* cmd = root.add_subcommand("solve", "Compute equilibria of a game and certify each one");
  cmd->add_option("game", args->game,
                  "Game file: Gambit .nfg or .efg, or a .csv of pairwise comparisons; '-' reads .nfg or .efg from stdin");
  cmd->add_option("--game", args->builtin, "A built-in game instead of a file: " + builtin_game_list());
  cmd->add_option("--concept", args->concept_name,
                  "nash; ce (correlated) or cce (coarse correlated equilibrium), by LP over joint distributions; "
                  "risk-averse (two players: each maximises mean - G * variance caused by the opponent's mix)")
      ->check(CLI::IsMember(std::vector<std::string>{"nash", "ce", "cce", "risk-averse"}))
      ->capture_default_str();
  cmd->add_option("--objective", args->objective, "ce/cce: welfare, player:K, min-player or none")->capture_default_str();
  cmd->add_option("--constraints", args->constraints,
                  "ce/cce: JSON file of extra linear constraints (forbidden profiles, payoff caps, marginal bounds)");
  cmd->add_option("-m,--method", args->method,
                  "Solution method. Strategic games: pure, enumerate, lemke-howson, lp, support, logit, simpdiv "
                  "(default: lemke-howson for two players, else pure); first-order methods for two-player zero-sum "
                  "games, to --tolerance on their residual, the last iterate's gap certified exactly (eg "
                  "extragradient, ogda optimistic, halpern, eag extra-anchored, vr-halpern variance-reduced, pg "
                  "projected gradient); no-regret dynamics whose empirical play "
                  "approaches a CCE (regret-matching, regret-matching+, hedge, optimistic-hedge) or a CE "
                  "(swap-regret), with --iterations and --log; sparse-cce (a CCE mixing at most --support product "
                  "profiles). Trees: cfr, cfr+, linear-cfr, dcfr, pcfr+ "
                  "(default cfr+), mccfr-es, mccfr-os (Monte-Carlo CFR), lp (two-player constant-sum), lcp (two players, any payoffs). "
                  "Markov games: shapley, hoffman-karp (two-player zero-sum discounted; default hoffman-karp), "
                  "backward-induction (finite horizon, --concept nash, ce or cce; the default there), independent "
                  "(finite horizon: independent no-regret learners, their mixture certified as a CCE)")
      ->check(CLI::IsMember(all_method_names()));
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember(output_format_names()))
      ->capture_default_str();
  cmd->add_option("--time-limit", args->time_limit,
                  "Stop after this many seconds, counted from the start (reading the game included); the answer then "
                  "says status stopped (0: no limit)")
      ->check(finite_non_negative());
  cmd->add_option("--tolerance", args->tolerance,
                  "Markov shapley/hoffman-karp: certified width of the value interval to reach, in value units "
                  "(0: 1e-9 * max|reward| / (1 - discount)); first-order methods: the residual "
                  "L ||z - P(z - F(z) / L)|| to reach, in payoff units (0: 1e-6 * payoff range)")
      ->check(finite_non_negative());
  cmd->add_option("--limit", args->options.limit, "Stop after this many equilibria (0: all)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--label", args->options.label,
                  "lemke-howson: the label to drop, 1..m+n (strategies of player 1, then player 2); 0: every label")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--exact-pivoting", args->options.exact_pivoting,
                "lemke-howson: pivot in exact rationals instead of doubles (slower; answers are exact either way)");
  cmd->add_option("--arithmetic", args->options.arithmetic,
                  "enumerate: auto (doubles with exact recovery and verification, rationals when payoffs are not "
                  "exact doubles), double, or exact")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Arithmetic>{
              {"auto", Arithmetic::kAuto}, {"double", Arithmetic::kDouble}, {"exact", Arithmetic::kExact}},
          CLI::ignore_case));
  cmd->add_flag("--cliques", args->options.cliques,
                "enumerate: also report maximal cliques (convex sets) and connected components of equilibria");
  cmd->add_option("--support", args->support, "sparse-cce: at most this many product profiles")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--learner", args->learner, "sparse-cce: the no-regret learner proposing product profiles; independent: every player's learner")
      ->check(CLI::IsMember(learner_names()))
      ->capture_default_str();
  cmd->add_option("--lambda", args->options.lambda,
                  "logit: report the logit QRE at this lambda (payoffs scaled to range 1) instead of tracing to Nash")
      ->check(finite_non_negative());
  cmd->add_option("--risk-aversion", args->risk_aversion,
                  "risk-averse: weight G on variance, in the game's payoff units (G or G1,G2; 0 gives Nash)")
      ->capture_default_str();
  cmd->add_option("--threads", args->options.threads, "Worker threads (0: one per hardware thread)")
      ->check(CLI::NonNegativeNumber);
  CLI::Option* iterations = cmd->add_option("--iterations", args->tree.iterations, "Iterative methods (CFR family, no-regret dynamics): iterations in all (a resumed run counts its own); "
                                            "Markov: independent's episodes, shapley/hoffman-karp's iteration cap")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("--simultaneous", args->tree.simultaneous, "Trees: update all players' regrets at once (default: alternating)");
  cmd->add_option("--alpha", args->tree.alpha, "dcfr: discount of positive regrets")
      ->check(finite_number())
      ->capture_default_str();
  cmd->add_option("--beta", args->tree.beta, "dcfr: discount of negative regrets")
      ->check(finite_number())
      ->capture_default_str();
  cmd->add_option("--gamma", args->tree.gamma, "dcfr: weight of the average strategy")
      ->check(finite_number())
      ->capture_default_str();
  cmd->add_option("--epsilon", args->tree.epsilon, "mccfr-os: exploration at the updating player's nodes")
      ->check(finite_in(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--seed", args->tree.seed, "mccfr, simpdiv --starts: random seed")->capture_default_str();
  cmd->add_option("--starts", args->options.starts,
                  "simpdiv: start points, the centroid and then random ones; distinct equilibria are all reported")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--log", args->tree.log_path, "Iterative methods (and Markov independent): write the curve (iteration, seconds, exploitability or gap) to this CSV file");
  cmd->add_option("--log-every", args->tree.log_every, "Log every N iterations (trees, 0: 1, 2, 5, 10, 20, ...; no-regret, 0: 100 points)")
      ->check(CLI::NonNegativeNumber);
  CLI::Option* checkpoint = cmd->add_option(
      "--checkpoint", args->tree.checkpoint_path,
      "Trees and first-order methods: save the solver state here when the run ends or is stopped (--time-limit, "
      "and for trees SIGINT, SIGTERM: status 'stopped', exit 0; a second signal exits at once)");
  cmd->add_option("--checkpoint-every", args->tree.checkpoint_every,
                  "Trees and first-order methods: also save the checkpoint every SECONDS while running, so a killed run loses at most that")
      ->check(finite_in(1e-3, HUGE_VAL))
      ->needs(checkpoint);
  cmd->add_option("--resume", args->tree.resume_path,
                  "Trees and first-order methods: continue from a checkpoint (bit-identical to an unbroken run); refused when it is damaged or "
                  "was taken on another game or with other options (method, --simultaneous, --alpha, --beta, --gamma, "
                  "--epsilon, --seed)");
  return [args, iterations] {
    args->iterations_given = iterations->count() > 0;
    return run(*args);
  };
}

}  // namespace equilibria::cli
