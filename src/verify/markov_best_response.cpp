#include "equilibria/verify/markov_best_response.hpp"

#include <Eigen/IterativeLinearSolvers>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <limits>

#include "equilibria/core/exact_linear_solve.hpp"

namespace equilibria {
namespace {

constexpr double kUnit = std::numeric_limits<double>::epsilon() / 2;  // unit roundoff

// The MDP the responder faces: per state its actions, per action the
// expected reward and the aggregated next-state distribution.
template <class T>
struct InducedMdp {
  std::vector<std::int64_t> action_begin;  // per state, into the per-action arrays
  std::vector<T> reward;
  std::vector<std::int64_t> transition_begin;
  std::vector<int> next;
  std::vector<T> probability;
  // Doubles only: per action, sum of |weight * reward| and the number of
  // rounded operations behind its reward and probabilities (error bounds).
  std::vector<double> magnitude;
  std::vector<double> operations;
};

template <class T>
InducedMdp<T> induce(const MarkovGame& game, const MarkovPolicy<T>& profile, int responder) {
  const int S = game.num_states(), n = game.num_players();
  InducedMdp<T> mdp;
  mdp.action_begin.assign(1, 0);
  mdp.transition_begin.assign(1, 0);
  std::vector<T> acc(S, T(0));
  std::vector<int> touched;
  std::vector<char> seen(S, 0);
  for (int s = 0; s < S; ++s) {
    const int moves = game.num_actions(s, responder);
    // The others' mixes at s, each divided by its sum (exact for rationals
    // already normalised; for doubles the bounds account for the division).
    std::vector<T> total(n, T(0));
    double mix_operations = 0;
    for (int p = 0; p < n; ++p) {
      if (p == responder) continue;
      for (const T& w : profile[p][s]) total[p] += w;
      mix_operations += static_cast<double>(profile[p][s].size());
    }
    for (int b = 0; b < moves; ++b) {
      T reward(0);
      double magnitude = 0, terms = 0;
      for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
        if ((j / game.stride(s, responder)) % moves != b) continue;
        T weight(1);
        std::int64_t rest = j;
        for (int p = 0; p < n; ++p) {
          const int a = static_cast<int>(rest % game.num_actions(s, p));
          rest /= game.num_actions(s, p);
          if (p != responder) weight *= profile[p][s][a] / total[p];
        }
        if (weight == 0) continue;
        const std::int64_t o = game.joint_begin(s) + j;
        if constexpr (std::is_same_v<T, Rational>) {
          reward += weight * game.reward(o, responder);
          for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
            const int t = game.transition(k).next;
            if (!seen[t]) seen[t] = 1, touched.push_back(t);
            acc[t] += weight * game.transition_probability(k);
          }
        } else {
          reward += weight * game.reward_d(o, responder);
          magnitude += std::abs(weight * game.reward_d(o, responder));
          terms += 1;
          for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
            const int t = game.transition(k).next;
            if (!seen[t]) seen[t] = 1, touched.push_back(t);
            acc[t] += weight * game.transition(k).probability;
          }
        }
      }
      mdp.reward.push_back(reward);
      if constexpr (!std::is_same_v<T, Rational>) {
        mdp.magnitude.push_back(magnitude);
        mdp.operations.push_back(terms + mix_operations + 2 * n + 4);
      }
      std::sort(touched.begin(), touched.end());
      for (int t : touched) {
        mdp.next.push_back(t);
        mdp.probability.push_back(acc[t]);
        acc[t] = T(0);
        seen[t] = 0;
      }
      touched.clear();
      mdp.transition_begin.push_back(static_cast<std::int64_t>(mdp.next.size()));
    }
    mdp.action_begin.push_back(static_cast<std::int64_t>(mdp.reward.size()));
  }
  return mdp;
}

template <class T>
T q_value(const InducedMdp<T>& mdp, std::int64_t action, const T& discount, const std::vector<T>& v) {
  T future(0);
  for (std::int64_t k = mdp.transition_begin[action]; k < mdp.transition_begin[action + 1]; ++k) {
    future += mdp.probability[k] * v[mdp.next[k]];
  }
  return mdp.reward[action] + discount * future;
}

