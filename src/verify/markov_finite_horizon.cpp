#include "equilibria/verify/markov_finite_horizon.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace equilibria {
namespace {

[[noreturn]] void refuse(const std::string& why) { throw std::invalid_argument(why); }

std::string where(const MarkovGame& game, int t, int s) {
  return "step " + std::to_string(t + 1) + ", state " + game.state(s).name;
}

void check_distribution(const std::vector<Rational>& q, std::int64_t size, const std::string& place) {
  if (static_cast<std::int64_t>(q.size()) != size) {
    refuse(place + ": " + std::to_string(q.size()) + " probabilities where " + std::to_string(size) + " are needed");
  }
  Rational total = 0;
  for (const auto& x : q) {
    if (x < 0) refuse(place + ": a negative probability");
    total += x;
  }
  if (total != 1) refuse(place + ": probabilities sum to " + to_string(total) + ", not 1");
}

void check_shape(const MarkovGame& game, std::size_t steps, const char* what) {
  if (game.discounted()) refuse(std::string("a per-step ") + what + " needs a finite-horizon game");
  if (steps != static_cast<std::size_t>(game.horizon())) {
    refuse(std::string("the ") + what + " has " + std::to_string(steps) + " steps; the horizon is " +
           std::to_string(game.horizon()));
  }
}

// Independent mixed actions as one distribution over the state's joint
// actions (first player fastest: player p's action has stride num_joint of
// the players before it).
std::vector<Rational> product_distribution(const MarkovGame& game, int s, const MarkovPolicy<Rational>& mixed) {
  std::vector<Rational> joint{Rational(1)};
  for (int p = 0; p < game.num_players(); ++p) {
    const auto& x = mixed[p][s];
    std::vector<Rational> next(joint.size() * x.size());
    for (std::size_t a = 0; a < x.size(); ++a) {
      for (std::size_t j = 0; j < joint.size(); ++j) next[a * joint.size() + j] = x[a] * joint[j];
    }
    joint = std::move(next);
  }
  return joint;
}

}  // namespace

