#include "equilibria/solvers/cfr/cfr.hpp"

#include "equilibria/solvers/cfr/checkpoint.hpp"
#include "equilibria/solvers/cfr/packed_tree.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace equilibria {

CfrVariant cfr_variant(const std::string& name) {
  if (name == "cfr") return CfrVariant::kVanilla;
  if (name == "cfr+") return CfrVariant::kPlus;
  if (name == "linear-cfr") return CfrVariant::kLinear;
  if (name == "dcfr") return CfrVariant::kDiscounted;
  if (name == "pcfr+") return CfrVariant::kPredictivePlus;
  throw std::invalid_argument("unknown CFR variant '" + name + "'");
}

const char* to_string(CfrVariant v) {
  switch (v) {
    case CfrVariant::kVanilla: return "cfr";
    case CfrVariant::kPlus: return "cfr+";
    case CfrVariant::kLinear: return "linear-cfr";
    case CfrVariant::kDiscounted: return "dcfr";
    case CfrVariant::kPredictivePlus: return "pcfr+";
  }
  return "cfr";
}

namespace {

const GameTree& with_perfect_recall(const GameTree& tree) {
  if (!tree.perfect_recall()) throw std::invalid_argument("CFR needs perfect recall: " + tree.perfect_recall_problem());
  return tree;
}

}  // namespace

CfrSolver::CfrSolver(const GameTree& tree, CfrOptions options)
    : tree_(with_perfect_recall(tree)), options_(options), packed_(tree) {
  const int actions = tree.num_global_actions();
  sequence_reach_.assign(actions, 0.0);
  regret_.assign(actions, 0.0);
  strategy_sum_.assign(actions, 0.0);
  current_.assign(actions, 0.0);
  instant_.assign(actions, 0.0);
  prediction_.assign(actions, 0.0);
  scratch_.assign(static_cast<std::size_t>(packed_.depth + 1) * packed_.max_width * tree.num_players(), 0.0);
  optimistic_.assign(packed_.max_width, 0.0);
  for (int p = 0; p < tree.num_players(); ++p) update_strategy(p);
}

// Regret matching (+ the prediction for predictive CFR+): play in proportion
// to positive regret, uniformly when there is none.
void CfrSolver::update_strategy(int player) {
  const bool predictive = options_.variant == CfrVariant::kPredictivePlus;
  for (int i : tree_.infosets_of(player)) {
    const int b = tree_.action_begin(i), k = tree_.num_actions(i);
    const double* basis = &regret_[b];
    if (predictive) {  // regret matching on regret + prediction
      for (int a = 0; a < k; ++a) optimistic_[a] = regret_[b + a] + prediction_[b + a];
      basis = optimistic_.data();
    }
    cfr_detail::regret_matching(basis, k, &current_[b]);
  }
}

// Returns the player's expected value at `node` weighted as usual; where the
// others and chance never reach `node` no regret can change below and the
// value is never used (it is multiplied by a zero probability above), so the
// subtree is skipped.
double CfrSolver::traverse(int node, int player, double other_reach, int depth) {
  if (other_reach == 0) return 0;
  const auto& n = packed_.nodes[node];
  const int e0 = n.first_edge, k = n.num_children;
  // A terminal child is read from its edge; only inner children are visited.
  const double* leaf = packed_.leaf(player);
  auto value_of = [&](int e, double reach) {
    const int c = packed_.edge_child[e];
    return c < 0 ? leaf[e] : traverse(c, player, reach, depth + 1);
  };
  if (n.action_begin < 0) {  // chance
    double value = 0;
    for (int e = e0; e < e0 + k; ++e) {
      const double p = packed_.edge_prob[e];
      if (p > 0) value += p * value_of(e, other_reach * p);
    }
    return value;
  }
  const double* sigma = &current_[n.action_begin];
  if (n.player != player) {
    double value = 0;
    for (int a = 0; a < k; ++a) {
      if (sigma[a] > 0) value += sigma[a] * value_of(e0 + a, other_reach * sigma[a]);
    }
    return value;
  }
  double* child = &scratch_[static_cast<std::size_t>(depth) * packed_.max_width];
  double value = 0;
  for (int a = 0; a < k; ++a) {
    child[a] = value_of(e0 + a, other_reach);
    value += sigma[a] * child[a];
  }
  double* instant = &instant_[n.action_begin];
  for (int a = 0; a < k; ++a) instant[a] += other_reach * (child[a] - value);
  return value;
}

// Adds the current strategy of `player`, weighted by the player's own reach,
// to the strategy sums. Under perfect recall every node of an information set
// has the same own reach, the product of the player's probabilities along its
// sequence, so this needs one pass over the information sets (parents come
// first in their order), not over the tree. (Summing once per node instead
// would scale each set's sums by its node count, which normalising cancels.)
void CfrSolver::accumulate_average(int player) {
  for (int i : tree_.infosets_of(player)) {
    const int s = tree_.parent_sequence(i);
    const double reach = s < 0 ? 1.0 : sequence_reach_[s];
    const int b = tree_.action_begin(i), k = tree_.num_actions(i);
    for (int a = b; a < b + k; ++a) {
      sequence_reach_[a] = reach * current_[a];
      strategy_sum_[a] += average_weight_ * sequence_reach_[a];
    }
  }
}