// (I - d P) v = r for the chain given by per-state rows (rationals, dense).
std::optional<std::vector<Rational>> solve_chain_exact(int S, const Rational& discount,
                                                       const std::vector<std::vector<std::pair<int, Rational>>>& rows,
                                                       const std::vector<Rational>& reward, const SolveControl& control) {
  std::vector<Rational> m(static_cast<std::size_t>(S) * S, Rational(0));
  for (int s = 0; s < S; ++s) {
    m[static_cast<std::size_t>(s) * S + s] = 1;
    for (const auto& [t, q] : rows[s]) m[static_cast<std::size_t>(s) * S + t] -= discount * q;
  }
  return solve_exact(m, reward, S, control);
}

}  // namespace

std::optional<ExactResponse> exact_best_response(const MarkovGame& game, const MarkovPolicy<Rational>& profile,
                                                 int responder, const SolveControl& control) {
  const int S = game.num_states();
  if (S > kMaxExactMarkovStates || !game.discounted()) return std::nullopt;
  const InducedMdp<Rational> mdp = induce(game, profile, responder);
  const Rational& d = game.discount();
  ExactResponse r;
  r.policy.assign(S, 0);
  // Start from the best immediate reward: often optimal already.
  for (int s = 0; s < S; ++s) {
    for (std::int64_t b = mdp.action_begin[s]; b < mdp.action_begin[s + 1]; ++b) {
      if (mdp.reward[b] > mdp.reward[mdp.action_begin[s] + r.policy[s]]) r.policy[s] = static_cast<int>(b - mdp.action_begin[s]);
    }
  }
  for (;;) {
    if (control.should_stop()) return std::nullopt;
    std::vector<std::vector<std::pair<int, Rational>>> rows(S);
    std::vector<Rational> reward(S);
    for (int s = 0; s < S; ++s) {
      const std::int64_t b = mdp.action_begin[s] + r.policy[s];
      reward[s] = mdp.reward[b];
      for (std::int64_t k = mdp.transition_begin[b]; k < mdp.transition_begin[b + 1]; ++k) {
        rows[s].emplace_back(mdp.next[k], mdp.probability[k]);
      }
    }
    auto v = solve_chain_exact(S, d, rows, reward, control);
    if (!v) return std::nullopt;
    r.value = std::move(*v);
    bool improved = false;
    for (int s = 0; s < S; ++s) {
      Rational best = q_value(mdp, mdp.action_begin[s] + r.policy[s], d, r.value);
      for (std::int64_t b = mdp.action_begin[s]; b < mdp.action_begin[s + 1]; ++b) {
        const Rational q = q_value(mdp, b, d, r.value);
        if (q > best) {
          best = q;
          r.policy[s] = static_cast<int>(b - mdp.action_begin[s]);
          improved = true;
        }
      }
    }
    if (!improved) return r;
  }
}

