#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/profile_reader.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"

namespace equilibria::cli {
namespace {

struct VerifyArgs {
  std::string game;
  std::string profile;
  std::string format = "text";
  double tolerance = 1e-6;
};

Rational payoff_range(const StrategicGame& game) {
  Rational lo = game.payoff(0, 0), hi = lo;
  for (int p = 0; p < game.num_players(); ++p) {
    for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
      const Rational& v = game.payoff(p, i);
      if (v < lo) lo = v;
      if (hi < v) hi = v;
    }
  }
  return hi - lo;
}

int run(const VerifyArgs& args) {
  const StrategicGame game = load_strategic_game(args.game);
  std::string text;
  if (args.profile == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    text = read_text_file(args.profile);
  }
  const auto inputs = read_profiles(text, args.profile, game.strategy_counts());
  // Approximate profiles are judged relative to the payoff scale.
  Rational range = payoff_range(game);
  if (range == 0) range = 1;
  const Rational allowed = Rational(args.tolerance) * range;

  bool all_nash = true;
  Json results = Json::array();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    // An approximate profile is certified as the exact distribution nearest
    // to what was given: each player's vector divided by its sum.
    const MixedProfile<Rational> profile = in.exact ? in.profile : normalised(in.profile);
    const Certificate<Rational> cert = certify(game, profile);
    const bool nash = in.exact ? cert.max_regret == 0 : cert.max_regret <= allowed;
    all_nash = all_nash && nash;
    if (parse_output_format(args.format) == OutputFormat::kJson) {
      Json r{{"strategies", profile_json(profile)},
             {"exact", in.exact},
             {"payoffs", rationals_json(cert.payoffs)},
             {"regret", rationals_json(cert.regrets)},
             {"max_regret", to_string(cert.max_regret)},
             {"epsilon", cert.max_regret.get_d()},
             {"nash", nash}};
      results.push_back(std::move(r));
    } else {
      std::cout << "profile " << i + 1 << " (line " << in.line << "): " << profile_text(profile) << '\n'
                << "  payoffs " << join_rationals(cert.payoffs) << '\n'
                << "  regret  " << join_rationals(cert.regrets) << '\n';
      if (in.exact) {
        std::cout << (nash ? "  exact Nash equilibrium\n" : "  not a Nash equilibrium\n");
      } else {
        std::cout << "  " << cert.max_regret.get_d() << "-Nash equilibrium"
                  << (nash ? " (within tolerance)\n" : " (beyond tolerance)\n");
      }
    }
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json out{{"game", game_json(game)}, {"profiles", std::move(results)}, {"all_nash", all_nash}};
    std::cout << out.dump(2) << '\n';
  }
  return all_nash ? 0 : 1;
}

}  // namespace

CommandRunner add_verify_command(CLI::App& root) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = root.add_subcommand(
      "verify",
      "Check profiles against a game: each player's regret, exact or epsilon Nash.\n"
      "Exit status 0 when every profile is an equilibrium, 1 when one is not, 2 on bad input");
  cmd->add_option("game", args->game, "Game file (Gambit .nfg)")->required();
  cmd->add_option("profile", args->profile,
                  "Profile file ('-' for stdin): JSON {\"strategies\": [[...], ...]}, the JSON output of "
                  "solve, or Gambit 'NE,...' lines")
      ->required();
  cmd->add_option("-f,--format", args->format, "Output format (text or json)")
      ->check(CLI::IsMember(std::vector<std::string>{"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--tolerance", args->tolerance,
                  "For approximate profiles: largest regret accepted, relative to the payoff range")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
