#include "vertex_enumeration.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

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

}  // namespace

template <class T>
std::optional<PivotTableau<T>> tableau_for_basis(const Bimatrix& g, Side side, const std::vector<int>& basis) {
  PivotTableau<T> t = polytope_tableau<T>(g, side);
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
  std::unordered_set<LabelSet, LabelSetHash> seen_bases{first};
  std::unordered_set<LabelSet, LabelSetHash> seen_vertices;
  std::vector<PolytopeVertex> vertices;
  std::vector<LabelSet> stack{first};
  std::size_t expanded = 0;
  while (!stack.empty()) {
    if ((++expanded & 255) == 0 && control.should_stop()) return std::nullopt;
    const LabelSet basis = stack.back();
    stack.pop_back();
    const auto t = tableau_for_basis<T>(g, side, columns_of(basis, cols));
    if (!t) continue;  // cannot happen for a basis reached by a pivot; skip defensively
    const LabelSet labels = vertex_labels(g, side, *t);
    if (seen_vertices.insert(labels).second) vertices.push_back({labels, basis});
    for (int c = 0; c < cols; ++c) {
      if (t->row_of(c) >= 0) continue;
      for (int r : t->min_ratio_rows(c)) {
        LabelSet next = basis;
        next.erase(t->basic(r));
        next.insert(c);
        if (seen_bases.insert(next).second) stack.push_back(next);
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
