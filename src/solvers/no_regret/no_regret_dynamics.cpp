#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"

#include "equilibria/solvers/no_regret/learner_step.hpp"

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace equilibria {

const std::vector<std::string>& learner_names() {
  static const std::vector<std::string> names{"regret-matching", "regret-matching+", "hedge", "optimistic-hedge",
                                              "swap-regret"};
  return names;
}

Learner learner_from_name(const std::string& name) {
  const auto& names = learner_names();
  for (std::size_t k = 0; k < names.size(); ++k) {
    if (names[k] == name) return static_cast<Learner>(k);
  }
  throw std::invalid_argument("unknown learner '" + name + "'");
}

namespace {

// Expected payoff of each of player i's strategies against the others' mix,
// for every player at once: one sweep over the profiles with the product
// weights built incrementally (first player fastest).
class PayoffSweep {
 public:
  explicit PayoffSweep(const StrategicGame& g) : g_(g), n_(g.num_players()) {}

  // x: per player's offset into `mix`; out[offset(i) + s] = u_i(s, x_-i).
  void run(const std::vector<double>& mix, const std::vector<int>& offset, std::vector<double>& out,
           std::vector<double>* joint, double joint_weight) {
    std::fill(out.begin(), out.end(), 0.0);
    const std::int64_t profiles = g_.num_profiles();
    digit_.assign(n_, 0);
    prefix_.assign(n_ + 1, 1.0);
    suffix_.assign(n_ + 1, 1.0);
    for (std::int64_t s = 0; s < profiles; ++s) {
      // The others' probability for each player: prefix times suffix products.
      for (int i = 0; i < n_; ++i) prefix_[i + 1] = prefix_[i] * mix[offset[i] + digit_[i]];
      for (int i = n_ - 1; i >= 0; --i) suffix_[i] = suffix_[i + 1] * mix[offset[i] + digit_[i]];
      if (joint != nullptr) (*joint)[s] += joint_weight * prefix_[n_];
      for (int i = 0; i < n_; ++i) out[offset[i] + digit_[i]] += prefix_[i] * suffix_[i + 1] * g_.payoffs<double>(i)[s];
      for (int i = 0; i < n_ && ++digit_[i] == g_.num_strategies(i); ++i) digit_[i] = 0;
    }
  }

 private:
  const StrategicGame& g_;
  int n_;
  std::vector<int> digit_;
  std::vector<double> prefix_, suffix_;
};

// Stationary distribution x = x Q of a row-stochastic k x k matrix, by
// Gaussian elimination on (Q^T - I) x = 0 with sum x = 1.
void stationary(const double* q, int k, double* x, std::vector<double>& work) {
  work.assign(static_cast<std::size_t>(k) * (k + 1), 0.0);
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) work[r * (k + 1) + c] = q[c * k + r] - (r == c ? 1.0 : 0.0);
  }
  for (int c = 0; c <= k; ++c) work[(k - 1) * (k + 1) + c] = 1.0;  // replace one equation by the sum
  for (int p = 0; p < k; ++p) {
    int best = p;
    for (int r = p + 1; r < k; ++r) {
      if (std::abs(work[r * (k + 1) + p]) > std::abs(work[best * (k + 1) + p])) best = r;
    }
    for (int c = 0; c <= k; ++c) std::swap(work[p * (k + 1) + c], work[best * (k + 1) + c]);
    const double pivot = work[p * (k + 1) + p];
    if (std::abs(pivot) < 1e-300) continue;
    for (int r = 0; r < k; ++r) {
      if (r == p) continue;
      const double f = work[r * (k + 1) + p] / pivot;
      if (f == 0) continue;
      for (int c = p; c <= k; ++c) work[r * (k + 1) + c] -= f * work[p * (k + 1) + c];
    }
  }
  double sum = 0;
  for (int r = 0; r < k; ++r) {
    const double pivot = work[r * (k + 1) + r];
    x[r] = pivot != 0 ? std::max(0.0, work[r * (k + 1) + k] / pivot) : 0.0;
    sum += x[r];
  }
  for (int r = 0; r < k; ++r) x[r] = sum > 0 ? x[r] / sum : 1.0 / k;
}

}  // namespace

