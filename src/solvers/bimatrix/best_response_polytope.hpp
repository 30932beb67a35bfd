#pragma once
// The best-response polytopes of a bimatrix game (A, B > 0):
//   P = { x >= 0 : B^T x <= 1 }  (row player; labels i: x_i = 0, m+j: (B^T x)_j = 1)
//   Q = { y >= 0 : A y <= 1 }    (column player; labels m+j: y_j = 0, i: (A y)_i = 1)
// A completely labelled pair (x, y) != (0, 0), normalised, is an equilibrium.
#include <optional>
#include <vector>

#include "equilibria/core/solve_control.hpp"

#include "equilibria/games/bimatrix.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "pivot_tableau.hpp"

namespace equilibria::bimatrix {

enum class Side { kRow, kColumn };

// Tableau for P (side kRow: n rows, columns x_0..x_{m-1} then s_0..s_{n-1}) or
// Q (kColumn: m rows, columns y_0..y_{n-1} then r_0..r_{m-1}). Doubles are
// scaled so the largest payoff is 1.
template <class T>
PivotTableau<T> polytope_tableau(const Bimatrix& shifted, Side side);

// Label of a tableau column: in P column c has label c; in Q, y_j has label
// m+j and r_i label i.
inline int column_label(const Bimatrix& g, Side side, int col) {
  if (side == Side::kRow) return col;
  return col < g.n ? g.m + col : col - g.n;
}
// The tableau column carrying `label`.
inline int label_column(const Bimatrix& g, Side side, int label) {
  if (side == Side::kRow) return label;
  return label < g.m ? g.n + label : label - g.m;
}

// The exact point of the polytope where the strategies `support` may be
// positive and the constraints `tight` hold with equality (|support| ==
// |tight|). Unnormalised, full length; nullopt when singular.
// nullopt also when `control` says stop (the solve is polled once per pivot).
std::optional<std::vector<Rational>> exact_vertex(const Bimatrix& shifted, Side side, const std::vector<int>& support,
                                                  const std::vector<int>& tight, const SolveControl& control = {});

// The exact vertex described by a basis (tableau columns).
std::optional<std::vector<Rational>> exact_vertex_of_basis(const Bimatrix& shifted, Side side,
                                                           const std::vector<int>& basis);

// Normalises a pair of nonzero polytope points into a mixed profile.
MixedProfile<Rational> normalised_profile(const std::vector<Rational>& x, const std::vector<Rational>& y);

}  // namespace equilibria::bimatrix
