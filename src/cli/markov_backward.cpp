// backward-induction on the command line: the per-step policy ("correlated"
// for ce/cce, "policies" for nash), each player's value at the initial
// distribution and the regret its certificate finds (docs/markov-games.md).
#include <chrono>
#include <iostream>
#include <stdexcept>

#include "correlated_objective.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/solvers/markov/backward_induction.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"
#include "markov_methods.hpp"

namespace equilibria::cli {
namespace {

// Text output shows at most this many steps, and states per step; JSON has them all.
constexpr int kTextSteps = 10;
constexpr int kTextStates = 5;

StageConcept stage_concept(const std::string& name, const std::string& file) {
  if (name == "ce") return StageConcept::kCorrelated;
  if (name == "cce") return StageConcept::kCoarseCorrelated;
  if (name == "nash") return StageConcept::kNash;
  throw InputError(file, 0, "backward-induction computes --concept nash, ce or cce, not " + name);
}

std::string profile_label(const MarkovGame& game, int s, std::int64_t joint) {
  const auto pure = game.joint_of_index(s, joint);
  std::string label = "(";
  for (int p = 0; p < game.num_players(); ++p) label += (p ? ", " : "") + game.state(s).actions[p][pure[p]];
  return label + ")";
}

}  // namespace

int run_markov_backward(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args) {
  if (game.discounted()) {
    throw InputError(name, 0,
                     "backward-induction needs a finite horizon; for two-player zero-sum discounted games use shapley "
                     "or hoffman-karp");
  }
  BackwardInductionOptions options;
  options.control = args.control;
  options.stage = stage_concept(args.concept_name, name);
  const bool nash = options.stage == StageConcept::kNash;
  const std::string objective_name = args.objective.empty() ? "welfare" : args.objective;
  if (!nash) options.objective = parse_correlated_objective(objective_name, game.num_players());
  const auto start = std::chrono::steady_clock::now();
  BackwardInductionResult r;
  try {
    r = backward_induction(game, options);
  } catch (const std::invalid_argument& e) {
    throw InputError(name, 0, std::string("backward-induction: ") + e.what());
  }
  const bool complete = r.status != SolveStatus::kStopped;
  // The answer's own certificate, never the induction's numbers: exact
  // means zero exact regret for every player.
  FiniteHorizonCertificate cert;
  if (complete) {
    const CorrelatedConcept kind =
        options.stage == StageConcept::kCorrelated ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
    cert = nash ? certify_finite_horizon(game, r.product) : certify_finite_horizon(game, r.joint, kind);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const bool exact = complete && cert.max_regret == 0;
  auto number = [&](const Rational& q) { return exact ? Json(to_string(q)) : Json(q.get_d()); };
  const int n = game.num_players();
  const int H = game.horizon();
  if (args.format == "json") {
    Json out{{"game", markov_game_json(game)},
             {"concept", args.concept_name},
             {"method", "backward-induction"},
             {"exact", exact},
             {"status", complete ? "complete" : "stopped"}};
    if (!nash) out["objective"] = Json{{"kind", objective_name}};
    Json values = Json::array(), regret = Json::array();
    for (int i = 0; i < n && complete; ++i) {
      values.push_back(number(cert.values[i]));
      regret.push_back(number(cert.regrets[i]));
    }
    out["values"] = std::move(values);
    out["regret"] = std::move(regret);
    if (nash) {
      Json policies = Json::array();
      for (int p = 0; p < n && complete; ++p) {
        Json steps = Json::array();
        for (int t = 0; t < H; ++t) {
          Json per_state = Json::object();
          for (int s = 0; s < game.num_states(); ++s) {
            const auto& mix = r.product[t][p][s];
            if (mix.empty()) continue;
            Json probs = Json::array();
            for (const auto& x : mix) probs.push_back(number(x));
            per_state[game.state(s).name] = std::move(probs);
          }
          steps.push_back(std::move(per_state));
        }
        policies.push_back(std::move(steps));
      }
      out["policies"] = std::move(policies);
    } else {
      Json correlated = Json::array();
      for (int t = 0; t < H && complete; ++t) {
        Json per_state = Json::object();
        for (int s = 0; s < game.num_states(); ++s) {
          const auto& sigma = r.joint[t][s];
          if (sigma.empty()) continue;
          Json dist = Json::array();
          for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
            if (sigma[j] == 0) continue;
            Json labels = Json::array();
            const auto pure = game.joint_of_index(s, j);
            for (int p = 0; p < n; ++p) labels.push_back(game.state(s).actions[p][pure[p]]);
            dist.push_back(Json{{"profile", std::move(labels)}, {"probability", number(sigma[j])}});
          }
          per_state[game.state(s).name] = std::move(dist);
        }
        correlated.push_back(std::move(per_state));
      }
      out["correlated"] = std::move(correlated);
    }
    out["equilibria"] = Json::array();
    out["seconds"] = seconds;
    out["stats"] = Json{{"stage_games", r.stages},
                        {"simplex_iterations", r.simplex_iterations},
                        {"pivots", r.pivots},
                        {"stages_exact", r.stages_exact}};
    std::cout << out.dump(2) << '\n';
  } else if (!complete) {
    std::cout << "backward-induction (" << args.concept_name << "): stopped by the time limit after " << r.stages
              << " stage games; no policy\n";
  } else {
    std::cout << "backward-induction (" << args.concept_name << (nash ? "" : ", " + objective_name)
              << "): " << (exact ? "exact" : "not exact") << ", " << r.stages << " stage games, " << seconds << " s\n";
    for (int i = 0; i < n; ++i) {
      std::cout << "  " << game.player_name(i) << ": value " << (exact ? to_string(cert.values[i]) : std::to_string(cert.values[i].get_d()))
                << ", regret " << (exact ? to_string(cert.regrets[i]) : std::to_string(cert.regrets[i].get_d())) << '\n';
    }
    auto text = [&](const Rational& q) { return exact ? to_string(q) : std::to_string(q.get_d()); };
    for (int t = 0; t < std::min(H, kTextSteps); ++t) {
      int shown = 0;
      for (int s = 0; s < game.num_states(); ++s) {
        const bool plays = nash ? !r.product[t][0][s].empty() : !r.joint[t][s].empty();
        if (!plays) continue;
        if (++shown > kTextStates) {
          std::cout << "    ... more states (-f json lists all)\n";
          break;
        }
        std::cout << "  step " << t + 1 << ", " << game.state(s).name << ':';
        if (nash) {
          for (int p = 0; p < n; ++p) {
            std::cout << (p ? "; " : " ") << game.player_name(p) << " [";
            for (std::size_t a = 0; a < r.product[t][p][s].size(); ++a) {
              std::cout << (a ? ", " : "") << game.state(s).actions[p][a] << ' ' << text(r.product[t][p][s][a]);
            }
            std::cout << ']';
          }
        } else {
          const auto& sigma = r.joint[t][s];
          for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
            if (sigma[j] != 0) std::cout << ' ' << profile_label(game, s, j) << ' ' << text(sigma[j]);
          }
        }
        std::cout << '\n';
      }
    }
    if (H > kTextSteps) std::cout << "  ... " << H - kTextSteps << " more steps (-f json lists all)\n";
  }
  if (!complete) std::cerr << "equilibria: time limit reached; no policy is claimed\n";
  return 0;
}

}  // namespace equilibria::cli