// Simultaneous updates: one sweep computes every player's value; reach[p] is
// player p's own reach (chance's at index players).
void CfrSolver::traverse_all(int node, const double* reach, double* values, int depth) {
  const int n = tree_.num_players();
  if (tree_.kind(node) == NodeKind::kTerminal) {
    for (int p = 0; p < n; ++p) values[p] = tree_.payoff<double>(node, p);
    return;
  }
  const int k = tree_.num_children(node);
  double* child = &scratch_[static_cast<std::size_t>(depth) * packed_.max_width * n];
  std::vector<double> next(reach, reach + n + 1);  // small: players + chance
  const bool chance = tree_.kind(node) == NodeKind::kChance;
  const int mover = chance ? n : tree_.player(node);
  const double* sigma = chance ? nullptr : &current_[tree_.action_begin(tree_.infoset(node))];
  for (int p = 0; p < n; ++p) values[p] = 0;
  for (int a = 0; a < k; ++a) {
    const double pr = chance ? tree_.chance_prob<double>(node, a) : sigma[a];
    next[mover] = reach[mover] * pr;
    traverse_all(tree_.child(node, a), next.data(), child + a * n, depth + 1);
    for (int p = 0; p < n; ++p) values[p] += pr * child[a * n + p];
  }
  if (chance) return;
  double others = reach[n];
  for (int p = 0; p < n; ++p) {
    if (p != mover) others *= reach[p];
  }
  const int b = tree_.action_begin(tree_.infoset(node));
  for (int a = 0; a < k; ++a) instant_[b + a] += others * (child[a * n + mover] - values[mover]);
}

// Folds this iteration's instantaneous regrets of `player` into the totals.
void CfrSolver::finish_player(int player) {
  const double t = static_cast<double>(iteration_);
  double pos = 1, neg = 1;
  switch (options_.variant) {
    case CfrVariant::kLinear:
      pos = neg = t / (t + 1);
      break;
    case CfrVariant::kDiscounted: {
      const double ta = std::pow(t, options_.alpha), tb = std::pow(t, options_.beta);
      pos = ta / (ta + 1);
      neg = tb / (tb + 1);
      break;
    }
    default:
      break;
  }
  const bool floor = options_.variant == CfrVariant::kPlus || options_.variant == CfrVariant::kPredictivePlus;
  for (int i : tree_.infosets_of(player)) {
    const int b = tree_.action_begin(i), k = tree_.num_actions(i);
    for (int a = b; a < b + k; ++a) {
      double r = regret_[a];
      r = (r > 0 ? r * pos : r * neg) + instant_[a];
      regret_[a] = floor && r < 0 ? 0.0 : r;
      prediction_[a] = instant_[a];
      instant_[a] = 0;
    }
  }
}

void CfrSolver::run_iterations(std::int64_t count) {
  const int n = tree_.num_players();
  for (std::int64_t step = 0; step < count; ++step) {
    ++iteration_;
    const double t = static_cast<double>(iteration_);
    // Weight of this iteration in the average strategy.
    switch (options_.variant) {
      case CfrVariant::kVanilla: average_weight_ = 1; break;
      case CfrVariant::kPlus:
      case CfrVariant::kLinear: average_weight_ = t; break;
      case CfrVariant::kPredictivePlus: average_weight_ = t * t; break;
      case CfrVariant::kDiscounted: {
        // Discounting the sum by ((t-1)/t)^gamma each step equals weighting
        // iteration s by s^gamma, up to a common factor.
        average_weight_ = std::pow(t, options_.gamma);
        break;
      }
    }
    if (options_.alternating) {
      for (int p = 0; p < n; ++p) {
        accumulate_average(p);
        traverse(tree_.root(), p, 1.0, 0);
        finish_player(p);
        update_strategy(p);
      }
    } else {
      for (int p = 0; p < n; ++p) accumulate_average(p);
      std::vector<double> reach(n + 1, 1.0), values(n, 0.0);
      traverse_all(tree_.root(), reach.data(), values.data(), 0);
      for (int p = 0; p < n; ++p) {
        finish_player(p);
        update_strategy(p);
      }
    }
  }
}

Behavior<double> CfrSolver::average_policy() const {
  Behavior<double> avg(strategy_sum_.size());
  for (int i = 0; i < tree_.num_infosets(); ++i) {
    const int b = tree_.action_begin(i), k = tree_.num_actions(i);
    double total = 0;
    for (int a = 0; a < k; ++a) total += strategy_sum_[b + a];
    for (int a = 0; a < k; ++a) avg[b + a] = total > 0 ? strategy_sum_[b + a] / total : 1.0 / k;
  }
  return avg;
}

Behavior<double> CfrSolver::current_policy() const { return current_; }

std::vector<cfr_detail::CheckpointField> CfrSolver::checkpoint_options() const {
  using cfr_detail::checkpoint_number;
  return {{"method", to_string(options_.variant)},
          {"game", packed_.fingerprint()},
          {"updates", options_.alternating ? "alternating" : "simultaneous"},
          {"--alpha", checkpoint_number(options_.alpha)},
          {"--beta", checkpoint_number(options_.beta)},
          {"--gamma", checkpoint_number(options_.gamma)}};
}

std::string CfrSolver::snapshot() const {
  return cfr_detail::encode_checkpoint(checkpoint_options(), {{"iteration", static_cast<std::uint64_t>(iteration_)}},
                                       {&regret_, &strategy_sum_, &prediction_});
}

void CfrSolver::restore(const std::string& bytes) {
  std::uint64_t iteration = 0;
  cfr_detail::decode_checkpoint(bytes, checkpoint_options(), {{"iteration", &iteration, INT64_MAX}},
                                {{&regret_, false}, {&strategy_sum_, true}, {&prediction_, false}});
  iteration_ = static_cast<std::int64_t>(iteration);
  for (int q = 0; q < tree_.num_players(); ++q) update_strategy(q);
}

}  // namespace equilibria
