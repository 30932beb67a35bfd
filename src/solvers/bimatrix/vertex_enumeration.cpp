#include "vertex_enumeration.hpp"

#include <algorithm>
#include <cmath>

#include "label_set_table.hpp"

namespace equilibria::bimatrix {
namespace {

template <class T>
double magnitude(const T& x) {
  if constexpr (std::is_same_v<T, double>) {
    return std::abs(x);
  } else {
    return sgn(x) == 0 ? 0.0 : 1.0;  // exact: any nonzero pivot is as good as another
  }
}

// Labels carried by the vertex of a tableau: a zero variable carries its label.
template <class T>
LabelSet vertex_labels(const Bimatrix& g, Side side, const PivotTableau<T>& t) {
  LabelSet labels;
  for (int c = 0; c < t.cols(); ++c) {
    const int row = t.row_of(c);
    if (row < 0 || PivotTableau<T>::is_zero(t.rhs(row))) labels.insert(column_label(g, side, c));
  }
  return labels;
}

// Pivots `basis`'s columns into a copy of the starting tableau, choosing the
// largest available pivot (Gauss-Jordan with partial pivoting).
template <class T>
std::optional<PivotTableau<T>> refactor(const PivotTableau<T>& start, const std::vector<int>& basis) {
  PivotTableau<T> t = start;
  std::vector<char> wanted(t.cols(), 0);
  for (int c : basis) wanted[c] = 1;
  for (int c : basis) {
    if (t.row_of(c) >= 0) continue;
    int best = -1;
    double best_size = 0;
    for (int r = 0; r < t.rows(); ++r) {
      if (wanted[t.basic(r)]) continue;  // that row already holds a basis column
      const double size = magnitude(t.at(r, c));
      if (size > best_size) {
        best = r;
        best_size = size;
      }
    }
    if (best < 0 || PivotTableau<T>::is_zero(t.at(best, c))) return std::nullopt;
    t.pivot(best, c);
  }
  return t;
}

}  // namespace

template <class T>
std::optional<PivotTableau<T>> tableau_for_basis(const Bimatrix& g, Side side, const std::vector<int>& basis) {
  return refactor(polytope_tableau<T>(g, side), basis);
}

std::vector<int> columns_of(const LabelSet& basis, int cols) {
  std::vector<int> out;
  for (int c = 0; c < cols; ++c) {
    if (basis.contains(c)) out.push_back(c);
  }
  return out;
}

template <class T>
std::optional<std::vector<PolytopeVertex>> enumerate_vertices(const Bimatrix& g, Side side,
                                                              const SolveControl& control) {
  const PivotTableau<T> start = polytope_tableau<T>(g, side);
  const int cols = start.cols();
  LabelSet first;
  for (int r = 0; r < start.rows(); ++r) first.insert(start.basic(r));
  // Depth-first: a stacked basis remembers the basis it was reached from and
  // the pivot that reaches it, so when that parent's tableau is the one in
  // hand (always for the first child popped) one pivot replaces a refactor.
  struct Pending {
    LabelSet basis, parent;
    int row, col;
  };
  LabelSetTable seen_bases, seen_vertices;
  seen_bases.insert(first);
  std::vector<PolytopeVertex> vertices;
  std::vector<Pending> stack{{first, first, -1, -1}};
  PivotTableau<T> t = start;
  LabelSet current = first;
  std::vector<int> ties;
  std::size_t expanded = 0;
  // Rounding grows along a chain of in-place pivots; rebuild now and then.
  constexpr int kMaxChain = 32;
  int chain = 0;
  while (!stack.empty()) {
    if ((++expanded & 255) == 0 && control.should_stop()) return std::nullopt;
    const Pending next = stack.back();
    stack.pop_back();
    if (next.row >= 0 && next.parent == current && (std::is_same_v<T, Rational> || chain < kMaxChain)) {
      t.pivot(next.row, next.col);
      ++chain;
    } else if (!(next.basis == current)) {
      auto fresh = refactor(start, columns_of(next.basis, cols));
      if (!fresh) continue;  // cannot happen for a basis reached by a pivot; skip defensively
      t = std::move(*fresh);
      chain = 0;
    }
    current = next.basis;
    const LabelSet labels = vertex_labels(g, side, t);
    if (seen_vertices.insert(labels)) vertices.push_back({labels, current});
    for (int c = 0; c < cols; ++c) {
      if (t.row_of(c) >= 0) continue;
      t.min_ratio_rows(c, ties);
      for (int r : ties) {
        LabelSet child = current;
        child.erase(t.basic(r));
        child.insert(c);
        if (seen_bases.insert(child)) stack.push_back({child, current, r, c});
      }
    }
  }
  return vertices;
}

template std::optional<std::vector<PolytopeVertex>> enumerate_vertices<double>(const Bimatrix&, Side,
                                                                               const SolveControl&);
template std::optional<std::vector<PolytopeVertex>> enumerate_vertices<Rational>(const Bimatrix&, Side,
                                                                                 const SolveControl&);
template std::optional<PivotTableau<double>> tableau_for_basis(const Bimatrix&, Side, const std::vector<int>&);
template std::optional<PivotTableau<Rational>> tableau_for_basis(const Bimatrix&, Side, const std::vector<int>&);

}  // namespace equilibria::bimatrix
