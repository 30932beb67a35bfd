#pragma once
// A game tree repacked for regret-minimisation sweeps: one small record per
// node, and per edge its child (-1 for a leaf), chance probability and the
// leaf's payoffs, so a sweep reads leaves from the edge in hand. Shared by
// full-width CFR and Monte-Carlo CFR.
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"

namespace equilibria::cfr_detail {

struct PackedTree {
  struct Node {
    int first_edge;
    int num_children;
    int action_begin;  // -1: chance
    int player;        // -1: chance
  };
  std::vector<Node> nodes;
  std::vector<int> edge_child;    // -1 where the child is a leaf
  std::vector<double> edge_prob;  // chance edges
  std::vector<double> edge_leaf;  // player-major leaf payoffs per edge
  int num_edges = 0;
  int max_width = 1;              // most children of any node
  int depth = 1;                  // nodes on the longest root-leaf path

  explicit PackedTree(const GameTree& tree);
  const double* leaf(int player) const { return edge_leaf.data() + static_cast<std::size_t>(player) * num_edges; }
  std::size_t bytes() const;
  // A hash of everything a sweep reads (structure, chance probabilities,
  // payoffs as doubles), 16 hex digits: a checkpoint's game identity.
  std::string fingerprint() const;
};

// Regret matching: play in proportion to positive `regret`, uniformly when none.
inline void regret_matching(const double* regret, int k, double* out) {
  double total = 0;
  for (int a = 0; a < k; ++a) total += out[a] = regret[a] > 0 ? regret[a] : 0.0;
  for (int a = 0; a < k; ++a) out[a] = total > 0 ? out[a] / total : 1.0 / k;
}

}  // namespace equilibria::cfr_detail
