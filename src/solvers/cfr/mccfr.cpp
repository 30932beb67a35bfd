#include "equilibria/solvers/cfr/mccfr.hpp"

#include <cstdint>
#include <stdexcept>

#include "equilibria/solvers/cfr/checkpoint.hpp"

namespace equilibria {

MccfrSolver::MccfrSolver(const GameTree& tree, MccfrOptions options)
    : tree_(tree), options_(options), packed_(tree), rng_(options.seed) {
  if (!tree.perfect_recall()) throw std::invalid_argument("MCCFR needs perfect recall: " + tree.perfect_recall_problem());
  regret_.assign(tree.num_global_actions(), 0.0);
  strategy_sum_.assign(tree.num_global_actions(), 0.0);
  scratch_.assign(static_cast<std::size_t>(packed_.depth + 1) * 2 * packed_.max_width, 0.0);
}

// SplitMix64 step: small state, so the whole stream fits in a checkpoint.
double MccfrSolver::uniform01() {
  std::uint64_t z = (rng_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return (z >> 11) * (1.0 / 9007199254740992.0);
}

int MccfrSolver::sample(const double* probs, int k) {
  double u = uniform01();
  for (int a = 0; a < k - 1; ++a) {
    if (u < probs[a]) return a;
    u -= probs[a];
  }
  return k - 1;
}

double MccfrSolver::external(int node, int player, int depth) {
  const auto& n = packed_.nodes[node];
  const int e0 = n.first_edge, k = n.num_children;
  auto value_of = [&](int e) {
    const int c = packed_.edge_child[e];
    return c < 0 ? packed_.leaf(player)[e] : external(c, player, depth + 1);
  };
  if (n.action_begin < 0) return value_of(e0 + sample(&packed_.edge_prob[e0], k));
  double* sigma = &scratch_[static_cast<std::size_t>(depth) * 2 * packed_.max_width];
  cfr_detail::regret_matching(&regret_[n.action_begin], k, sigma);
  if (n.player != player) {
    // The others' average strategies are sampled where they are played.
    for (int a = 0; a < k; ++a) strategy_sum_[n.action_begin + a] += sigma[a];
    return value_of(e0 + sample(sigma, k));
  }
  double* child = sigma + packed_.max_width;
  double value = 0;
  for (int a = 0; a < k; ++a) {
    child[a] = value_of(e0 + a);
    value += sigma[a] * child[a];
  }
  for (int a = 0; a < k; ++a) regret_[n.action_begin + a] += child[a] - value;
  return value;
}

double MccfrSolver::outcome(int node, int player, double own_reach, double other_reach, double sample_reach,
                            double* tail, int depth) {
  const auto& n = packed_.nodes[node];
  const int e0 = n.first_edge, k = n.num_children;
  auto follow = [&](int e, double own, double other, double s, double* t) {
    const int c = packed_.edge_child[e];
    if (c < 0) {
      *t = 1;
      return packed_.leaf(player)[e] / s;
    }
    return outcome(c, player, own, other, s, t, depth + 1);
  };
  if (n.action_begin < 0) {  // chance is sampled on its own distribution: it cancels
    const int a = sample(&packed_.edge_prob[e0], k);
    return follow(e0 + a, own_reach, other_reach, sample_reach, tail);
  }
  double* sigma = &scratch_[static_cast<std::size_t>(depth) * 2 * packed_.max_width];
  double* explore = sigma + packed_.max_width;
  cfr_detail::regret_matching(&regret_[n.action_begin], k, sigma);
  const bool mine = n.player == player;
  for (int a = 0; a < k; ++a) explore[a] = mine ? options_.epsilon / k + (1 - options_.epsilon) * sigma[a] : sigma[a];
  const int a = sample(explore, k);
  double below = 1;
  const double u = mine ? follow(e0 + a, own_reach * sigma[a], other_reach, sample_reach * explore[a], &below)
                        : follow(e0 + a, own_reach, other_reach * sigma[a], sample_reach * explore[a], &below);
  if (mine) {
    const double w = u * other_reach;
    for (int b = 0; b < k; ++b) {
      regret_[n.action_begin + b] += b == a ? w * below * (1 - sigma[a]) : -w * below * sigma[a];
    }
  } else {
    const double weight = other_reach / sample_reach;
    for (int b = 0; b < k; ++b) strategy_sum_[n.action_begin + b] += weight * sigma[b];
  }
  *tail = below * sigma[a];
  return u;
}

void MccfrSolver::run_iterations(std::int64_t count) {
  for (std::int64_t step = 0; step < count; ++step) {
    ++iteration_;
    for (int p = 0; p < tree_.num_players(); ++p) {
      if (packed_.nodes.size() < 2) continue;  // a lone leaf: nothing to learn
      if (options_.sampling == MccfrSampling::kExternal) {
        external(tree_.root(), p, 0);
      } else {
        double tail = 1;
        outcome(tree_.root(), p, 1.0, 1.0, 1.0, &tail, 0);
      }
    }
  }
}

Behavior<double> MccfrSolver::average_policy() const {
  Behavior<double> avg(strategy_sum_.size());
  for (int i = 0; i < tree_.num_infosets(); ++i) {
    const int b = tree_.action_begin(i), k = tree_.num_actions(i);
    double total = 0;
    for (int a = b; a < b + k; ++a) total += strategy_sum_[a];
    for (int a = b; a < b + k; ++a) avg[a] = total > 0 ? strategy_sum_[a] / total : 1.0 / k;
  }
  return avg;
}

std::vector<cfr_detail::CheckpointField> MccfrSolver::checkpoint_options() const {
  return {{"method", options_.sampling == MccfrSampling::kExternal ? "mccfr-es" : "mccfr-os"},
          {"game", packed_.fingerprint()},
          {"--epsilon", cfr_detail::checkpoint_number(options_.epsilon)},
          {"--seed", std::to_string(options_.seed)}};
}

std::string MccfrSolver::snapshot() const {
  return cfr_detail::encode_checkpoint(checkpoint_options(),
                                       {{"iteration", static_cast<std::uint64_t>(iteration_)}, {"rng", rng_}},
                                       {&regret_, &strategy_sum_});
}

void MccfrSolver::restore(const std::string& bytes) {
  std::uint64_t iteration = 0, rng = 0;
  cfr_detail::decode_checkpoint(bytes, checkpoint_options(), {{"iteration", &iteration, INT64_MAX}, {"rng", &rng, UINT64_MAX}},
                                {{&regret_, false}, {&strategy_sum_, true}});
  iteration_ = static_cast<std::int64_t>(iteration);
  rng_ = rng;
}

}  // namespace equilibria
