#include <iostream>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/nfg.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"

namespace equilibria::cli {
namespace {

struct ConvertArgs {
  std::string game;
  std::string builtin;
  std::string output = "-";
  std::string format = "gambit";
  bool format_given = false;  // Markov games have one format: the default does not apply
};

Json game_document(const StrategicGame& game) {
  Json players = Json::array();
  for (int p = 0; p < game.num_players(); ++p) {
    Json strategies = Json::array();
    for (int s = 0; s < game.num_strategies(p); ++s) strategies.push_back(game.strategy_label(p, s));
    std::vector<Rational> payoffs(game.payoffs<Rational>(p), game.payoffs<Rational>(p) + game.num_profiles());
    players.push_back(Json{{"name", game.player_label(p)},
                           {"strategies", std::move(strategies)},
                           {"payoffs", rationals_json(payoffs)}});
  }
  return Json{{"title", game.labels().title},
              {"comment", game.labels().comment},
              {"profile_order", "first player's strategy changes fastest"},
              {"players", std::move(players)}};
}

int run(const ConvertArgs& args) {
  const LoadedGame loaded = load_game(args.game, args.builtin);
  std::string text;
  if (loaded.markov) {
    if (args.format_given && args.format != "json") throw InputError(loaded.name, 0, "Markov games convert to markov-game JSON only");
    text = write_markov_json(*loaded.markov);
  } else if (loaded.tree) {
    if (args.format == "json") throw InputError(loaded.name, 0, "game trees convert to Gambit .efg only");
    text = write_efg(*loaded.tree);
  } else {
    text = args.format == "json" ? game_document(*loaded.strategic).dump(2) + "\n" : write_nfg(*loaded.strategic);
  }
  write_output(args.output, text);
  return 0;
}

}  // namespace

CommandRunner add_convert_command(CLI::App& root) {
  auto args = std::make_shared<ConvertArgs>();
  CLI::App* cmd = root.add_subcommand("convert", "Write a game in another format (strategic games: Gambit .nfg or JSON; trees: Gambit .efg; Markov games: markov-game JSON)");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg or .efg, or a Markov game .json)");
  cmd->add_option("--game", args->builtin, "A built-in game instead of a file: " + builtin_game_list());
  cmd->add_option("-o,--output", args->output, "Output file ('-': standard output)")->capture_default_str();
  CLI::Option* format = cmd->add_option("-f,--format", args->format, "Output format (Markov games: json only)")
                            ->check(CLI::IsMember(std::vector<std::string>{"gambit", "json"}))
                            ->capture_default_str();
  return [args, format] {
    args->format_given = format->count() > 0;
    return run(*args);
  };
}

}  // namespace equilibria::cli
