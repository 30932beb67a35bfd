#include "best_response_polytope.hpp"

#include <algorithm>

#include "equilibria/core/exact_linear_solve.hpp"

namespace equilibria::bimatrix {

template <class T>
PivotTableau<T> polytope_tableau(const Bimatrix& g, Side side) {
  const bool row = side == Side::kRow;
  const int rows = row ? g.n : g.m;
  const int vars = row ? g.m : g.n;
  const int cols = vars + rows;
  std::vector<T> t(static_cast<std::size_t>(rows) * cols, T(0));
  double scale = 1;
  if constexpr (std::is_same_v<T, double>) {
    const auto& v = row ? g.b_approx : g.a_approx;
    scale = *std::max_element(v.begin(), v.end());
  }
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < vars; ++c) {
      // P: row j holds column j of B; Q: row i holds row i of A.
      const std::size_t k = row ? static_cast<std::size_t>(c) * g.n + r : static_cast<std::size_t>(r) * g.n + c;
      if constexpr (std::is_same_v<T, double>) {
        t[r * cols + c] = (row ? g.b_approx[k] : g.a_approx[k]) / scale;
      } else {
        t[r * cols + c] = row ? g.b[k] : g.a[k];
      }
    }
    t[r * cols + vars + r] = T(1);
  }
  return PivotTableau<T>(rows, cols, vars, std::move(t));
}

std::optional<std::vector<Rational>> exact_vertex(const Bimatrix& g, Side side, const std::vector<int>& support,
                                                  const std::vector<int>& tight, const SolveControl& control) {
  const bool row = side == Side::kRow;
  const int k = static_cast<int>(support.size());
  std::vector<Rational> point(row ? g.m : g.n, Rational(0));
  if (k != static_cast<int>(tight.size())) return std::nullopt;
  if (k == 0) return point;
  std::vector<Rational> matrix(static_cast<std::size_t>(k) * k);
  for (int r = 0; r < k; ++r) {
    for (int c = 0; c < k; ++c) {
      // P: (B^T x)_j = sum_i B[i][j] x_i;  Q: (A y)_i = sum_j A[i][j] y_j.
      matrix[r * k + c] = row ? g.B(support[c], tight[r]) : g.A(tight[r], support[c]);
    }
  }
  const auto z = solve_exact(matrix, std::vector<Rational>(k, Rational(1)), k, control);
  if (!z) return std::nullopt;
  for (int c = 0; c < k; ++c) point[support[c]] = (*z)[c];
  return point;
}

std::optional<std::vector<Rational>> exact_vertex_of_basis(const Bimatrix& g, Side side,
                                                           const std::vector<int>& basis) {
  const int vars = side == Side::kRow ? g.m : g.n;
  const int rows = side == Side::kRow ? g.n : g.m;
  std::vector<char> slack_basic(rows, 0);
  std::vector<int> support, tight;
  for (int c : basis) {
    if (c < vars) support.push_back(c);
    else slack_basic[c - vars] = 1;
  }
  std::sort(support.begin(), support.end());
  for (int r = 0; r < rows; ++r) {
    if (!slack_basic[r]) tight.push_back(r);  // nonbasic slack: the constraint holds with equality
  }
  return exact_vertex(g, side, support, tight);
}

MixedProfile<Rational> normalised_profile(const std::vector<Rational>& x, const std::vector<Rational>& y) {
  MixedProfile<Rational> profile({static_cast<int>(x.size()), static_cast<int>(y.size())});
  const std::vector<Rational>* parts[2] = {&x, &y};
  for (int p = 0; p < 2; ++p) {
    Rational sum(0);
    for (const auto& v : *parts[p]) sum += v;
    auto dst = profile.player(p);
    for (std::size_t s = 0; s < dst.size(); ++s) dst[s] = (*parts[p])[s] / sum;
  }
  return profile;
}

template PivotTableau<double> polytope_tableau(const Bimatrix&, Side);
template PivotTableau<Rational> polytope_tableau(const Bimatrix&, Side);

}  // namespace equilibria::bimatrix
