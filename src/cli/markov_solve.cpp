#include "markov_solve.hpp"

#include <algorithm>

#include "equilibria/core/input_error.hpp"
#include "markov_methods.hpp"

namespace equilibria::cli {

Json markov_game_json(const MarkovGame& game) {
  Json g{{"players", game.num_players()}, {"states", game.num_states()}};
  if (game.discounted()) {
    g["discount"] = to_string(game.discount());
  } else {
    g["horizon"] = game.horizon();
  }
  return g;
}

const std::vector<std::string>& markov_method_names() {
  static const std::vector<std::string> names{"shapley", "hoffman-karp", "backward-induction", "independent"};
  return names;
}

int run_markov(const MarkovGame& game, const std::string& name, const MarkovSolveArgs& args) {
  const std::string method = !args.method.empty() ? args.method : game.discounted() ? "hoffman-karp" : "backward-induction";
  const auto& known = markov_method_names();
  if (std::find(known.begin(), known.end(), method) == known.end()) {
    throw InputError(name, 0, "method " + method + " does not apply to Markov games; use one of: shapley, hoffman-karp");
  }
  if (method == "shapley" || method == "hoffman-karp") return run_markov_zero_sum(game, name, method, args);
  if (method == "backward-induction") return run_markov_backward(game, name, args);
  if (method == "independent") return run_markov_independent(game, name, args);
  throw InputError(name, 0, "method " + method + " does not apply to Markov games");
}

}  // namespace equilibria::cli
