#include <algorithm>
#include <array>
#include <iostream>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/profile_reader.hpp"
#include "equilibria/solvers/risk_averse/risk_averse_equilibrium.hpp"
#include "equilibria/verify/exploitability.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"
#include "markov_verify.hpp"
#include "number_checks.hpp"
#include "risk_aversion.hpp"

namespace equilibria::cli {
namespace {

struct VerifyArgs {
  std::string game;
  std::string builtin;
  std::string profile;
  std::string format = "text";
  double tolerance = 1e-6;
  std::string risk_aversion;  // non-empty: check risk-averse equilibria with this aversion
};

// Exact values as rational strings; those of an approximate profile as numbers.
Json values_json(const std::vector<Rational>& values, bool exact) {
  if (exact) return rationals_json(values);
  Json out = Json::array();
  for (const auto& v : values) out.push_back(v.get_d());
  return out;
}

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

int run_tree(const GameTree& tree, const std::string& text, const VerifyArgs& args) {
  const auto inputs = read_behavior_profiles(text, args.profile, tree);
  const double allowed = args.tolerance * std::max(1.0, tree.payoff_range());
  bool all_nash = true;
  Json results = Json::array();
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto cert = certify_behavior(tree, inputs[k].flat);
    const bool nash = inputs[k].exact ? cert.nash_conv == 0 : cert.nash_conv.get_d() <= allowed;
    all_nash = all_nash && nash;
    if (parse_output_format(args.format) == OutputFormat::kJson) {
      const bool exact = inputs[k].exact;
      results.push_back(Json{{"exact", exact},
                             {"payoffs", values_json(cert.payoffs, exact)},
                             {"regret", values_json(cert.regrets, exact)},
                             {"nash_conv", exact ? Json(to_string(cert.nash_conv)) : Json(cert.nash_conv.get_d())},
                             {"exploitability", cert.exploitability.get_d()},
                             {"nash", nash}});
    } else {
      std::cout << "profile " << k + 1 << ": payoffs " << join_rationals(cert.payoffs) << "\n  regret  "
                << join_rationals(cert.regrets) << "\n  "
                << (nash ? (inputs[k].exact ? "exact Nash equilibrium" : "epsilon-Nash within tolerance")
                         : "not a Nash equilibrium")
                << " (NashConv " << cert.nash_conv.get_d() << ")\n";
    }
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    std::cout << Json{{"game", tree_json(tree)}, {"profiles", std::move(results)}, {"all_nash", all_nash}}.dump(2) << '\n';
  }
  return all_nash ? 0 : 1;
}

// CE/CCE answers: each player's largest deviation gain, exactly zero for an
// exact distribution, within the tolerance (relative to the payoff range) for
// an approximate one.
int run_correlated(const StrategicGame& game, const std::vector<DistributionInput>& inputs, const VerifyArgs& args) {
  const char* name = inputs[0].kind == CorrelatedConcept::kCorrelated ? "ce" : "cce";
  Rational range = payoff_range(game);
  if (range == 0) range = 1;
  const Rational allowed = Rational(args.tolerance) * range;
  bool all_hold = true;
  Json results = Json::array();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    const auto cert = certify_distribution(game, in.probability, in.kind);
    const bool holds = in.exact ? cert.max_gain == 0 : cert.max_gain <= allowed;
    all_hold = all_hold && holds;
    if (parse_output_format(args.format) == OutputFormat::kJson) {
      results.push_back(Json{{"exact", in.exact},
                             {"payoffs", values_json(cert.payoffs, in.exact)},
                             {"regret", values_json(cert.gains, in.exact)},
                             {"max_regret", in.exact ? Json(to_string(cert.max_gain)) : Json(cert.max_gain.get_d())},
                             {"epsilon", cert.max_gain.get_d()},
                             {"equilibrium", holds}});
    } else {
      std::cout << "distribution " << i + 1 << ": payoffs " << join_rationals(cert.payoffs) << "\n  deviation gains "
                << join_rationals(cert.gains) << '\n';
      if (in.exact) {
        std::cout << (holds ? "  exact " : "  not a ") << name << '\n';
      } else {
        std::cout << "  " << cert.max_gain.get_d() << "-" << name << (holds ? " (within tolerance)\n" : " (beyond tolerance)\n");
      }
    }
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    std::cout << Json{{"game", game_json(game)}, {"concept", name}, {"distributions", std::move(results)},
                      {"all_equilibria", all_hold}}
                     .dump(2)
              << '\n';
  }
  return all_hold ? 0 : 1;
}

