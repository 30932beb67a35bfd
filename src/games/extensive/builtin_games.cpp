#include "equilibria/games/extensive/builtin_games.hpp"

#include <stdexcept>

#include "equilibria/games/extensive/poker.hpp"

namespace equilibria {

const std::vector<std::string>& builtin_game_names() {
  static const std::vector<std::string> names{"kuhn", "leduc"};
  return names;
}

GameTree builtin_game(const std::string& name) {
  if (name == "kuhn") return kuhn_poker();
  if (name == "leduc") return leduc_poker();
  std::string known;
  for (const auto& n : builtin_game_names()) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("unknown game '" + name + "' (built in: " + known + ")");
}

}  // namespace equilibria