namespace {

// One player's own mixes folded into the MDP it faces: one action per state,
// the policy's own play (its rounding accounted like the others' mixes).
InducedMdp<double> fold_own_mixes(const InducedMdp<double>& mdp, const std::vector<std::vector<double>>& own, int S) {
  InducedMdp<double> out;
  out.action_begin.assign(1, 0);
  out.transition_begin.assign(1, 0);
  std::vector<double> acc(S, 0.0);
  std::vector<int> touched;
  std::vector<char> seen(S, 0);
  for (int s = 0; s < S; ++s) {
    double total = 0;
    for (double w : own[s]) total += w;
    double reward = 0, magnitude = 0, operations = 0;
    for (std::int64_t b = mdp.action_begin[s]; b < mdp.action_begin[s + 1]; ++b) {
      const double w = own[s][b - mdp.action_begin[s]] / total;
      if (w == 0) continue;
      reward += w * mdp.reward[b];
      magnitude += w * mdp.magnitude[b] + std::abs(w * mdp.reward[b]);
      operations = std::max(operations, mdp.operations[b]);
      for (std::int64_t k = mdp.transition_begin[b]; k < mdp.transition_begin[b + 1]; ++k) {
        const int t = mdp.next[k];
        if (!seen[t]) seen[t] = 1, touched.push_back(t);
        acc[t] += w * mdp.probability[k];
      }
    }
    out.reward.push_back(reward);
    out.magnitude.push_back(magnitude);
    out.operations.push_back(operations + 2 * static_cast<double>(own[s].size()) + 4);
    std::sort(touched.begin(), touched.end());
    for (int t : touched) {
      out.next.push_back(t);
      out.probability.push_back(acc[t]);
      acc[t] = 0;
      seen[t] = 0;
    }
    touched.clear();
    out.transition_begin.push_back(static_cast<std::int64_t>(out.next.size()));
    out.action_begin.push_back(static_cast<std::int64_t>(out.reward.size()));
  }
  return out;
}

// Policy iteration on the MDP in doubles, then rigorous bounds on its optimum.
BoundedResponse solve_bounded(const InducedMdp<double>& mdp, int S, double d, const SolveControl& control,
                              const std::vector<double>* warm) {
  BoundedResponse r;
  r.policy.assign(S, 0);
  r.value.assign(S, 0.0);
  double scale = 0;
  for (double x : mdp.reward) scale = std::max(scale, std::abs(x));
  scale = std::max(scale / (1 - d), std::numeric_limits<double>::min());
  auto greedy = [&](const std::vector<double>& v, bool keep_ties) {
    bool changed = false;
    for (int s = 0; s < S; ++s) {
      const std::int64_t base = mdp.action_begin[s];
      double best = q_value(mdp, base + r.policy[s], d, v);
      for (std::int64_t b = base; b < mdp.action_begin[s + 1]; ++b) {
        const double q = q_value(mdp, b, d, v);
        if (q > best + (keep_ties ? 1e-13 * scale : 0.0)) {
          best = q;
          r.policy[s] = static_cast<int>(b - base);
          changed = true;
        }
      }
    }
    return changed;
  };
  greedy(warm != nullptr ? *warm : r.value, false);
  using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
  std::vector<Eigen::Triplet<double>> entries;
  Eigen::VectorXd rhs(S), guess(S);
  for (int iteration = 0; iteration < 500; ++iteration) {
    if (control.should_stop()) {
      r.stopped = true;
      break;
    }
    entries.clear();
    for (int s = 0; s < S; ++s) {
      const std::int64_t b = mdp.action_begin[s] + r.policy[s];
      entries.emplace_back(s, s, 1.0);
      for (std::int64_t k = mdp.transition_begin[b]; k < mdp.transition_begin[b + 1]; ++k) {
        entries.emplace_back(s, mdp.next[k], -d * mdp.probability[k]);
      }
      rhs[s] = mdp.reward[b];
      guess[s] = r.value[s];
    }
    SparseMatrix m(S, S);
    m.setFromTriplets(entries.begin(), entries.end());
    Eigen::BiCGSTAB<SparseMatrix> solver;
    solver.setTolerance(1e-15);
    solver.setMaxIterations(std::max(100, 4 * S));
    solver.compute(m);
    const Eigen::VectorXd v = solver.solveWithGuess(rhs, guess);
    if (solver.info() == Eigen::Success && v.allFinite()) {
      for (int s = 0; s < S; ++s) r.value[s] = v[s];
    } else {
      // Successive approximation converges whatever the solver did.
      for (int sweep = 0; sweep < 10000 && !control.should_stop(); ++sweep) {
        for (int s = 0; s < S; ++s) r.value[s] = q_value(mdp, mdp.action_begin[s] + r.policy[s], d, r.value);
      }
    }
    if (!greedy(r.value, true)) break;
  }
  // The rigorous part: with w the computed values and T the Bellman
  // operator, T monotone and a d-contraction, the optimal value lies in
  // [w - max(w - Tw)+/(1-d), w + max(Tw - w)+/(1-d)]. Tw is computed with a
  // bound on its rounding error (reward, mixes, their normalisation,
  // probabilities and the sum, each a relative unit roundoff per operation).
  double above = 0, below = 0;
  for (int s = 0; s < S; ++s) {
    double tw = -std::numeric_limits<double>::infinity(), err = 0;
    for (std::int64_t b = mdp.action_begin[s]; b < mdp.action_begin[s + 1]; ++b) {
      double future_magnitude = 0;
      const std::int64_t entries_b = mdp.transition_begin[b + 1] - mdp.transition_begin[b];
      for (std::int64_t k = mdp.transition_begin[b]; k < mdp.transition_begin[b + 1]; ++k) {
        future_magnitude += mdp.probability[k] * std::abs(r.value[mdp.next[k]]);
      }
      const double q = q_value(mdp, b, d, r.value);
      const double ops = mdp.operations[b] + static_cast<double>(entries_b) + 4;
      err = std::max(err, 2 * ops * kUnit * (mdp.magnitude[b] + d * future_magnitude));
      tw = std::max(tw, q);
    }
    above = std::max(above, tw - r.value[s] + err);
    below = std::max(below, r.value[s] - tw + err);
  }
  const double grow = (1 + 8 * kUnit) / (1 - d) * (1 + 8 * kUnit);
  r.lower.resize(S);
  r.upper.resize(S);
  for (int s = 0; s < S; ++s) {
    const double margin = 4 * kUnit * std::abs(r.value[s]);
    r.lower[s] = std::nextafter(r.value[s] - below * grow - margin, -HUGE_VAL);
    r.upper[s] = std::nextafter(r.value[s] + above * grow + margin, HUGE_VAL);
  }
  return r;
}

}  // namespace

