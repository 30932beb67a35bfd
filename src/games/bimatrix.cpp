#include "equilibria/games/bimatrix.hpp"

#include <algorithm>
#include <stdexcept>

namespace equilibria {
namespace {

// Both matrices scaled alike (rational.hpp), so that their doubles are finite.
void fill_doubles(Bimatrix& g) {
  g.a_approx.resize(g.a.size());
  g.b_approx.resize(g.b.size());
  const int e = std::max(double_scale_exponent(g.a), double_scale_exponent(g.b));
  for (std::size_t k = 0; k < g.a.size(); ++k) {
    g.a_approx[k] = scaled_double(g.a[k], e);
    g.b_approx[k] = scaled_double(g.b[k], e);
  }
}

}  // namespace

Bimatrix bimatrix_of(const StrategicGame& game) {
  if (game.num_players() != 2) throw std::invalid_argument("this method needs a two-player game");
  Bimatrix g;
  g.m = game.num_strategies(0);
  g.n = game.num_strategies(1);
  g.a.resize(static_cast<std::size_t>(g.m) * g.n);
  g.b.resize(g.a.size());
  for (int i = 0; i < g.m; ++i) {
    for (int j = 0; j < g.n; ++j) {
      const std::int64_t profile = i + static_cast<std::int64_t>(j) * g.m;
      g.a[i * g.n + j] = game.payoff(0, profile);
      g.b[i * g.n + j] = game.payoff(1, profile);
    }
  }
  fill_doubles(g);
  return g;
}

Bimatrix shifted_positive(const Bimatrix& game) {
  Rational low = game.a[0];
  for (const auto& v : game.a) low = v < low ? v : low;
  for (const auto& v : game.b) low = v < low ? v : low;
  const Rational shift = Rational(1) - low;
  Bimatrix g = game;
  for (auto& v : g.a) v += shift;
  for (auto& v : g.b) v += shift;
  fill_doubles(g);
  return g;
}

}  // namespace equilibria
