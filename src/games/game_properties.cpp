#include "equilibria/games/game_properties.hpp"

namespace equilibria {

std::optional<Rational> constant_sum(const StrategicGame& game) {
  const int n = game.num_players();
  Rational first(0), sum(0);
  for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
    sum = 0;
    for (int p = 0; p < n; ++p) sum += game.payoff(p, i);
    if (i == 0) {
      first = sum;
    } else if (sum != first) {
      return std::nullopt;
    }
  }
  return first;
}

bool is_symmetric(const StrategicGame& game) {
  const int n = game.num_players();
  for (int p = 1; p < n; ++p) {
    if (game.num_strategies(p) != game.num_strategies(0)) return false;
  }
  for (int a = 0; a + 1 < n; ++a) {
    const int b = a + 1;
    const std::int64_t sa = game.stride(a), sb = game.stride(b);
    const int k = game.num_strategies(a);
    for (std::int64_t i = 0; i < game.num_profiles(); ++i) {
      const std::int64_t ta = (i / sa) % k, tb = (i / sb) % k;
      const std::int64_t j = i + (tb - ta) * sa + (ta - tb) * sb;  // a and b swap strategies
      for (int p = 0; p < n; ++p) {
        const int q = p == a ? b : (p == b ? a : p);
        if (game.payoff(p, i) != game.payoff(q, j)) return false;
      }
    }
  }
  return true;
}

}  // namespace equilibria
