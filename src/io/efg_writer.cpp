#include <sstream>

#include "equilibria/io/efg.hpp"
#include "equilibria/io/tokenizer.hpp"

namespace equilibria {

std::string write_efg(const GameTree& tree) {
  std::ostringstream out;
  out << "EFG 2 R " << gambit_quoted(tree.labels().title) << " {";
  for (int p = 0; p < tree.num_players(); ++p) out << ' ' << gambit_quoted(tree.labels().players[p]);
  out << " }\n" << gambit_quoted(tree.labels().comment) << "\n\n";
  // Each player's information sets are numbered in order of appearance.
  std::vector<int> number(tree.num_infosets());
  for (int p = 0; p < tree.num_players(); ++p) {
    const auto& sets = tree.infosets_of(p);
    for (std::size_t k = 0; k < sets.size(); ++k) number[sets[k]] = static_cast<int>(k) + 1;
  }
  std::vector<char> listed(tree.num_infosets(), 0);
  int chance_sets = 0, outcomes = 0;
  // Preorder node numbering makes the file order the node order.
  for (int v = 0; v < tree.num_nodes(); ++v) {
    switch (tree.kind(v)) {
      case NodeKind::kChance: {
        out << "c \"\" " << ++chance_sets << " \"\" {";
        for (int a = 0; a < tree.num_children(v); ++a) {
          out << ' ' << gambit_quoted(tree.chance_labels(v)[a]) << ' ' << to_string(tree.chance_prob<Rational>(v, a));
        }
        out << " } 0\n";
        break;
      }
      case NodeKind::kDecision: {
        const int i = tree.infoset(v);
        out << "p \"\" " << tree.player(v) + 1 << ' ' << number[i] << ' ' << gambit_quoted(tree.labels().infosets[i]);
        if (!listed[i]) {
          out << " {";
          for (int a = 0; a < tree.num_actions(i); ++a) out << ' ' << gambit_quoted(tree.labels().actions[i][a]);
          out << " }";
          listed[i] = 1;
        }
        out << " 0\n";
        break;
      }
      case NodeKind::kTerminal: {
        out << "t \"\" " << ++outcomes << " \"\" {";
        for (int p = 0; p < tree.num_players(); ++p) out << (p ? ", " : " ") << to_string(tree.payoff<Rational>(v, p));
        out << " }\n";
        break;
      }
    }
  }
  return out.str();
}

}  // namespace equilibria
