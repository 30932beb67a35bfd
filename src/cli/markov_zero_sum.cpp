// shapley and hoffman-karp on the command line: SPEC's "values" and
// "policies", the certified interval, text for people.
#include <chrono>
#include <cmath>
#include <iostream>
#include <stdexcept>

#include "equilibria/core/input_error.hpp"
#include "equilibria/solvers/markov/zero_sum_markov.hpp"
#include "game_loader.hpp"
#include "json_report.hpp"
#include "markov_methods.hpp"

namespace equilibria::cli {
namespace {

// Doubles that bound a rational from below / above (get_d truncates).
double down(const Rational& q) {
  const double d = q.get_d();
  return Rational(d) > q ? std::nextafter(d, -HUGE_VAL) : d;
}
double up(const Rational& q) {
  const double d = q.get_d();
  return Rational(d) < q ? std::nextafter(d, HUGE_VAL) : d;
}

// At most this many states in text output; JSON has them all.
constexpr int kTextStates = 20;

}  // namespace

int run_markov_zero_sum(const MarkovGame& game, const std::string& name, const std::string& method,
                        const MarkovSolveArgs& args) {
  ZeroSumMarkovOptions options;
  options.method = method == "shapley" ? ZeroSumMarkovMethod::kShapley : ZeroSumMarkovMethod::kHoffmanKarp;
  options.tolerance = args.tolerance;
  options.control = args.control;
  if (args.iterations > 0) options.max_iterations = args.iterations;
  const auto start = std::chrono::steady_clock::now();
  ZeroSumMarkovResult r;
  try {
    r = solve_zero_sum_markov(game, options);
  } catch (const std::invalid_argument& e) {
    // General-sum discounted games have no solver here: say what does apply.
    const std::string hint = game.zero_sum() ? ""
                                             : "; for general-sum games give a horizon instead of a discount and use "
                                               "backward-induction (docs/markov-games.md)";
    throw InputError(name, 0, method + " " + e.what() + hint);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // The interval at the initial distribution bounds each player's regret
  // against the pair of policies: both values lie in it.
  Rational low_start = 0, high_start = 0;
  for (int s = 0; s < game.num_states(); ++s) {
    low_start += game.initial()[s] * r.lower[s];
    high_start += game.initial()[s] * r.upper[s];
  }
  auto lower_json = [&](const Rational& q) { return r.exact ? Json(to_string(q)) : Json(down(q)); };
  auto upper_json = [&](const Rational& q) { return r.exact ? Json(to_string(q)) : Json(up(q)); };
  auto mix_json = [&](int p, int s) {
    Json mix = Json::array();
    for (std::size_t a = 0; a < r.policy[p][s].size(); ++a) {
      mix.push_back(r.exact ? Json(to_string(r.exact_policy[p][s][a])) : Json(r.policy[p][s][a]));
    }
    return mix;
  };
  if (args.format == "json") {
    Json values = Json::array(), policies = Json::array();
    for (int s = 0; s < game.num_states(); ++s) {
      values.push_back(Json{{"state", game.state(s).name}, {"lower", lower_json(r.lower[s])}, {"upper", upper_json(r.upper[s])}});
    }
    for (int p = 0; p < 2; ++p) {
      Json per_state = Json::object();
      for (int s = 0; s < game.num_states(); ++s) per_state[game.state(s).name] = mix_json(p, s);
      policies.push_back(std::move(per_state));
    }
    const Rational gap = high_start - low_start;
    Json regret = Json::array({upper_json(gap), upper_json(gap)});
    Json out{{"game", markov_game_json(game)},
             {"concept", "nash"},
             {"method", method},
             {"exact", r.exact},
             {"status", to_string(r.status)},
             {"certificate", r.exact ? "exact" : "floating-bound"},
             {"values", std::move(values)},
             {"policies", policies},
             {"equilibria", Json::array({Json{{"policies", policies},
                                              {"value", Json{{"lower", lower_json(low_start)}, {"upper", upper_json(high_start)}}},
                                              {"regret", std::move(regret)}}})},
             {"width", r.exact ? Json("0") : Json(up(Rational(r.width)))},
             {"seconds", seconds},
             {"stats", Json{{"iterations", r.iterations}, {"stage_games", r.stage_games}, {"exact_rounds", r.exact_rounds}}}};
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << method << ": " << (r.exact ? "exact value" : "certified interval") << " (" << to_string(r.status) << ", "
              << r.iterations << " iterations, " << seconds << " s)\n";
    if (r.exact) {
      std::cout << "  value at the start: " << to_string(low_start) << '\n';
    } else {
      std::cout << "  value at the start in [" << down(low_start) << ", " << up(high_start) << "], width at most "
                << up(Rational(r.width)) << " at any state (certified by best-response MDPs with rounding bounds)\n";
    }
    const int shown = std::min(game.num_states(), kTextStates);
    for (int s = 0; s < shown; ++s) {
      std::cout << "  " << game.state(s).name << ": ";
      if (r.exact) {
        std::cout << "value " << to_string(r.lower[s]);
      } else {
        std::cout << "value in [" << down(r.lower[s]) << ", " << up(r.upper[s]) << "]";
      }
      for (int p = 0; p < 2; ++p) {
        std::cout << "; " << game.player_name(p) << ' ';
        const Json mix = mix_json(p, s);
        std::cout << '[';
        for (std::size_t a = 0; a < mix.size(); ++a) {
          std::cout << (a ? ", " : "") << game.state(s).actions[p][a] << ' '
                    << (mix[a].is_string() ? mix[a].get<std::string>() : std::to_string(mix[a].get<double>()));
        }
        std::cout << ']';
      }
      std::cout << '\n';
    }
    if (shown < game.num_states()) std::cout << "  ... " << game.num_states() - shown << " more states (-f json lists all)\n";
  }
  if (r.status == SolveStatus::kStopped) std::cerr << "equilibria: time limit reached; the interval printed is certified but may be wide\n";
  if (r.status == SolveStatus::kLimitReached) {
    std::cerr << "equilibria: the certified width " << r.width
              << " is short of the tolerance (the iteration cap, or rounding's floor near discount 1); the interval is still certified\n";
  }
  return 0;
}

}  // namespace equilibria::cli