BoundedResponse bounded_best_response(const MarkovGame& game, const MarkovPolicy<double>& profile, int responder,
                                      const SolveControl& control, const std::vector<double>* warm) {
  return solve_bounded(induce(game, profile, responder), game.num_states(), game.discount_d(), control, warm);
}

BoundedResponse bounded_policy_value(const MarkovGame& game, const MarkovPolicy<double>& profile, int player,
                                     const SolveControl& control) {
  const int S = game.num_states();
  return solve_bounded(fold_own_mixes(induce(game, profile, player), profile[player], S), S, game.discount_d(), control,
                       nullptr);
}

std::optional<std::vector<std::vector<Rational>>> exact_profile_values(const MarkovGame& game,
                                                                       const MarkovPolicy<Rational>& profile,
                                                                       const SolveControl& control) {
  const int S = game.num_states(), n = game.num_players();
  if (S > kMaxExactMarkovStates || !game.discounted()) return std::nullopt;
  std::vector<std::vector<std::pair<int, Rational>>> rows(S);
  std::vector<std::vector<Rational>> reward(n, std::vector<Rational>(S, Rational(0)));
  std::vector<Rational> acc(S, Rational(0));
  for (int s = 0; s < S; ++s) {
    for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
      Rational weight(1);
      std::int64_t rest = j;
      for (int p = 0; p < n && weight != 0; ++p) {
        weight *= profile[p][s][rest % game.num_actions(s, p)];
        rest /= game.num_actions(s, p);
      }
      if (weight == 0) continue;
      const std::int64_t o = game.joint_begin(s) + j;
      for (int p = 0; p < n; ++p) reward[p][s] += weight * game.reward(o, p);
      for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
        acc[game.transition(k).next] += weight * game.transition_probability(k);
      }
    }
    for (int t = 0; t < S; ++t) {
      if (acc[t] != 0) rows[s].emplace_back(t, acc[t]);
      acc[t] = 0;
    }
  }
  std::vector<std::vector<Rational>> values;
  for (int p = 0; p < n; ++p) {
    auto v = solve_chain_exact(S, game.discount(), rows, reward[p], control);
    if (!v) return std::nullopt;
    values.push_back(std::move(*v));
  }
  return values;
}

}  // namespace equilibria
