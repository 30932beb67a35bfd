// `solve --method independent` on finite-horizon Markov games: independent
// no-regret learners, and the exact (or bounded) CCE gap of the uniform
// mixture of the product policies they played (docs/markov-games.md).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>

#include "equilibria/core/input_error.hpp"
#include "equilibria/solvers/markov/independent_learning.hpp"
#include "game_loader.hpp"
#include "markov_methods.hpp"

namespace equilibria::cli {
namespace {

constexpr std::int64_t kDefaultEpisodes = 100;

// The double nearest q on the side that keeps a bound a bound.
double rounded_down(const Rational& q) {
  const double d = q.get_d();
  return Rational(d) > q ? std::nextafter(d, -std::numeric_limits<double>::infinity()) : d;
}
double rounded_up(const Rational& q) {
  const double d = q.get_d();
  return Rational(d) < q ? std::nextafter(d, std::numeric_limits<double>::infinity()) : d;
}

// A CSV header cell: quoted when the player's name needs it.
std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

}  // namespace

int run_markov_independent(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args) {
  if (game.discounted()) throw InputError(name, 0, "method independent needs a finite-horizon game (\"horizon\"), not a discounted one");
  IndependentLearningOptions options;
  try {
    options.learner = learner_from_name(args.learner.empty() ? "regret-matching+" : args.learner);
  } catch (const std::invalid_argument& e) {
    throw InputError("--learner", 0, e.what());
  }
  if (options.learner == Learner::kSwapRegret) {
    throw InputError("--learner", 0, "independent runs external-regret learners: regret-matching, regret-matching+, hedge, optimistic-hedge");
  }
  options.episodes = args.iterations > 0 ? args.iterations : kDefaultEpisodes;
  options.control = args.control;
  std::ofstream log;
  if (!args.log_path.empty()) {
    log.open(args.log_path);
    if (!log) throw InputError(args.log_path, 0, "cannot write log");
    // `plot` draws the exploitability column: here the largest regret bound,
    // which bounds the CCE gap of the mixture so far; then each player's.
    log.precision(12);
    log << "iteration,seconds,exploitability";
    for (int p = 0; p < game.num_players(); ++p) log << ',' << csv_cell("regret:" + game.player_name(p));
    log << '\n';
    options.log_every = args.log_every > 0 ? args.log_every : std::max<std::int64_t>(1, options.episodes / 100);
    options.log = [&](std::int64_t k, double seconds, const std::vector<double>& regret) {
      log << k << ',' << seconds << ',' << *std::max_element(regret.begin(), regret.end());
      for (double r : regret) log << ',' << r;
      log << '\n';
    };
  }
  IndependentLearningResult r;
  try {
    r = run_independent_learning(game, options);
  } catch (const std::invalid_argument& e) {
    throw InputError(name, 0, e.what());
  }
  const auto start = std::chrono::steady_clock::now();
  MixtureCertificateOptions cert_options;
  cert_options.control = args.control;
  const MarkovMixture mixture = uniform_mixture(r.policies);
  const MixtureCertificate cert = certify_markov_mixture(game, mixture, cert_options);
  const double cert_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const bool exact = cert.exact();
  const SolveStatus status = r.status == SolveStatus::kStopped || cert.stopped ? SolveStatus::kStopped : r.status;

  if (!cert.complete) {
    // Stopped before the certificate had its first bounds: only the
    // learners' own (floating) regret bounds can be reported.
    Json bounds = Json::array();
    for (double b : r.regret_bound) bounds.push_back(b);
    if (parse_output_format(args.format) == OutputFormat::kJson) {
      std::cout << Json{{"game", markov_game_json(game)}, {"concept", "cce"}, {"method", "independent"},
                        {"exact", false}, {"status", "stopped"}, {"episodes", r.episodes}, {"certificate", "none"},
                        {"learning_regret_bound", std::move(bounds)}, {"seconds", r.seconds + cert_seconds}}
                       .dump(2)
                << '\n';
    } else {
      std::cout << "independent: " << r.episodes << " episodes; stopped by the time limit before the mixture was "
                << "certified. The learners' own regret bounds (floating): " << bounds.dump() << '\n';
    }
    return 0;
  }
  if (parse_output_format(args.format) == OutputFormat::kJson) {
    Json components = Json::array();
    for (std::size_t k = 0; k < r.policies.size(); ++k) {
      Json players = Json::array();
      for (int p = 0; p < game.num_players(); ++p) {
        Json steps = Json::array();
        for (int t = 0; t < game.horizon(); ++t) {
          Json per_state = Json::object();
          for (int s = 0; s < game.num_states(); ++s) per_state[game.state(s).name] = r.policies[k][t][p][s];
          steps.push_back(std::move(per_state));
        }
        players.push_back(std::move(steps));
      }
      components.push_back(Json{{"weight", to_string(mixture.weights[k])}, {"policies", std::move(players)}});
    }
    Json regret = Json::array(), expansion = Json::array();
    for (int p = 0; p < game.num_players(); ++p) {
      const MixtureDeviation& d = cert.players[p];
      regret.push_back(d.exact() ? Json(to_string(d.gap_upper())) : Json::array({rounded_down(d.gap_lower()), rounded_up(d.gap_upper())}));
      expansion.push_back(Json{{"player", game.player_name(p)},
                               {"nodes", d.nodes},
                               {"cut_nodes", d.cut_nodes},
                               {"first_cut_step", d.first_cut_step},
                               {"value", rounded_down(d.value)},
                               {"informed_deviation", rounded_up(d.informed)},
                               {"markov_deviation", rounded_down(d.markov)},
                               {"learning_regret_bound", r.regret_bound[p]}});
    }
    Json out{{"game", markov_game_json(game)}, {"concept", "cce"}, {"method", "independent"}, {"exact", false},
             {"status", to_string(status)}, {"learner", learner_names()[static_cast<int>(options.learner)]},
             {"episodes", r.episodes}, {"mixture", std::move(components)}};
    if (exact) {
      out["gap"] = to_string(cert.gap_upper);
    } else {
      out["gap_bounds"] = Json::array({rounded_down(cert.gap_lower), rounded_up(cert.gap_upper)});
    }
    out["regret"] = std::move(regret);
    out["certificate"] = exact ? "exact" : "bounds";
    out["expansion"] = std::move(expansion);
    out["seconds"] = r.seconds + cert_seconds;
    std::cout << out.dump(2) << '\n';
    return 0;
  }
  std::cout << "independent (" << learner_names()[static_cast<int>(options.learner)] << "): " << r.episodes
            << " episodes (" << to_string(status) << ", " << r.seconds + cert_seconds << " s)\n  mixture of "
            << r.episodes << " product policies is an epsilon-cce with epsilon ";
  if (exact) {
    // Long fractions only in JSON: text shows the decimal.
    const std::string exact_text = to_string(cert.gap_upper);
    if (exact_text.size() <= 40) std::cout << exact_text << " (";
    std::cout << cert.gap_upper.get_d() << (exact_text.size() <= 40 ? ", " : " (") << "certified exactly)\n";
  } else {
    std::cout << "in [" << rounded_down(cert.gap_lower) << ", " << rounded_up(cert.gap_upper)
              << "] (posterior expansion cut: rigorous bounds)\n";
  }
  for (int p = 0; p < game.num_players(); ++p) {
    const MixtureDeviation& d = cert.players[p];
    std::cout << "  " << game.player_name(p) << ": value " << d.value.get_d() << ", gap ";
    if (d.exact()) {
      std::cout << d.gap_upper().get_d();
    } else {
      std::cout << "in [" << rounded_down(d.gap_lower()) << ", " << rounded_up(d.gap_upper()) << "]";
    }
    std::cout << ", " << d.nodes << " posterior nodes";
    if (d.first_cut_step >= 0) std::cout << ", " << d.cut_nodes << " cut from step " << d.first_cut_step;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace equilibria::cli
