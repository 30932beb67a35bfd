#include "equilibria/solvers/cfr/packed_tree.hpp"

#include <algorithm>
#include <cstdio>

#include "equilibria/solvers/cfr/checkpoint.hpp"

namespace equilibria::cfr_detail {

PackedTree::PackedTree(const GameTree& tree) {
  num_edges = tree.num_nodes() - 1;
  nodes.resize(tree.num_nodes());
  edge_child.assign(num_edges, -1);
  edge_prob.assign(num_edges, 0.0);
  edge_leaf.assign(static_cast<std::size_t>(tree.num_players()) * num_edges, 0.0);
  std::vector<int> level(tree.num_nodes(), 1);
  for (int v = 0; v < tree.num_nodes(); ++v) {
    Node& n = nodes[v];
    n.first_edge = tree.edge_begin(v);
    n.num_children = tree.num_children(v);
    n.player = tree.kind(v) == NodeKind::kDecision ? tree.player(v) : -1;
    n.action_begin = tree.kind(v) == NodeKind::kDecision ? tree.action_begin(tree.infoset(v)) : -1;
    max_width = std::max(max_width, n.num_children);
    depth = std::max(depth, level[v]);
    for (int a = 0; a < n.num_children; ++a) {
      const int e = n.first_edge + a, c = tree.child(v, a);
      level[c] = level[v] + 1;
      if (tree.kind(v) == NodeKind::kChance) edge_prob[e] = tree.chance_prob<double>(v, a);
      if (tree.kind(c) != NodeKind::kTerminal) {
        edge_child[e] = c;
        continue;
      }
      for (int p = 0; p < tree.num_players(); ++p) {
        edge_leaf[static_cast<std::size_t>(p) * num_edges + e] = tree.payoff<double>(c, p);
      }
    }
  }
}

std::size_t PackedTree::bytes() const {
  return nodes.size() * sizeof(Node) + edge_child.size() * sizeof(int) +
         (edge_prob.size() + edge_leaf.size()) * sizeof(double);
}

std::string PackedTree::fingerprint() const {
  std::uint64_t h = fnv1a(nodes.data(), nodes.size() * sizeof(Node));
  h = fnv1a(edge_child.data(), edge_child.size() * sizeof(int), h);
  h = fnv1a(edge_prob.data(), edge_prob.size() * sizeof(double), h);
  h = fnv1a(edge_leaf.data(), edge_leaf.size() * sizeof(double), h);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace equilibria::cfr_detail
