#include <chrono>
#include <map>
#include <iostream>

#include "commands.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"
#include "methods.hpp"

namespace equilibria::cli {
namespace {

struct SolveArgs {
  std::string game;
  std::string method = "pure";
  std::string format = "text";
  MethodOptions options;
};

void print(const StrategicGame& game, const SolveArgs& args, const MethodResult& result, double seconds) {
  switch (parse_output_format(args.format)) {
    case OutputFormat::kJson: {
      Json out{{"game", game_json(game)},
               {"concept", "nash"},
               {"method", args.method},
               {"exact", result.exact},
               {"status", to_string(result.status)}};
      Json eqs = Json::array();
      for (const auto& e : result.equilibria) eqs.push_back(equilibrium_json(e.profile, e.cert));
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
        std::cout << "  " << i + 1 << ": " << profile_text(e.profile) << "  payoffs " << join_rationals(e.cert.payoffs)
                  << "  regret " << join_rationals(e.cert.regrets) << '\n';
      }
      break;
  }
  if (result.status == SolveStatus::kStopped) {
    std::cerr << "equilibria: time limit reached; the list of equilibria may be incomplete\n";
  }
}

int run(const SolveArgs& args) {
  const StrategicGame game = load_strategic_game(args.game);
  const auto start = std::chrono::steady_clock::now();
  const MethodResult result = run_method(args.method, game, args.options, args.game);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print(game, args, result, seconds);
  return 0;
}

}  // namespace

CommandRunner add_solve_command(CLI::App& root) {
  auto args = std::make_shared<SolveArgs>();
  CLI::App* cmd = root.add_subcommand("solve", "Compute equilibria of a game and certify each one");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg)")->required();
  cmd->add_option("-m,--method", args->method, "Solution method")
      ->check(CLI::IsMember(method_names()))
      ->capture_default_str();
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember(output_format_names()))
      ->capture_default_str();
  cmd->add_option("--time-limit", args->options.time_limit, "Stop after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--limit", args->options.limit, "Stop after this many equilibria (0: all)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--label", args->options.label,
                  "lemke-howson: the label to drop, 1..m+n (strategies of player 1, then player 2); 0: every label")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--exact-pivoting", args->options.exact_pivoting,
                "lemke-howson: pivot in exact rationals instead of doubles (slower; answers are exact either way)");
  cmd->add_option("--arithmetic", args->options.arithmetic,
                  "enumerate: auto (exact for small games), double (exact recovery and verification, exact re-run "
                  "on any inconsistency) or exact")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, Arithmetic>{
              {"auto", Arithmetic::kAuto}, {"double", Arithmetic::kDouble}, {"exact", Arithmetic::kExact}},
          CLI::ignore_case));
  cmd->add_flag("--cliques", args->options.cliques,
                "enumerate: also report maximal cliques (convex sets) and connected components of equilibria");
  cmd->add_option("--threads", args->options.threads, "Worker threads (0: one per hardware thread)")
      ->check(CLI::NonNegativeNumber);
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
