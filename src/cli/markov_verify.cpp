#include "markov_verify.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "equilibria/core/input_error.hpp"
#include "equilibria/core/solve_errors.hpp"
#include "equilibria/io/markov_policy_reader.hpp"
#include "equilibria/verify/markov_best_response.hpp"
#include "markov_methods.hpp"

namespace equilibria::cli {
namespace {

// Per player at the initial distribution: the profile's value, the best
// deviation's value and the regret between them. Exact unless `bounded`
// (a stationary policy of a game too large for exact policy iteration),
// where value is a lower bound and best an upper bound, so regret is an
// upper bound.
struct MarkovVerdict {
  std::vector<Rational> values, best, regret;
  Rational max_regret, max_state_regret;
  bool bounded = false;
};

Rational at_start(const MarkovGame& game, const std::vector<Rational>& per_state) {
  Rational total = 0;
  for (int s = 0; s < game.num_states(); ++s) total += game.initial()[s] * per_state[s];
  return total;
}

MarkovVerdict stationary_verdict(const MarkovGame& game, const MarkovPolicy<Rational>& policy) {
  const int n = game.num_players(), S = game.num_states();
  MarkovVerdict v;
  const SolveControl control;
  if (S <= kMaxExactMarkovStates) {
    const auto values = exact_profile_values(game, policy, control);
    for (int p = 0; p < n; ++p) {
      const auto br = exact_best_response(game, policy, p, control);
      std::vector<Rational> gap(S);
      for (int s = 0; s < S; ++s) gap[s] = br->value[s] - (*values)[p][s];
      v.values.push_back(at_start(game, (*values)[p]));
      v.best.push_back(at_start(game, br->value));
      for (const auto& g : gap) v.max_state_regret = std::max(v.max_state_regret, g);
    }
  } else {
    v.bounded = true;
    MarkovPolicy<double> floating(n);
    for (int p = 0; p < n; ++p) {
      for (const auto& mix : policy[p]) {
        std::vector<double> d;
        for (const auto& q : mix) d.push_back(q.get_d());
        floating[p].push_back(std::move(d));
      }
    }
    for (int p = 0; p < n; ++p) {
      const BoundedResponse value = bounded_policy_value(game, floating, p, control);
      const BoundedResponse br = bounded_best_response(game, floating, p, control, &value.value);
      // Back from the floating units (rewards times 2^-e), exactly.
      const int e = game.reward_scale_exponent();
      std::vector<Rational> low, high;
      for (int s = 0; s < S; ++s) {
        if (!std::isfinite(value.lower[s]) || !std::isfinite(br.upper[s])) {
          throw SolverFailure("floating policy evaluation lost its values (not finite) at state " + game.state(s).name);
        }
        low.push_back(times_power_of_two(Rational(value.lower[s]), e));
        high.push_back(times_power_of_two(Rational(br.upper[s]), e));
      }
      v.values.push_back(at_start(game, low));
      v.best.push_back(at_start(game, high));
      for (int s = 0; s < S; ++s) v.max_state_regret = std::max(v.max_state_regret, Rational(high[s] - low[s]));
    }
  }
  for (int p = 0; p < n; ++p) {
    v.regret.push_back(std::max(Rational(0), Rational(v.best[p] - v.values[p])));
    v.max_regret = std::max(v.max_regret, v.regret.back());
  }
  return v;
}

MarkovVerdict finite_verdict(const FiniteHorizonCertificate& cert) {
  MarkovVerdict v;
  v.values = cert.values;
  v.best = cert.deviation_values;
  v.regret = cert.regrets;
  v.max_regret = cert.max_regret;
  for (std::size_t t = 0; t < cert.step_values.size(); ++t) {
    for (std::size_t s = 0; s < cert.step_values[t].size(); ++s) {
      for (std::size_t p = 0; p < cert.step_values[t][s].size(); ++p) {
        v.max_state_regret = std::max(v.max_state_regret, Rational(cert.step_deviation_values[t][s][p] - cert.step_values[t][s][p]));
      }
    }
  }
  return v;
}

std::string decimal(const Rational& q) {
  std::ostringstream out;
  out << std::setprecision(10) << q.get_d();
  return out.str();
}

// The scale approximate regrets are judged against: the largest reward times
// the steps that count (1 / (1 - discount), or the horizon).
double value_scale(const MarkovGame& game) {
  const double steps = game.discounted() ? 1 / (1 - game.discount_d()) : game.horizon();
  return std::max(1.0, std::ldexp(game.reward_magnitude(), game.reward_scale_exponent()) * steps);
}

}  // namespace

int run_markov_verify(const MarkovGame& game, const std::string& policy_text, const std::string& policy_file,
                      const std::string& format, double tolerance) {
  const MarkovPolicyInput in = read_markov_policy(policy_text, policy_file, game);
  MarkovVerdict v;
  const char* concept_name = "nash";
  const char* kind = "stationary";
  try {
    if (in.kind == MarkovPolicyInput::Kind::kStationary) {
      v = stationary_verdict(game, in.stationary);
    } else if (in.kind == MarkovPolicyInput::Kind::kStepProduct) {
      kind = "per-step";
      v = finite_verdict(certify_finite_horizon(game, in.product));
    } else {
      kind = "correlated";
      concept_name = in.concept_kind == CorrelatedConcept::kCorrelated ? "ce" : "cce";
      v = finite_verdict(certify_finite_horizon(game, in.joint, in.concept_kind));
    }
  } catch (const std::invalid_argument& e) {
    throw InputError(policy_file, 0, e.what());
  }
  // Exact arithmetic on an exact policy proves or refutes; otherwise the
  // regret (an upper bound when `bounded`) is judged against the tolerance.
  const bool proved = in.exact && !v.bounded;
  const bool holds = proved ? v.max_regret == 0 : v.max_regret.get_d() <= tolerance * value_scale(game);
  auto number = [&](const Rational& q) { return proved ? Json(to_string(q)) : Json(q.get_d()); };
  auto list = [&](const std::vector<Rational>& xs) {
    Json out = Json::array();
    for (const auto& x : xs) out.push_back(number(x));
    return out;
  };
  if (format == "json") {
    Json out{{"game", markov_game_json(game)},
             {"policy", kind},
             {"concept", concept_name},
             {"exact", in.exact},
             {"certificate", v.bounded ? "floating-bound" : "exact"},
             {"values", list(v.values)},
             {"best_response", list(v.best)},
             {"regret", list(v.regret)},
             {"max_regret", number(v.max_regret)},
             {"max_state_regret", number(v.max_state_regret)},
             {"equilibrium", holds}};
    std::cout << out.dump(2) << '\n';
  } else {
    std::cout << kind << " policy (" << concept_name << "), " << (v.bounded ? "rigorous floating bounds" : in.exact ? "exact" : "exact arithmetic on the normalised policy")
              << ":\n";
    for (int p = 0; p < game.num_players(); ++p) {
      std::cout << "  " << game.player_name(p) << ": value " << (proved ? to_string(v.values[p]) : decimal(v.values[p]))
                << ", best response " << (proved ? to_string(v.best[p]) : decimal(v.best[p])) << ", regret "
                << (proved ? to_string(v.regret[p]) : decimal(v.regret[p])) << '\n';
    }
    std::cout << "  largest regret "
              << (in.kind == MarkovPolicyInput::Kind::kStationary ? "at any state" : "at any reached (step, state)") << ": "
              << (proved ? to_string(v.max_state_regret) : decimal(v.max_state_regret)) << '\n';
    if (proved) {
      std::cout << (holds ? "  exact equilibrium\n" : "  not an equilibrium\n");
    } else {
      std::cout << "  " << v.max_regret.get_d() << "-equilibrium" << (holds ? " (within tolerance)\n" : " (beyond tolerance)\n");
    }
  }
  return holds ? 0 : 1;
}

}  // namespace equilibria::cli
