#include <sstream>

#include "equilibria/io/nfg.hpp"
#include "equilibria/io/tokenizer.hpp"

namespace equilibria {
namespace {

bool has_strategy_names(const StrategicGame& game) {
  for (const auto& names : game.labels().strategies) {
    for (const auto& name : names) {
      if (!name.empty()) return true;
    }
  }
  return false;
}

}  // namespace

std::string write_nfg(const StrategicGame& game) {
  std::ostringstream out;
  const int n = game.num_players();
  out << "NFG 1 R " << gambit_quoted(game.labels().title) << " {";
  for (int p = 0; p < n; ++p) out << ' ' << gambit_quoted(game.labels().players[p]);
  out << " }\n\n";
  if (has_strategy_names(game)) {
    out << "{\n";
    for (int p = 0; p < n; ++p) {
      out << "{";
      for (int s = 0; s < game.num_strategies(p); ++s) out << ' ' << gambit_quoted(game.strategy_label(p, s));
      out << " }\n";
    }
    out << "}\n";
  } else {
    out << "{";
    for (int p = 0; p < n; ++p) out << ' ' << game.num_strategies(p);
    out << " }\n";
  }
  out << gambit_quoted(game.labels().comment) << "\n\n";
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    for (int p = 0; p < n; ++p) out << (p ? " " : "") << to_string(game.payoff(p, i));
    out << '\n';
  }
  return out.str();
}

}  // namespace equilibria
