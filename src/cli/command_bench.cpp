#include <algorithm>
#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "equilibria/io/nfg.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"
#include "methods.hpp"

namespace equilibria::cli {
namespace {

struct BenchArgs {
  std::string game;
  std::string method = "pure";
  std::string format = "text";
  int repeat = 5;
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timing {
  double min = 0, median = 0;
};

Timing summarise(std::vector<double> t) {
  std::sort(t.begin(), t.end());
  return {t.front(), t[t.size() / 2]};
}

int run(const BenchArgs& args) {
  std::vector<double> read_times, solve_times;
  std::size_t found = 0;
  for (int r = 0; r < args.repeat; ++r) {
    auto start = Clock::now();
    const StrategicGame game = load_strategic_game(args.game);
    read_times.push_back(seconds_since(start));
    start = Clock::now();
    const MethodResult result = run_method(args.method, game, {}, args.game);
    solve_times.push_back(seconds_since(start));
    found = result.equilibria.size();
  }
  const Timing read = summarise(read_times), solve = summarise(solve_times);
  if (args.format == "json") {
    Json out{{"game", args.game},
             {"method", args.method},
             {"repeat", args.repeat},
             {"equilibria", found},
             {"read_seconds", {{"min", read.min}, {"median", read.median}}},
             {"solve_seconds", {{"min", solve.min}, {"median", solve.median}}}};
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << args.game << " (" << args.method << ", " << args.repeat << " runs, " << found << " equilibria)\n"
              << "  read:  min " << read.min << " s, median " << read.median << " s\n"
              << "  solve: min " << solve.min << " s, median " << solve.median << " s (certificates included)\n";
  }
  return 0;
}

}  // namespace

CommandRunner add_bench_command(CLI::App& root) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* cmd = root.add_subcommand("bench", "Time reading a game and solving it, over repeated runs");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg)")->required();
  cmd->add_option("-m,--method", args->method, "Solution method")
      ->check(CLI::IsMember(method_names()))
      ->capture_default_str();
  cmd->add_option("-r,--repeat", args->repeat, "Number of runs")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("-f,--format", args->format, "Output format (text or json)")
      ->check(CLI::IsMember(std::vector<std::string>{"text", "json"}))
      ->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