NoRegretResult run_no_regret(const StrategicGame& game, const NoRegretOptions& options) {
  const int n = game.num_players();
  std::vector<int> offset(n + 1, 0);
  for (int i = 0; i < n; ++i) offset[i + 1] = offset[i] + game.num_strategies(i);
  const int total = offset[n];
  int widest = 1;
  for (int i = 0; i < n; ++i) widest = std::max(widest, game.num_strategies(i));
  const bool swap = options.learner == Learner::kSwapRegret;
  // State: cumulative regrets (RM), cumulative payoffs (Hedge), last payoffs
  // (optimistic Hedge), per-recommendation regrets (swap: k x k per player).
  std::vector<double> mix(total), value(total, 0.0), cumulative(total, 0.0), last(total, 0.0);
  std::vector<int> swap_offset(n + 1, 0);
  for (int i = 0; i < n; ++i) swap_offset[i + 1] = swap_offset[i] + game.num_strategies(i) * game.num_strategies(i);
  std::vector<double> swap_regret(swap ? swap_offset[n] : 0, 0.0), markov(swap ? swap_offset[n] : 0, 0.0);
  std::vector<double> work, scores(widest);
  std::vector<double> eta(n);
  for (int i = 0; i < n; ++i) {
    const double k = game.num_strategies(i), t = static_cast<double>(std::max<std::int64_t>(1, options.iterations));
    eta[i] = options.learning_rate > 0 ? options.learning_rate : std::sqrt(8.0 * std::log(std::max(2.0, k)) / t);
  }
  for (int i = 0; i < n; ++i) {
    for (int a = offset[i]; a < offset[i + 1]; ++a) mix[a] = 1.0 / game.num_strategies(i);
  }
  NoRegretResult result;
  result.concept_target = swap ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
  result.joint.assign(game.num_profiles(), 0.0);
  PayoffSweep sweep(game);
  const auto start = std::chrono::steady_clock::now();
  double logging = 0;
  for (std::int64_t t = 1; t <= options.iterations; ++t) {
    if ((t & 15) == 0 && options.control.should_stop()) {
      result.status = SolveStatus::kStopped;
      break;
    }
    if (options.on_play) options.on_play(mix);
    sweep.run(mix, offset, value, &result.joint, 1.0);
    result.iterations = t;
    for (int i = 0; i < n; ++i) {
      const int k = game.num_strategies(i), b = offset[i];
      switch (options.learner) {
        case Learner::kRegretMatching:
        case Learner::kRegretMatchingPlus:
        case Learner::kHedge:
        case Learner::kOptimisticHedge:
          external_regret_step(options.learner, &value[b], k, eta[i], &cumulative[b], scores.data(), &mix[b]);
          break;
        case Learner::kSwapRegret: {
          // Copy `a` of the player's regret matcher is charged with weight mix[a].
          double* r = &swap_regret[swap_offset[i]];
          double* q = &markov[swap_offset[i]];
          for (int a = 0; a < k; ++a) {
            double copy_expected = 0;
            regret_match(&r[a * k], k, &q[a * k]);
            for (int c = 0; c < k; ++c) copy_expected += q[a * k + c] * value[b + c];
            for (int c = 0; c < k; ++c) r[a * k + c] += mix[b + a] * (value[b + c] - copy_expected);
            regret_match(&r[a * k], k, &q[a * k]);
          }
          stationary(q, k, &mix[b], work);
          break;
        }
      }
    }
    if (options.log && options.log_every > 0 && t % options.log_every == 0) {
      const auto log_start = std::chrono::steady_clock::now();
      std::vector<double> average(result.joint);
      for (auto& p : average) p /= static_cast<double>(t);
      const double gap = certify_distribution(game, average, result.concept_target).max_gain;
      logging += std::chrono::duration<double>(std::chrono::steady_clock::now() - log_start).count();
      options.log(t, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() - logging, gap);
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() - logging;
  for (auto& p : result.joint) p /= static_cast<double>(std::max<std::int64_t>(1, result.iterations));
  return result;
}

}  // namespace equilibria
