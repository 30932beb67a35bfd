#pragma once
// An extensive-form game with imperfect information, built once into flat
// arrays. Nodes are numbered in depth-first preorder; a node's children are a
// contiguous run of `edges`. Information sets are numbered per player in
// order of first appearance (Gambit's order), and globally; every action of
// every information set has a global index, so strategies and regrets are
// flat arrays indexed by action. Chance probabilities and payoffs are exact,
// with doubles beside them.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria {

enum class NodeKind : std::uint8_t { kChance, kDecision, kTerminal };

struct TreeLabels {
  std::string title, comment;
  std::vector<std::string> players;
  std::vector<std::string> infosets;                 // per global information set
  std::vector<std::vector<std::string>> actions;     // per global information set
};

class GameTree {
 public:
  int num_players() const { return num_players_; }
  int num_nodes() const { return static_cast<int>(kind_.size()); }
  int root() const { return 0; }

  NodeKind kind(int node) const { return kind_[node]; }
  int player(int node) const { return player_[node]; }    // decision nodes: 0-based player, else -1
  int infoset(int node) const { return infoset_[node]; }  // decision nodes: global infoset, else -1
  int num_children(int node) const { return edge_begin_[node + 1] - edge_begin_[node]; }
  int child(int node, int a) const { return edges_[edge_begin_[node] + a]; }
  int edge_begin(int node) const { return edge_begin_[node]; }

  // Chance probability of the edge to child a of a chance node.
  template <class T>
  const T& chance_prob(int node, int a) const;
  // Payoff to `player` at a terminal node (outcomes along the path summed).
  template <class T>
  const T& payoff(int node, int player) const;

  int num_infosets() const { return static_cast<int>(infoset_player_.size()); }
  int infoset_player(int infoset) const { return infoset_player_[infoset]; }
  int num_actions(int infoset) const { return action_begin_[infoset + 1] - action_begin_[infoset]; }
  // Global index of the infoset's first action; actions of one infoset are consecutive.
  int action_begin(int infoset) const { return action_begin_[infoset]; }
  int num_global_actions() const { return action_begin_.back(); }
  // A player's information sets, in order of first appearance.
  const std::vector<int>& infosets_of(int player) const { return player_infosets_[player]; }
  // The player's sequence (a global action, or -1 for the empty sequence)
  // leading to the information set; defined under perfect recall.
  int parent_sequence(int infoset) const { return parent_sequence_[infoset]; }
  const std::vector<int>& nodes_of(int infoset) const { return infoset_nodes_[infoset]; }

  bool perfect_recall() const { return perfect_recall_problem_.empty(); }
  // Why the game lacks perfect recall ("" when it has it).
  const std::string& perfect_recall_problem() const { return perfect_recall_problem_; }

  const TreeLabels& labels() const { return labels_; }
  // Labels of a chance node's actions ("" where none were given).
  const std::vector<std::string>& chance_labels(int node) const { return chance_labels_[node]; }
  std::string player_label(int p) const;
  std::string action_label(int infoset, int a) const;

  // The largest payoff difference, for tolerances.
  double payoff_range() const;

 private:
  friend class GameTreeBuilder;
  int num_players_ = 0;
  std::vector<NodeKind> kind_;
  std::vector<int> player_, infoset_, edge_begin_, edges_;
  std::vector<Rational> chance_exact_;     // per edge (0 for non-chance edges)
  std::vector<double> chance_approx_;
  std::vector<int> terminal_index_;        // per node, -1 unless terminal
  std::vector<Rational> payoff_exact_;     // terminal_index * players + p
  std::vector<double> payoff_approx_;
  std::vector<int> infoset_player_, action_begin_{0}, parent_sequence_;
  std::vector<std::vector<int>> player_infosets_, infoset_nodes_;
  std::string perfect_recall_problem_;
  TreeLabels labels_;
  std::vector<std::vector<std::string>> chance_labels_;  // per node, empty unless chance
};

template <>
inline const Rational& GameTree::chance_prob<Rational>(int node, int a) const {
  return chance_exact_[edge_begin_[node] + a];
}
template <>
inline const double& GameTree::chance_prob<double>(int node, int a) const {
  return chance_approx_[edge_begin_[node] + a];
}
template <>
inline const Rational& GameTree::payoff<Rational>(int node, int p) const {
  return payoff_exact_[terminal_index_[node] * num_players_ + p];
}
template <>
inline const double& GameTree::payoff<double>(int node, int p) const {
  return payoff_approx_[terminal_index_[node] * num_players_ + p];
}

// Builds a GameTree from nodes given in depth-first preorder: each node names
// its parent (-1 for the root), and children attach in the order they come.
// Information sets are identified by (player, key); the first node of an
// information set fixes its number of actions.
class GameTreeBuilder {
 public:
  explicit GameTreeBuilder(int num_players);

  int chance(int parent, std::vector<Rational> probs, std::vector<std::string> action_labels = {});
  int decision(int parent, int player, const std::string& infoset_key, int num_actions,
               std::vector<std::string> action_labels = {}, const std::string& infoset_label = "");
  int terminal(int parent, std::vector<Rational> payoffs);

  // Throws std::invalid_argument when a node lacks children, an information
  // set mixes action counts, or probabilities are not a distribution.
  GameTree build(TreeLabels labels = {});

  int num_nodes() const { return static_cast<int>(parent_.size()); }

 private:
  int add(int parent, NodeKind kind);
  int num_players_;
  std::vector<int> parent_;
  std::vector<NodeKind> kind_;
  std::vector<int> player_, infoset_, declared_children_;
  std::vector<std::vector<Rational>> probs_, payoffs_;
  std::map<std::pair<int, std::string>, int> infoset_ids_;
  std::vector<int> infoset_player_, infoset_actions_;
  std::vector<std::string> infoset_labels_;
  std::vector<std::vector<std::string>> action_labels_;
  std::vector<std::vector<std::string>> chance_labels_;
};

}  // namespace equilibria
