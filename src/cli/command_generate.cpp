#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "number_checks.hpp"
#include "game_loader.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/games/generators.hpp"
#include "equilibria/games/markov/markov_generators.hpp"
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/number_parser.hpp"
#include "equilibria/io/nfg.hpp"

namespace equilibria::cli {
namespace {

struct GenerateArgs {
  std::string kind = "uniform";
  std::string size = "10x10";
  std::string output = "-";
  GeneratorOptions options;
  MarkovGeneratorOptions markov;
  std::string discount;
  int horizon = 0;
  // Options given that only one family of kinds reads.
  std::vector<std::string> strategic_only, markov_only;
};

constexpr const char* kMarkovKind = "markov";

std::vector<std::string> kind_names() {
  std::vector<std::string> names = generator_names();
  names.emplace_back(kMarkovKind);
  return names;
}

std::string markov_text(GenerateArgs& args) {
  if (!args.strategic_only.empty()) throw InputError(args.strategic_only[0], 0, "does not apply to generate markov");
  auto& o = args.markov;
  o.seed = args.options.seed;
  o.range = args.options.range;
  if (!args.discount.empty()) {
    Rational d;
    std::string why;
    if (!parse_rational(args.discount, d, &why)) throw InputError("--discount", 0, why);
    o.discount = d;
  }
  if (args.horizon > 0) o.horizon = args.horizon;
  try {
    return write_markov_json(generate_markov_game(o));
  } catch (const std::invalid_argument& e) {
    throw InputError("generate", 0, e.what());
  }
}

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
  if (args.kind == kMarkovKind) {
    write_output(args.output, markov_text(args));
    return 0;
  }
  if (!args.markov_only.empty()) throw InputError(args.markov_only[0], 0, "applies to generate markov only");
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
  CLI::App* cmd = root.add_subcommand("generate", "Write a seeded random game (.nfg, or a Markov game .json) for tests and benchmarks");
  cmd->add_option("kind", args->kind, "Kind of game (markov: a Markov game, docs/markov-games.md)")
      ->check(CLI::IsMember(kind_names()))
      ->capture_default_str();
  std::vector<CLI::Option*> strategic{
      cmd->add_option("-s,--size", args->size, "Strategy counts, e.g. 10x10 or 4x4x4")->capture_default_str(),
      cmd->add_option("--rho", args->options.rho, "Covariant games: correlation of the players' payoffs")
          ->check(finite_in(-1, 1))
          ->capture_default_str()};
  cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--range", args->options.range, "Integer payoffs (markov: rewards) lie in [0, range) (uniform, zero-sum, markov)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  std::vector<CLI::Option*> markov{
      cmd->add_option("--players", args->markov.players, "markov: players")->check(CLI::PositiveNumber)->capture_default_str(),
      cmd->add_option("--states", args->markov.states, "markov: states")->check(CLI::PositiveNumber)->capture_default_str(),
      cmd->add_option("--actions", args->markov.actions, "markov: actions of every player in every state")
          ->check(CLI::PositiveNumber)
          ->capture_default_str(),
      cmd->add_option("--branching", args->markov.branching, "markov: distinct next states of every joint action")
          ->check(CLI::PositiveNumber)
          ->capture_default_str(),
      cmd->add_option("--discount", args->discount, "markov: discount in [0, 1), e.g. 9/10 or 0.9 (or --horizon)"),
      cmd->add_option("--horizon", args->horizon, "markov: steps of play (or --discount)")->check(CLI::PositiveNumber),
      cmd->add_flag("--zero-sum", args->markov.zero_sum, "markov: two players, the second's reward the first's negated")};
  markov[4]->excludes(markov[5]);
  cmd->add_option("-o,--output", args->output, "Output file ('-': standard output)")->capture_default_str();
  return [args, strategic, markov] {
    for (const CLI::Option* o : strategic) {
      if (o->count() > 0) args->strategic_only.push_back(o->get_name());
    }
    for (const CLI::Option* o : markov) {
      if (o->count() > 0) args->markov_only.push_back(o->get_name());
    }
    return run(*args);
  };
}

}  // namespace equilibria::cli