FiniteHorizonCertificate certify_finite_horizon(const MarkovGame& game, const StepJointPolicy& policy,
                                                CorrelatedConcept kind) {
  check_shape(game, policy.size(), "policy");
  const int n = game.num_players();
  const int S = game.num_states();
  const int H = game.horizon();
  FiniteHorizonCertificate cert;
  cert.step_values.assign(H, std::vector<std::vector<Rational>>(S));
  cert.step_deviation_values.assign(H, std::vector<std::vector<Rational>>(S));
  // Per joint action and player: reward plus the expected continuation,
  // under the policy (on) and under the best deviation from the next step on (dev).
  std::vector<Rational> on, dev, table;
  Rational term;
  for (int t = H - 1; t >= 0; --t) {
    if (static_cast<int>(policy[t].size()) != S) refuse("step " + std::to_string(t + 1) + " needs an entry per state");
    for (int s = 0; s < S; ++s) {
      const std::vector<Rational>& sigma = policy[t][s];
      if (sigma.empty()) continue;
      const std::int64_t J = game.num_joint(s);
      check_distribution(sigma, J, where(game, t, s));
      if (static_cast<std::int64_t>(on.size()) < J * n) {
        on.resize(J * n);
        dev.resize(J * n);
      }
      for (std::int64_t j = 0; j < J; ++j) {
        const std::int64_t o = game.joint_begin(s) + j;
        for (int i = 0; i < n; ++i) on[j * n + i] = dev[j * n + i] = game.reward(o, i);
        if (t + 1 == H) continue;
        for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
          const int next = game.transition(k).next;
          const auto& v = cert.step_values[t + 1][next];
          const auto& w = cert.step_deviation_values[t + 1][next];
          if (v.empty()) {
            refuse(where(game, t + 1, next) + " is reachable from " + where(game, t, s) +
                   " but the policy does not play there");
          }
          const Rational& q = game.transition_probability(k);
          for (int i = 0; i < n; ++i) {
            term = q * v[i];
            on[j * n + i] += term;
            term = q * w[i];
            dev[j * n + i] += term;
          }
        }
      }
      auto& value = cert.step_values[t][s];
      auto& deviation = cert.step_deviation_values[t][s];
      value.assign(n, Rational(0));
      deviation.assign(n, Rational(0));
      for (std::int64_t j = 0; j < J; ++j) {
        if (sigma[j] == 0) continue;
        for (int i = 0; i < n; ++i) {
          term = sigma[j] * on[j * n + i];
          value[i] += term;
        }
      }
      for (int i = 0; i < n; ++i) {
        // table[a * k + b]: the mass recommending a_i = a, paid as if b were played.
        const int k = game.num_actions(s, i);
        const std::int64_t stride = game.stride(s, i);
        table.assign(static_cast<std::size_t>(k) * k, Rational(0));
        for (std::int64_t j = 0; j < J; ++j) {
          if (sigma[j] == 0) continue;
          const int a = static_cast<int>((j / stride) % k);
          const std::int64_t base = j - a * stride;
          for (int b = 0; b < k; ++b) {
            term = sigma[j] * dev[(base + b * stride) * n + i];
            table[a * k + b] += term;
          }
        }
        if (kind == CorrelatedConcept::kCorrelated) {
          for (int a = 0; a < k; ++a) deviation[i] += *std::max_element(table.begin() + a * k, table.begin() + (a + 1) * k);
        } else {
          for (int b = 0; b < k; ++b) {
            Rational column = 0;
            for (int a = 0; a < k; ++a) column += table[a * k + b];
            if (b == 0 || column > deviation[i]) deviation[i] = column;
          }
        }
      }
    }
  }
  cert.values.assign(n, Rational(0));
  cert.deviation_values.assign(n, Rational(0));
  for (int s = 0; s < S; ++s) {
    const Rational& q = game.initial()[s];
    if (q == 0) continue;
    if (cert.step_values[0][s].empty()) refuse("play starts at state " + game.state(s).name + " but the policy does not play there");
    for (int i = 0; i < n; ++i) {
      cert.values[i] += q * cert.step_values[0][s][i];
      cert.deviation_values[i] += q * cert.step_deviation_values[0][s][i];
    }
  }
  cert.max_regret = 0;
  for (int i = 0; i < n; ++i) {
    // A CCE deviator cannot follow the recommendations, so W may fall below V:
    // the regret is the gain, clamped at 0 like every deviation gain.
    cert.regrets.push_back(std::max(Rational(0), Rational(cert.deviation_values[i] - cert.values[i])));
    cert.max_regret = std::max(cert.max_regret, cert.regrets.back());
  }
  return cert;
}

FiniteHorizonCertificate certify_finite_horizon(const MarkovGame& game, const StepProductPolicy& policy) {
  check_shape(game, policy.size(), "profile");
  const int n = game.num_players();
  const int S = game.num_states();
  StepJointPolicy joint(policy.size(), std::vector<std::vector<Rational>>(S));
  for (std::size_t t = 0; t < policy.size(); ++t) {
    const std::string step = "step " + std::to_string(t + 1);
    if (static_cast<int>(policy[t].size()) != n) refuse(step + " needs a policy per player");
    for (int p = 0; p < n; ++p) {
      if (static_cast<int>(policy[t][p].size()) != S) refuse(step + " needs an entry per state for every player");
    }
    for (int s = 0; s < S; ++s) {
      int playing = 0;
      for (int p = 0; p < n; ++p) {
        if (policy[t][p][s].empty()) continue;
        ++playing;
        check_distribution(policy[t][p][s], game.num_actions(s, p),
                           where(game, static_cast<int>(t), s) + ", player " + game.player_name(p));
      }
      if (playing == 0) continue;
      if (playing < n) refuse(where(game, static_cast<int>(t), s) + ": some players have no mixed action");
      joint[t][s] = product_distribution(game, s, policy[t]);
    }
  }
  // For independent play the CE and CCE deviations coincide: the best
  // response does not depend on one's own recommendation.
  return certify_finite_horizon(game, joint, CorrelatedConcept::kCoarseCorrelated);
}

}  // namespace equilibria
