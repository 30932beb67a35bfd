#include "correlated_objective.hpp"

#include "equilibria/core/input_error.hpp"

namespace equilibria::cli {

CorrelatedObjective parse_correlated_objective(const std::string& text, int players) {
  CorrelatedObjective o;
  if (text == "welfare") return o;
  if (text == "min-player") {
    o.kind = CorrelatedObjective::Kind::kMinPlayer;
    return o;
  }
  if (text == "none") {
    o.kind = CorrelatedObjective::Kind::kNone;
    return o;
  }
  if (text.rfind("player:", 0) == 0) {
    try {
      std::size_t used = 0;
      const int k = std::stoi(text.substr(7), &used);
      if (used == text.size() - 7 && k >= 1 && k <= players) {
        o.kind = CorrelatedObjective::Kind::kPlayer;
        o.player = k - 1;
        return o;
      }
    } catch (const std::exception&) {
    }
  }
  throw InputError("--objective", 0,
                   "expected welfare, min-player, none or player:K with K from 1 to " + std::to_string(players));
}

}  // namespace equilibria::cli
