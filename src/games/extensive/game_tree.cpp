#include "equilibria/games/extensive/game_tree.hpp"

#include <algorithm>
#include <stdexcept>

namespace equilibria {

std::string GameTree::player_label(int p) const {
  if (p < static_cast<int>(labels_.players.size()) && !labels_.players[p].empty()) return labels_.players[p];
  return "Player " + std::to_string(p + 1);
}

std::string GameTree::action_label(int infoset, int a) const {
  const auto& names = labels_.actions[infoset];
  if (a < static_cast<int>(names.size()) && !names[a].empty()) return names[a];
  return std::to_string(a + 1);
}

double GameTree::payoff_range() const {
  if (payoff_approx_.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(payoff_approx_.begin(), payoff_approx_.end());
  return *hi - *lo;
}

GameTreeBuilder::GameTreeBuilder(int num_players) : num_players_(num_players) {
  if (num_players < 1) throw std::invalid_argument("a game needs at least one player");
}

int GameTreeBuilder::add(int parent, NodeKind kind) {
  const int id = static_cast<int>(parent_.size());
  if (parent >= id || (parent < 0 && id > 0)) throw std::invalid_argument("nodes must come in preorder, root first");
  if (parent >= 0 && kind_[parent] == NodeKind::kTerminal) throw std::invalid_argument("a terminal node has no children");
  parent_.push_back(parent);
  kind_.push_back(kind);
  player_.push_back(-1);
  infoset_.push_back(-1);
  declared_children_.push_back(0);
  probs_.emplace_back();
  payoffs_.emplace_back();
  chance_labels_.emplace_back();
  return id;
}

int GameTreeBuilder::chance(int parent, std::vector<Rational> probs, std::vector<std::string> action_labels) {
  const int id = add(parent, NodeKind::kChance);
  if (probs.empty()) throw std::invalid_argument("a chance node needs at least one action");
  Rational sum(0);
  for (const auto& p : probs) {
    if (p < 0) throw std::invalid_argument("negative chance probability");
    sum += p;
  }
  if (sum != 1) throw std::invalid_argument("chance probabilities sum to " + to_string(sum) + ", not 1");
  declared_children_[id] = static_cast<int>(probs.size());
  action_labels.resize(probs.size());
  probs_[id] = std::move(probs);
  chance_labels_[id] = std::move(action_labels);
  return id;
}

int GameTreeBuilder::decision(int parent, int player, const std::string& infoset_key, int num_actions,
                              std::vector<std::string> action_labels, const std::string& infoset_label) {
  if (player < 0 || player >= num_players_) throw std::invalid_argument("player out of range");
  if (num_actions < 1) throw std::invalid_argument("a decision node needs at least one action");
  const int id = add(parent, NodeKind::kDecision);
  const auto [it, fresh] = infoset_ids_.emplace(std::make_pair(player, infoset_key), static_cast<int>(infoset_player_.size()));
  if (fresh) {
    infoset_player_.push_back(player);
    infoset_actions_.push_back(num_actions);
    infoset_labels_.push_back(infoset_label);
    action_labels.resize(num_actions);
    action_labels_.push_back(std::move(action_labels));
  } else if (infoset_actions_[it->second] != num_actions) {
    throw std::invalid_argument("information set '" + infoset_key + "' has nodes with " +
                                std::to_string(infoset_actions_[it->second]) + " and " + std::to_string(num_actions) +
                                " actions");
  }
  player_[id] = player;
  infoset_[id] = it->second;
  declared_children_[id] = num_actions;
  return id;
}

int GameTreeBuilder::terminal(int parent, std::vector<Rational> payoffs) {
  const int id = add(parent, NodeKind::kTerminal);
  if (static_cast<int>(payoffs.size()) != num_players_) throw std::invalid_argument("a terminal node needs one payoff per player");
  payoffs_[id] = std::move(payoffs);
  return id;
}

GameTree GameTreeBuilder::build(TreeLabels labels) {
  if (parent_.empty()) throw std::invalid_argument("the game has no nodes");
  const int n = static_cast<int>(parent_.size());
  GameTree t;
  t.num_players_ = num_players_;
  t.kind_ = kind_;
  t.player_ = player_;
  t.infoset_ = infoset_;
  // Children of each node, in creation order, as consecutive edges.
  std::vector<int> count(n, 0);
  for (int v = 1; v < n; ++v) ++count[parent_[v]];
  t.edge_begin_.assign(n + 1, 0);
  for (int v = 0; v < n; ++v) {
    if (count[v] != declared_children_[v]) {
      throw std::invalid_argument("node " + std::to_string(v + 1) + " has " + std::to_string(count[v]) +
                                  " children but " + std::to_string(declared_children_[v]) + " actions");
    }
    t.edge_begin_[v + 1] = t.edge_begin_[v] + count[v];
  }
  t.edges_.assign(t.edge_begin_[n], 0);
  std::vector<int> fill(t.edge_begin_.begin(), t.edge_begin_.end() - 1);
  for (int v = 1; v < n; ++v) t.edges_[fill[parent_[v]]++] = v;
  t.chance_exact_.assign(t.edges_.size(), Rational(0));
  t.chance_approx_.assign(t.edges_.size(), 0.0);
  t.terminal_index_.assign(n, -1);
  for (int v = 0; v < n; ++v) {
    if (kind_[v] == NodeKind::kChance) {
      for (int a = 0; a < count[v]; ++a) {
        t.chance_exact_[t.edge_begin_[v] + a] = probs_[v][a];
        t.chance_approx_[t.edge_begin_[v] + a] = probs_[v][a].get_d();
      }
    } else if (kind_[v] == NodeKind::kTerminal) {
      t.terminal_index_[v] = static_cast<int>(t.payoff_exact_.size()) / num_players_;
      for (const auto& x : payoffs_[v]) {
        t.payoff_exact_.push_back(x);
        t.payoff_approx_.push_back(x.get_d());
      }
    }
  }
  // Information sets: players, actions, nodes, and each player's order.
  const int k = static_cast<int>(infoset_player_.size());
  t.infoset_player_ = infoset_player_;
  t.player_infosets_.assign(num_players_, {});
  for (int i = 0; i < k; ++i) {
    t.action_begin_.push_back(t.action_begin_.back() + infoset_actions_[i]);
    t.player_infosets_[infoset_player_[i]].push_back(i);
  }
  t.infoset_nodes_.assign(k, {});
  for (int v = 0; v < n; ++v) {
    if (infoset_[v] >= 0) t.infoset_nodes_[infoset_[v]].push_back(v);
  }
  // Perfect recall: every node of an information set has the same last own
  // action (checked for every set, this makes whole own histories equal).
  std::vector<int> last(static_cast<std::size_t>(n) * num_players_, -1);
  t.parent_sequence_.assign(k, -2);
  for (int v = 0; v < n; ++v) {
    for (int a = 0; a < count[v]; ++a) {
      const int c = t.edges_[t.edge_begin_[v] + a];
      std::copy_n(&last[static_cast<std::size_t>(v) * num_players_], num_players_,
                  &last[static_cast<std::size_t>(c) * num_players_]);
      if (kind_[v] == NodeKind::kDecision) {
        last[static_cast<std::size_t>(c) * num_players_ + player_[v]] = t.action_begin_[infoset_[v]] + a;
      }
    }
    if (kind_[v] != NodeKind::kDecision) continue;
    const int seq = last[static_cast<std::size_t>(v) * num_players_ + player_[v]];
    int& known = t.parent_sequence_[infoset_[v]];
    if (known == -2) {
      known = seq;
    } else if (known != seq && t.perfect_recall_problem_.empty()) {
      const auto& own = t.player_infosets_[player_[v]];
      const auto position = std::find(own.begin(), own.end(), infoset_[v]) - own.begin();
      t.perfect_recall_problem_ = "information set " + std::to_string(position + 1) + " of player " +
                                  std::to_string(player_[v] + 1) +
                                  " (in order of appearance) is reached after different own actions";
    }
  }
  labels.players.resize(num_players_);
  labels.infosets = infoset_labels_;
  labels.actions = action_labels_;
  t.labels_ = std::move(labels);
  t.chance_labels_ = chance_labels_;
  return t;
}

}  // namespace equilibria
