#pragma once
// Value and optimal strategies of a small dense zero-sum matrix game, by the
// simplex method on a dense tableau: the stage games of Shapley iteration
// and Hoffman-Karp are solved this way, thousands per sweep, so the solver
// keeps its workspace between calls and allocates nothing once warm.
#include <vector>

namespace equilibria {

template <class T>
class MatrixGameSolver {
 public:
  // a: m x n, row-major, the row player's payoff (the row player maximises).
  // Writes the value, the row player's optimal mix (m entries) and the
  // column player's (n entries). Doubles: tolerances relative to the
  // payoffs' spread, mixes non-negative and summing to 1 up to rounding.
  // Rationals: exact (Bland's rule, no tolerances).
  void solve(const T* a, int m, int n, T& value, T* row, T* column);

 private:
  std::vector<T> tableau_;
  std::vector<int> basis_;
};

}  // namespace equilibria
