#include <algorithm>
#include <iostream>
#include <limits>

#include "commands.hpp"
#include "equilibria/games/game_properties.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"

namespace equilibria::cli {
namespace {

struct InfoArgs {
  std::string game;
  std::string builtin;
  std::string format = "text";
};

int run_tree(const GameTree& tree, const InfoArgs& args) {
  int terminals = 0;
  bool zero_sum = true;
  for (int v = 0; v < tree.num_nodes(); ++v) {
    if (tree.kind(v) != NodeKind::kTerminal) continue;
    ++terminals;
    Rational sum(0);
    for (int p = 0; p < tree.num_players(); ++p) sum += tree.payoff<Rational>(v, p);
    zero_sum = zero_sum && sum == 0;
  }
  Json infosets = Json::array(), players = Json::array();
  for (int p = 0; p < tree.num_players(); ++p) {
    infosets.push_back(tree.infosets_of(p).size());
    players.push_back(tree.player_label(p));
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json out{{"title", tree.labels().title},
             {"players", tree.num_players()},
             {"player_names", std::move(players)},
             {"nodes", tree.num_nodes()},
             {"terminal_nodes", terminals},
             {"infosets", std::move(infosets)},
             {"actions", tree.num_global_actions()},
             {"perfect_recall", tree.perfect_recall()},
             {"zero_sum", zero_sum}};
    if (!tree.perfect_recall()) out["imperfect_recall"] = tree.perfect_recall_problem();
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "title:          " << tree.labels().title << '\n'
            << "players:        " << tree.num_players() << '\n';
  for (int p = 0; p < tree.num_players(); ++p) {
    std::cout << "  " << tree.player_label(p) << ": " << tree.infosets_of(p).size() << " information sets\n";
  }
  std::cout << "nodes:          " << tree.num_nodes() << " (" << terminals << " terminal)\n"
            << "perfect recall: " << (tree.perfect_recall() ? "yes" : "no: " + tree.perfect_recall_problem()) << '\n'
            << "zero-sum:       " << (zero_sum ? "yes" : "no") << '\n';
  return 0;
}

int run_markov(const MarkovGame& game, const InfoArgs& args) {
  const int n = game.num_players();
  std::vector<int> fewest(n, std::numeric_limits<int>::max()), most(n, 0);
  for (int s = 0; s < game.num_states(); ++s) {
    for (int p = 0; p < n; ++p) {
      fewest[p] = std::min(fewest[p], game.num_actions(s, p));
      most[p] = std::max(most[p], game.num_actions(s, p));
    }
  }
  const std::string play = game.discounted() ? "discount " + to_string(game.discount()) : "horizon " + std::to_string(game.horizon());
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json actions = Json::array();
    for (int p = 0; p < n; ++p) actions.push_back(Json{{"min", fewest[p]}, {"max", most[p]}});
    Json out{{"players", n},
             {"player_names", game.player_names()},
             {"states", game.num_states()},
             {"actions", std::move(actions)},
             {"joint_actions", game.num_outcomes()},
             {"transitions", game.num_transitions()},
             {"discount", game.discounted() ? Json(to_string(game.discount())) : Json(nullptr)},
             {"horizon", game.discounted() ? Json(nullptr) : Json(game.horizon())},
             {"zero_sum", game.zero_sum()},
             {"turn_based", game.turn_based()}};
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "players:       " << n << '\n';
  for (int p = 0; p < n; ++p) {
    std::cout << "  " << game.player_name(p) << ": "
              << (fewest[p] == most[p] ? std::to_string(most[p]) : std::to_string(fewest[p]) + "-" + std::to_string(most[p]))
              << " actions per state\n";
  }
  std::cout << "states:        " << game.num_states() << '\n'
            << "joint actions: " << game.num_outcomes() << '\n'
            << "transitions:   " << game.num_transitions() << '\n'
            << "play:          " << play << '\n'
            << "zero-sum:      " << (game.zero_sum() ? "yes" : "no") << '\n'
            << "turn-based:    " << (game.turn_based() ? "yes" : "no") << '\n';
  return 0;
}

int run(const InfoArgs& args) {
  LoadedGame loaded = load_game(args.game, args.builtin);
  if (loaded.tree) return run_tree(*loaded.tree, args);
  if (loaded.markov) return run_markov(*loaded.markov, args);
  const StrategicGame& game = *loaded.strategic;
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
  CLI::App* cmd = root.add_subcommand("info", "Describe a game: players, strategies or information sets or states and actions, zero-/constant-sum, symmetry, perfect recall, discount or horizon");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg or .efg, or a Markov game .json; '-' for stdin)");
  cmd->add_option("--game", args->builtin, "A built-in game instead of a file: " + builtin_game_list());
  cmd->add_option("-f,--format", args->format, "Output format (text or json)")
      ->check(CLI::IsMember(std::vector<std::string>{"text", "json"}))
      ->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
