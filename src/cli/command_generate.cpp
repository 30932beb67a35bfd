#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "number_checks.hpp"
#include "game_loader.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/games/generators.hpp"
#include "equilibria/io/nfg.hpp"

namespace equilibria::cli {
namespace {

struct GenerateArgs {
  std::string kind = "uniform";
  std::string size = "10x10";
  std::string output = "-";
  GeneratorOptions options;
};

std::vector<int> parse_size(const std::string& text) {
  std::vector<int> counts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, 'x')) {
    try {
      std::size_t used = 0;
      const int v = std::stoi(part, &used);
      if (used != part.size() || v < 1) throw std::invalid_argument("");
      counts.push_back(v);
    } catch (const std::exception&) {
      throw InputError("--size", 0, "expected strategy counts like 10x10 or 4x4x4, found '" + text + "'");
    }
  }
  if (counts.empty()) throw InputError("--size", 0, "expected strategy counts like 10x10");
  return counts;
}

int run(GenerateArgs& args) {
  args.options.strategies = parse_size(args.size);
  args.options.kind = generator_kind(args.kind);
  StrategicGame game = [&] {
    try {
      return generate_game(args.options);
    } catch (const std::invalid_argument& e) {
      throw InputError("generate", 0, e.what());
    }
  }();
  const std::string text = write_nfg(game);
  write_output(args.output, text);
  return 0;
}

}  // namespace

CommandRunner add_generate_command(CLI::App& root) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = root.add_subcommand("generate", "Write a seeded random game (.nfg) for tests and benchmarks");
  cmd->add_option("kind", args->kind, "Kind of game")
      ->check(CLI::IsMember(generator_names()))
      ->capture_default_str();
  cmd->add_option("-s,--size", args->size, "Strategy counts, e.g. 10x10 or 4x4x4")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--range", args->options.range, "Integer payoffs lie in [0, range) (uniform, zero-sum)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--rho", args->options.rho, "Covariant games: correlation of the players' payoffs")
      ->check(finite_in(-1, 1))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Output file ('-': standard output)")->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