int run(VerifyArgs args) {
  // With --game the one positional argument is the profile.
  if (!args.builtin.empty() && args.profile.empty()) std::swap(args.game, args.profile);
  if (args.profile.empty()) throw InputError("", 0, "no profile to verify: give GAME PROFILE (or --game NAME PROFILE)");
  if (args.game == "-" && args.profile == "-") throw InputError("-", 0, "the game and the profile cannot both come from standard input");
  LoadedGame loaded = load_game(args.game, args.builtin);
  const std::string text = read_text_file(args.profile);
  if (loaded.tree) return run_tree(*loaded.tree, text, args);
  if (loaded.markov) return run_markov_verify(*loaded.markov, text, args.profile, args.format, args.tolerance);
  const StrategicGame& game = *loaded.strategic;
  if (const auto distributions = read_distributions(text, args.profile, game)) {
    if (!args.risk_aversion.empty()) throw InputError(args.profile, 0, "--risk-aversion checks mixed profiles, not a CE/CCE");
    return run_correlated(game, *distributions, args);
  }
  const auto inputs = read_profiles(text, args.profile, game.strategy_counts());
  // Risk-averse equilibria are checked by the exact bound on each player's
  // deviation gain in its mean-variance utility.
  const bool risk_averse = !args.risk_aversion.empty();
  std::array<Rational, 2> gamma;
  if (risk_averse) {
    if (game.num_players() != 2) throw InputError(loaded.name, 0, "the risk-averse equilibrium needs a two-player game");
    gamma = parse_risk_aversion(args.risk_aversion);
  }
  // Approximate profiles are judged relative to the payoff scale (for
  // mean-variance utilities, grown by the variance term).
  Rational range = payoff_range(game);
  if (range == 0) range = 1;
  Rational scale = range;
  if (risk_averse) scale *= 1 + 2 * std::max(gamma[0], gamma[1]) * range;
  const Rational allowed = Rational(args.tolerance) * scale;

  bool all_nash = true;
  Json results = Json::array();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    // An approximate profile is certified as the exact distribution nearest
    // to what was given: each player's vector divided by its sum.
    const MixedProfile<Rational> profile = in.exact ? in.profile : normalised(in.profile);
    const Certificate<Rational> cert =
        risk_averse ? risk_averse_certificate(game, gamma, profile) : certify(game, profile);
    const bool nash = in.exact ? cert.max_regret == 0 : cert.max_regret <= allowed;
    all_nash = all_nash && nash;
    if (parse_output_format(args.format) == OutputFormat::kJson) {
      Json r{{"strategies", profile_json(profile)},
             {"exact", in.exact},
             {"payoffs", values_json(cert.payoffs, in.exact)},
             {"regret", values_json(cert.regrets, in.exact)},
             {"max_regret", in.exact ? Json(to_string(cert.max_regret)) : Json(cert.max_regret.get_d())},
             {"epsilon", cert.max_regret.get_d()},
             {"nash", nash}};
      results.push_back(std::move(r));
    } else {
      std::cout << "profile " << i + 1 << " (line " << in.line << "): " << profile_text(profile) << '\n'
                << "  payoffs " << join_rationals(cert.payoffs) << '\n'
                << "  regret  " << join_rationals(cert.regrets) << '\n';
      const char* kind = risk_averse ? "risk-averse" : "Nash";
      if (in.exact) {
        std::cout << (nash ? "  exact " : "  not a ") << kind << " equilibrium\n";
      } else {
        std::cout << "  " << cert.max_regret.get_d() << "-" << kind << " equilibrium"
                  << (nash ? " (within tolerance)\n" : " (beyond tolerance)\n");
      }
    }
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json out{{"game", game_json(game)}, {"profiles", std::move(results)}, {"all_nash", all_nash}};
    if (risk_averse) out["concept"] = "risk-averse";
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
  cmd->add_option("game", args->game, "Game file (.nfg, .efg, .csv of pairwise comparisons, or a Markov game .json; '-' for stdin)");
  cmd->add_option("--game", args->builtin, "A built-in game instead of a file: trees kuhn, leduc, goofspiel(cards=4), liars_dice(dice=1,faces=6); Markov games big_match(discount=9/10), soccer(discount=9/10), grid_game(game=1,discount=99/100)");
  cmd->add_option("profile", args->profile,
                  "Profile file ('-' for stdin): JSON {\"strategies\": [[...], ...]}, the JSON output of "
                  "solve (CE/CCE answers included: each distribution's deviation gains), or Gambit 'NE,...' lines; "
                  "for trees JSON {\"behavior\": ...} or solve's output; for Markov games solve's output or "
                  "{\"policies\": ...} / {\"concept\", \"correlated\": ...} (docs/markov-games.md): values, best "
                  "responses and regrets");
  cmd->add_option("-f,--format", args->format, "Output format (text or json)")
      ->check(CLI::IsMember(std::vector<std::string>{"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--risk-aversion", args->risk_aversion,
                  "Check a two-player risk-averse equilibrium instead (G or G1,G2, as in solve): regret is then the "
                  "exact bound on each player's mean-variance deviation gain");
  cmd->add_option("--tolerance", args->tolerance,
                  "For approximate profiles: largest regret accepted, relative to the payoff range (Markov: max |reward| "
                  "times 1/(1-discount) or the horizon)")
      ->check(finite_non_negative())
      ->capture_default_str();
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
