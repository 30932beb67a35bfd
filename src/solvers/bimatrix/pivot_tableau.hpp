#pragma once
// A dense simplex tableau  T z = rhs  over double or Rational, with the
// lexicographic minimum-ratio test that keeps pivoting from cycling on
// degenerate games. The identity columns of the starting basis (the slacks)
// double as the lexicographic tie-breakers: they hold the basis inverse.
#include <cmath>
#include <type_traits>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria::bimatrix {

template <class T>
class PivotTableau {
 public:
  // rows x cols coefficients (row-major), the slack block at columns
  // [slack_begin, slack_begin + rows) forming the starting basis, rhs = 1.
  PivotTableau(int rows, int cols, int slack_begin, std::vector<T> coefficients)
      : PivotTableau(rows, cols, slack_begin, std::move(coefficients), std::vector<T>(rows, T(1))) {}

  // The same with any right-hand side (Lemke's algorithm starts infeasible).
  PivotTableau(int rows, int cols, int slack_begin, std::vector<T> coefficients, std::vector<T> rhs)
      : rows_(rows), cols_(cols), slack_begin_(slack_begin), t_(std::move(coefficients)), rhs_(std::move(rhs)),
        basis_(rows), row_of_(cols, -1) {
    for (int r = 0; r < rows; ++r) {
      basis_[r] = slack_begin + r;
      row_of_[slack_begin + r] = r;
    }
  }

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int basic(int row) const { return basis_[row]; }
  const std::vector<int>& basis() const { return basis_; }
  int row_of(int col) const { return row_of_[col]; }  // -1 when nonbasic
  const T& rhs(int row) const { return rhs_[row]; }
  const T& at(int row, int col) const { return t_[row * cols_ + col]; }

  // Lemke's first step: the row where `col` (the artificial variable, whose
  // column is negative) must enter to make every rhs non-negative: the
  // lexicographic minimum of (rhs, slack row) / -entry over rows with a
  // negative rhs. -1 when the rhs is already non-negative.
  int most_infeasible_row(int col) const {
    int best = -1;
    for (int r = 0; r < rows_; ++r) {
      if (!(rhs_[r] < 0) || !positive(T(-at(r, col)))) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      // Compare rhs/entry (both entries negative); smaller ratio = more infeasible.
      int c = compare_ratio(rhs_[r], T(-at(r, col)), rhs_[best], T(-at(best, col)));
      for (int k = 0; c == 0 && k < rows_; ++k) {
        c = compare_ratio(at(r, slack_begin_ + k), T(-at(r, col)), at(best, slack_begin_ + k), T(-at(best, col)));
      }
      if (c < 0) best = r;
    }
    return best;
  }

  // Rows whose basic variable may leave when `col` enters: those reaching the
  // minimum ratio rhs/entry, ties broken lexicographically. -1: unbounded.
  int leaving_row(int col) const {
    int best = -1;
    for (int r = 0; r < rows_; ++r) {
      if (!positive(at(r, col))) continue;
      if (best < 0 || lexicographically_smaller(r, best, col)) best = r;
    }
    return best;
  }

  // All rows attaining the minimum ratio (not lexicographically refined):
  // the degenerate alternatives a vertex enumeration must follow.
  void min_ratio_rows(int col, std::vector<int>& out) const {
    out.clear();
    T best{};
    for (int r = 0; r < rows_; ++r) {
      const T& e = at(r, col);
      if (!positive(e)) continue;
      if constexpr (std::is_same_v<T, double>) {
        const double ratio = rhs_[r] / e;
        if (out.empty() || ratio < best - kEps * (1.0 + std::abs(best))) {
          out.assign(1, r);
          best = ratio;
        } else if (ratio <= best + kEps * (1.0 + std::abs(best))) {
          out.push_back(r);
        }
      } else {
        const int c = out.empty() ? -1 : compare_ratio(rhs_[r], e, rhs_[out[0]], at(out[0], col));
        if (c < 0) out.assign(1, r);
        else if (c == 0) out.push_back(r);
      }
    }
  }

  void pivot(int row, int col) {
    T* pr = &t_[row * cols_];
    const T inv = T(1) / pr[col];
    for (int j = 0; j < cols_; ++j) pr[j] *= inv;
    rhs_[row] *= inv;
    pr[col] = T(1);
    T f;
    for (int r = 0; r < rows_; ++r) {
      if (r == row) continue;
      T* q = &t_[r * cols_];
      f = q[col];
      if (is_zero(f)) continue;
      for (int j = 0; j < cols_; ++j) q[j] -= f * pr[j];
      rhs_[r] -= f * rhs_[row];
      q[col] = T(0);
    }
    row_of_[basis_[row]] = -1;
    basis_[row] = col;
    row_of_[col] = row;
  }

  static bool positive(const T& x) {
    if constexpr (std::is_same_v<T, double>) {
      return x > kEps;
    } else {
      return sgn(x) > 0;
    }
  }
  static bool is_zero(const T& x) {
    if constexpr (std::is_same_v<T, double>) {
      return std::abs(x) <= kEps;
    } else {
      return sgn(x) == 0;
    }
  }

 private:
  // Tolerance for doubles; the games are scaled so payoffs lie in (0, 1].
  static constexpr double kEps = 1e-9;

  // sign of a/b - c/d for b, d > 0
  static int compare_ratio(const T& a, const T& b, const T& c, const T& d) {
    if constexpr (std::is_same_v<T, double>) {
      const double x = a / b, y = c / d;
      const double tol = kEps * (1.0 + std::abs(x) + std::abs(y));
      return x < y - tol ? -1 : (x > y + tol ? 1 : 0);
    } else {
      return sgn(a * d - c * b);
    }
  }

  bool lexicographically_smaller(int r, int s, int col) const {
    const int c = compare_ratio(rhs_[r], at(r, col), rhs_[s], at(s, col));
    if (c != 0) return c < 0;
    for (int k = 0; k < rows_; ++k) {
      const int d = compare_ratio(at(r, slack_begin_ + k), at(r, col), at(s, slack_begin_ + k), at(s, col));
      if (d != 0) return d < 0;
    }
    return false;
  }

  int rows_, cols_, slack_begin_;
  std::vector<T> t_;
  std::vector<T> rhs_;
  std::vector<int> basis_;
  std::vector<int> row_of_;
};

}  // namespace equilibria::bimatrix
