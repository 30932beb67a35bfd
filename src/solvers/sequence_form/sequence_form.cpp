#include "equilibria/solvers/sequence_form/sequence_form.hpp"

#include <map>
#include <stdexcept>

namespace equilibria {

SequenceForm sequence_form(const GameTree& tree) {
  if (tree.num_players() != 2) throw std::invalid_argument("the sequence form here needs a two-player game");
  if (!tree.perfect_recall()) throw std::invalid_argument("the sequence form needs perfect recall: " + tree.perfect_recall_problem());
  SequenceForm sf;
  sf.sequence_of_action.assign(tree.num_global_actions(), -1);
  for (int p = 0; p < 2; ++p) {
    sf.action_of_sequence[p].push_back(-1);
    for (int i : tree.infosets_of(p)) {
      for (int a = 0; a < tree.num_actions(i); ++a) {
        sf.sequence_of_action[tree.action_begin(i) + a] = static_cast<int>(sf.action_of_sequence[p].size());
        sf.action_of_sequence[p].push_back(tree.action_begin(i) + a);
      }
    }
    sf.sequences[p] = static_cast<int>(sf.action_of_sequence[p].size());
    // Row 0: x_empty = 1. Row 1 + k (k-th set of p): sum of its actions' sequences - parent = 0.
    sf.constraints[p] = 1 + static_cast<int>(tree.infosets_of(p).size());
    auto& m = sf.constraint_matrix[p];
    m.push_back({0, 0, Rational(1)});
    int row = 1;
    for (int i : tree.infosets_of(p)) {
      const int parent = tree.parent_sequence(i);
      m.push_back({row, parent < 0 ? 0 : sf.sequence_of_action[parent], Rational(-1)});
      for (int a = 0; a < tree.num_actions(i); ++a) m.push_back({row, sf.sequence_of_action[tree.action_begin(i) + a], Rational(1)});
      ++row;
    }
  }
  // Payoffs: each terminal adds its chance-weighted payoff at its pair of sequences.
  std::map<std::pair<int, int>, std::pair<Rational, Rational>> cells;
  for (const auto& leaf : leaf_sequences(tree, sf)) {
    auto& cell = cells[{leaf.sequence[0], leaf.sequence[1]}];
    cell.first += leaf.chance * tree.payoff<Rational>(leaf.node, 0);
    cell.second += leaf.chance * tree.payoff<Rational>(leaf.node, 1);
  }
  for (const auto& [key, value] : cells) {
    if (value.first != 0) sf.payoff[0].push_back({key.first, key.second, value.first});
    if (value.second != 0) sf.payoff[1].push_back({key.first, key.second, value.second});
  }
  return sf;
}

std::vector<LeafSequences> leaf_sequences(const GameTree& tree, const SequenceForm& sf) {
  std::vector<LeafSequences> leaves;
  std::vector<LeafSequences> stack{{tree.root(), {0, 0}, Rational(1)}};
  while (!stack.empty()) {
    LeafSequences f = std::move(stack.back());
    stack.pop_back();
    if (tree.kind(f.node) == NodeKind::kTerminal) {
      leaves.push_back(std::move(f));
      continue;
    }
    for (int a = 0; a < tree.num_children(f.node); ++a) {
      LeafSequences c{tree.child(f.node, a), {f.sequence[0], f.sequence[1]}, f.chance};
      if (tree.kind(f.node) == NodeKind::kChance) {
        c.chance *= tree.chance_prob<Rational>(f.node, a);
        if (c.chance == 0) continue;
      } else {
        c.sequence[tree.player(f.node)] = sf.sequence_of_action[tree.action_begin(tree.infoset(f.node)) + a];
      }
      stack.push_back(std::move(c));
    }
  }
  return leaves;
}

Behavior<Rational> behavior_from_plans(const GameTree& tree, const SequenceForm& sf, const std::vector<Rational>& x,
                                       const std::vector<Rational>& y) {
  Behavior<Rational> b(tree.num_global_actions());
  const std::vector<Rational>* plans[2] = {&x, &y};
  for (int i = 0; i < tree.num_infosets(); ++i) {
    const int p = tree.infoset_player(i), k = tree.num_actions(i);
    const auto& plan = *plans[p];
    Rational total(0);
    for (int a = 0; a < k; ++a) total += plan[sf.sequence_of_action[tree.action_begin(i) + a]];
    for (int a = 0; a < k; ++a) {
      const Rational& r = plan[sf.sequence_of_action[tree.action_begin(i) + a]];
      b[tree.action_begin(i) + a] = total > 0 ? Rational(r / total) : Rational(1, k);
    }
  }
  return b;
}

}  // namespace equilibria
