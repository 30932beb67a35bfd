#include <sstream>

#include "equilibria/io/nfg.hpp"

namespace equilibria {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

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
  out << "NFG 1 R " << quoted(game.labels().title) << " {";
  for (int p = 0; p < n; ++p) out << ' ' << quoted(game.labels().players[p]);
  out << " }\n\n";
  if (has_strategy_names(game)) {
    out << "{\n";
    for (int p = 0; p < n; ++p) {
      out << "{";
      for (int s = 0; s < game.num_strategies(p); ++s) out << ' ' << quoted(game.strategy_label(p, s));
      out << " }\n";
    }
    out << "}\n";
  } else {
    out << "{";
    for (int p = 0; p < n; ++p) out << ' ' << game.num_strategies(p);
    out << " }\n";
  }
  out << quoted(game.labels().comment) << "\n\n";
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    for (int p = 0; p < n; ++p) out << (p ? " " : "") << to_string(game.payoff(p, i));
    out << '\n';
  }
  return out.str();
}

}  // namespace equilibria
