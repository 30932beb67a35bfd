#pragma once
// A two-player strategic game seen as two m x n payoff matrices (row-major):
// A for the row player, B for the column player. Exact values and doubles
// (both scaled alike when the values exceed double's comfortable range).
#include <vector>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct Bimatrix {
  int m = 0, n = 0;
  std::vector<Rational> a, b;  // a[i * n + j]
  std::vector<double> a_approx, b_approx;

  const Rational& A(int i, int j) const { return a[i * n + j]; }
  const Rational& B(int i, int j) const { return b[i * n + j]; }
};

// Throws std::invalid_argument unless the game has exactly two players.
Bimatrix bimatrix_of(const StrategicGame& game);

// The same game with the constant added to every payoff of both players so
// that all are >= 1: the form the best-response polytopes need.
Bimatrix shifted_positive(const Bimatrix& game);

}  // namespace equilibria
