#include "equilibria/solvers/markov/independent_learning.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "equilibria/core/solve_errors.hpp"
#include "equilibria/solvers/no_regret/learner_step.hpp"

namespace equilibria {

IndependentLearningResult run_independent_learning(const MarkovGame& game, const IndependentLearningOptions& options) {
  if (game.discounted()) throw std::invalid_argument("independent learning needs a finite-horizon game");
  if (options.learner == Learner::kSwapRegret) throw std::invalid_argument("independent learning runs external-regret learners");
  const int n = game.num_players(), states = game.num_states(), h = game.horizon();
  // Flat layout: (t, p, s, a) at t * per_step + begin[p * states + s] + a.
  std::vector<std::int64_t> begin(static_cast<std::size_t>(n) * states + 1, 0);
  for (int p = 0; p < n; ++p) {
    for (int s = 0; s < states; ++s) {
      begin[p * states + s + 1] = begin[p * states + s] + game.num_actions(s, p);
    }
  }
  const std::int64_t per_step = begin.back(), entries = per_step * h;
  if (static_cast<double>(entries) * static_cast<double>(std::max<std::int64_t>(1, options.episodes)) >
      static_cast<double>(kMaxMarkovEntries)) {
    throw ResourceLimit("independent learning keeps every episode's policy: episodes x horizon x actions exceeds " +
                        std::to_string(kMaxMarkovEntries));
  }
  auto at = [&](int t, int p, int s) { return t * per_step + begin[p * states + s]; };
  std::vector<double> mix(entries), q(entries, 0.0), cumulative(entries, 0.0);
  for (int t = 0; t < h; ++t) {
    for (int p = 0; p < n; ++p) {
      for (int s = 0; s < states; ++s) std::fill_n(&mix[at(t, p, s)], game.num_actions(s, p), 1.0 / game.num_actions(s, p));
    }
  }
  // Per (state, player): the value of pi^k and the best-response value, at the step below and this one.
  std::vector<double> value_next(static_cast<std::size_t>(states) * n), value(value_next.size());
  std::vector<double> best_next(value_next.size()), best(value_next.size());
  int widest = 1;
  for (int s = 0; s < states; ++s) {
    for (int p = 0; p < n; ++p) widest = std::max(widest, game.num_actions(s, p));
  }
  std::vector<double> best_q(static_cast<std::size_t>(n) * widest), cont(n), best_cont(n), prefix(n + 1), suffix(n + 1);
  std::vector<double> scores(widest), regret_sum(n, 0.0), regret(n);
  std::vector<int> digit(n);
  // Hedge's rate for payoffs in a range of width 2 H max|r| over K rounds.
  const double range = std::max(1e-300, 2.0 * h * game.reward_magnitude());
  const double rounds = static_cast<double>(std::max<std::int64_t>(1, options.episodes));

  IndependentLearningResult result;
  result.regret_bound.assign(n, 0.0);
  // Q-values are in the game's floating units (rewards times 2^-scale); only
  // the reported bounds are scaled back.
  const int scale = game.reward_scale_exponent();
  const auto start = std::chrono::steady_clock::now();
  double logging = 0;
  for (std::int64_t k = 1; k <= options.episodes; ++k) {
    if (options.control.should_stop()) {
      result.status = SolveStatus::kStopped;
      break;
    }
    FiniteHorizonPolicy<double>& played = result.policies.emplace_back(h, MarkovPolicy<double>(n));
    for (int t = 0; t < h; ++t) {
      for (int p = 0; p < n; ++p) {
        played[t][p].resize(states);
        for (int s = 0; s < states; ++s) played[t][p][s].assign(&mix[at(t, p, s)], &mix[at(t, p, s)] + game.num_actions(s, p));
      }
    }
    // Every player's Q-values against episode k's joint play, and its best-response values, by backward induction.
    std::fill(value_next.begin(), value_next.end(), 0.0);
    std::fill(best_next.begin(), best_next.end(), 0.0);
    for (int t = h - 1; t >= 0; --t) {
      for (int s = 0; s < states; ++s) {
        for (int p = 0; p < n; ++p) std::fill_n(&q[at(t, p, s)], game.num_actions(s, p), 0.0);
        std::fill(best_q.begin(), best_q.end(), 0.0);
        std::fill(digit.begin(), digit.end(), 0);
        for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
          const std::int64_t o = game.joint_begin(s) + j;
          prefix[0] = suffix[n] = 1.0;
          for (int p = 0; p < n; ++p) prefix[p + 1] = prefix[p] * mix[at(t, p, s) + digit[p]];
          for (int p = n - 1; p >= 0; --p) suffix[p] = suffix[p + 1] * mix[at(t, p, s) + digit[p]];
          for (int p = 0; p < n; ++p) cont[p] = best_cont[p] = game.reward_d(o, p);
          for (std::int64_t e = game.transition_begin(o); e < game.transition_end(o); ++e) {
            const MarkovTransition& tr = game.transition(e);
            for (int p = 0; p < n; ++p) {
              cont[p] += tr.probability * value_next[tr.next * n + p];
              best_cont[p] += tr.probability * best_next[tr.next * n + p];
            }
          }
          for (int p = 0; p < n; ++p) {
            const double others = prefix[p] * suffix[p + 1];
            q[at(t, p, s) + digit[p]] += others * cont[p];
            best_q[p * widest + digit[p]] += others * best_cont[p];
          }
          for (int p = 0; p < n && ++digit[p] == game.num_actions(s, p); ++p) digit[p] = 0;
        }
        for (int p = 0; p < n; ++p) {
          const int actions = game.num_actions(s, p);
          double v = 0;
          for (int a = 0; a < actions; ++a) v += mix[at(t, p, s) + a] * q[at(t, p, s) + a];
          value[s * n + p] = v;
          best[s * n + p] = *std::max_element(&best_q[p * widest], &best_q[p * widest] + actions);
        }
      }
      std::swap(value, value_next);
      std::swap(best, best_next);
    }
    for (int p = 0; p < n; ++p) {
      double gain = 0;
      for (int s = 0; s < states; ++s) gain += game.initial()[s].get_d() * (best_next[s * n + p] - value_next[s * n + p]);
      regret_sum[p] += std::max(0.0, gain);
    }
    // Every learner updates on its own Q-values.
    for (int t = 0; t < h; ++t) {
      for (int p = 0; p < n; ++p) {
        for (int s = 0; s < states; ++s) {
          const int actions = game.num_actions(s, p);
          const double eta = std::sqrt(8.0 * std::log(std::max(2, actions)) / rounds) / range;
          const std::int64_t b = at(t, p, s);
          external_regret_step(options.learner, &q[b], actions, eta, &cumulative[b], scores.data(), &mix[b]);
        }
      }
    }
    result.episodes = k;
    if (options.log && options.log_every > 0 && (k % options.log_every == 0 || k == options.episodes)) {
      const auto log_start = std::chrono::steady_clock::now();
      for (int p = 0; p < n; ++p) regret[p] = std::ldexp(regret_sum[p] / static_cast<double>(k), scale);
      const double seconds = std::chrono::duration<double>(log_start - start).count() - logging;
      options.log(k, seconds, regret);
      logging += std::chrono::duration<double>(std::chrono::steady_clock::now() - log_start).count();
    }
  }
  for (int p = 0; p < n; ++p) {
    result.regret_bound[p] = std::ldexp(regret_sum[p] / static_cast<double>(std::max<std::int64_t>(1, result.episodes)), scale);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() - logging;
  return result;
}

}  // namespace equilibria
