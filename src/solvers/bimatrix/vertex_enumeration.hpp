#pragma once
// All vertices of a best-response polytope, by a breadth-first walk over its
// feasible bases (a hash set remembers the bases seen; every degenerate
// alternative of the ratio test is followed, so degenerate polytopes are
// covered: the graph of feasible bases is connected). Each basis's tableau is
// rebuilt from the game's data, so no rounding accumulates along the walk.
#include <optional>
#include <vector>

#include "best_response_polytope.hpp"
#include "equilibria/core/solve_control.hpp"
#include "label_set.hpp"

namespace equilibria::bimatrix {

struct PolytopeVertex {
  LabelSet labels;  // labels of the game (0..m+n-1) the vertex carries
  LabelSet basis;   // one basis defining it (tableau columns)
};

std::vector<int> columns_of(const LabelSet& basis, int cols);

// nullopt when stopped by `control`. Needs m + n <= kMaxLabels.
template <class T>
std::optional<std::vector<PolytopeVertex>> enumerate_vertices(const Bimatrix& shifted, Side side,
                                                              const SolveControl& control);

// The tableau of a basis, by Gauss-Jordan elimination from the starting
// (slack) tableau; nullopt when the columns are not a basis.
template <class T>
std::optional<PivotTableau<T>> tableau_for_basis(const Bimatrix& shifted, Side side, const std::vector<int>& basis);

}  // namespace equilibria::bimatrix
