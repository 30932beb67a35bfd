#include <iostream>

#include "commands.hpp"
#include "equilibria/games/game_properties.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"

namespace equilibria::cli {
namespace {

struct InfoArgs {
  std::string game;
  std::string format = "text";
};

int run(const InfoArgs& args) {
  const StrategicGame game = load_strategic_game(args.game);
  const auto csum = constant_sum(game);
  const bool symmetric = is_symmetric(game);
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json players = Json::array(), names = Json::array();
    for (int p = 0; p < game.num_players(); ++p) {
      players.push_back(game.player_label(p));
      Json s = Json::array();
      for (int j = 0; j < game.num_strategies(p); ++j) s.push_back(game.strategy_label(p, j));
      names.push_back(std::move(s));
    }
    Json out{{"title", game.labels().title},
             {"players", game.num_players()},
             {"player_names", std::move(players)},
             {"strategies", game.strategy_counts()},
             {"strategy_names", std::move(names)},
             {"profiles", game.num_profiles()},
             {"zero_sum", csum && *csum == 0},
             {"constant_sum", csum.has_value()},
             {"constant", csum ? Json(to_string(*csum)) : Json(nullptr)},
             {"symmetric", symmetric}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "title:        " << game.labels().title << '\n'
            << "players:      " << game.num_players() << '\n';
  for (int p = 0; p < game.num_players(); ++p) {
    std::cout << "  " << game.player_label(p) << ": " << game.num_strategies(p) << " strategies\n";
  }
  std::cout << "profiles:     " << game.num_profiles() << '\n'
            << "zero-sum:     " << (csum && *csum == 0 ? "yes" : "no") << '\n'
            << "constant-sum: " << (csum ? "yes (" + to_string(*csum) + ")" : std::string("no")) << '\n'
            << "symmetric:    " << (symmetric ? "yes" : "no") << '\n';
  return 0;
}

}  // namespace

CommandRunner add_info_command(CLI::App& root) {
  auto args = std::make_shared<InfoArgs>();
  CLI::App* cmd = root.add_subcommand("info", "Describe a game: players, strategies, zero-/constant-sum, symmetry");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg)")->required();
  cmd->add_option("-f,--format", args->format, "Output format (text or json)")
      ->check(CLI::IsMember(std::vector<std::string>{"text", "json"}))
      ->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
