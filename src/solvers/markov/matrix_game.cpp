#include "equilibria/solvers/markov/matrix_game.hpp"

#include <algorithm>
#include <cmath>

#include "equilibria/core/rational.hpp"

namespace equilibria {
namespace {

// Sign tests: exact for rationals, with a tolerance for doubles.
bool positive(double x, double eps) { return x > eps; }
bool positive(const Rational& x, const Rational&) { return sgn(x) > 0; }
bool negative(double x, double eps) { return x < -eps; }
bool negative(const Rational& x, const Rational&) { return sgn(x) < 0; }

}  // namespace

template <class T>
void MatrixGameSolver<T>::solve(const T* a, int m, int n, T& value, T* row, T* column) {
  // One player alone: a pure best action (exact in both arithmetics).
  if (m == 1 || n == 1) {
    int best = 0;
    if (m == 1) {
      for (int j = 1; j < n; ++j) best = a[j] < a[best] ? j : best;
      value = a[best];
      row[0] = 1;
      for (int j = 0; j < n; ++j) column[j] = j == best ? 1 : 0;
    } else {
      for (int i = 1; i < m; ++i) best = a[i] > a[best] ? i : best;
      value = a[best];
      column[0] = 1;
      for (int i = 0; i < m; ++i) row[i] = i == best ? 1 : 0;
    }
    return;
  }
  // Map payoffs affinely to B >= 1, so the game's value is positive, then
  // solve the column player's LP: max sum q s.t. B q <= 1, q >= 0. Its
  // optimum z gives B's value 1/z, column mix q/z, and the slacks' reduced
  // costs / z the row player's mix. Rationals shift (B = A + 1 - min A);
  // doubles also rescale into [1, 2], so that the pivoting tolerance means
  // the same whatever the payoffs' magnitude (1e13 or 1e38 alike).
  T low = a[0], high = a[0];
  for (int k = 1; k < m * n; ++k) {
    low = std::min(low, a[k]);
    high = std::max(high, a[k]);
  }
  if (!(low < high)) {
    // Constant payoffs: every mix is optimal.
    value = a[0];
    for (int i = 0; i < m; ++i) row[i] = i == 0 ? 1 : 0;
    for (int j = 0; j < n; ++j) column[j] = j == 0 ? 1 : 0;
    return;
  }
  const T shift = T(1) - low;
  T eps = T(0), unit = T(1);
  if constexpr (!std::is_same_v<T, Rational>) {
    eps = 1e-12;
    unit = 1 / (high - low);
  }
  const int width = n + m + 1;  // q columns, slack columns, right-hand side
  tableau_.assign(static_cast<std::size_t>(m + 1) * width, T(0));
  basis_.resize(m);
  for (int i = 0; i < m; ++i) {
    T* r = &tableau_[static_cast<std::size_t>(i) * width];
    for (int j = 0; j < n; ++j) {
      if constexpr (std::is_same_v<T, Rational>) {
        r[j] = a[i * n + j] + shift;
      } else {
        r[j] = 1 + (a[i * n + j] - low) * unit;
      }
    }
    r[n + i] = 1;
    r[width - 1] = 1;
    basis_[i] = n + i;
  }
  T* cost = &tableau_[static_cast<std::size_t>(m) * width];  // reduced costs of -sum q; its rhs becomes z
  for (int j = 0; j < n; ++j) cost[j] = -1;
  // Dantzig's rule, and Bland's once pivots repeat long enough to suggest a
  // degenerate cycle (always Bland's for rationals: it cannot cycle).
  const int bland_after = std::is_same_v<T, Rational> ? 0 : 4 * (m + n);
  for (int pivots = 0;; ++pivots) {
    int enter = -1;
    for (int j = 0; j < n + m; ++j) {
      if (!negative(cost[j], eps)) continue;
      if (pivots >= bland_after) {
        enter = j;
        break;
      }
      if (enter < 0 || cost[j] < cost[enter]) enter = j;
    }
    if (enter < 0) break;
    int leave = -1;
    T best_ratio = T(0);
    for (int i = 0; i < m; ++i) {
      const T& t = tableau_[static_cast<std::size_t>(i) * width + enter];
      if (!positive(t, eps)) continue;
      const T ratio = tableau_[static_cast<std::size_t>(i) * width + width - 1] / t;
      if (leave < 0 || ratio < best_ratio || (ratio == best_ratio && basis_[i] < basis_[leave])) {
        leave = i;
        best_ratio = ratio;
      }
    }
    if (leave < 0) break;  // unbounded cannot happen: B > 0 bounds q
    T* pr = &tableau_[static_cast<std::size_t>(leave) * width];
    const T inv = T(1) / pr[enter];
    for (int j = 0; j < width; ++j) pr[j] *= inv;
    for (int i = 0; i <= m; ++i) {
      if (i == leave) continue;
      T* r = &tableau_[static_cast<std::size_t>(i) * width];
      const T f = r[enter];
      if (f == 0) continue;
      for (int j = 0; j < width; ++j) r[j] -= f * pr[j];
    }
    basis_[leave] = enter;
  }
  const T z = cost[width - 1];
  for (int j = 0; j < n; ++j) column[j] = T(0);
  for (int i = 0; i < m; ++i) {
    if (basis_[i] < n) column[basis_[i]] = tableau_[static_cast<std::size_t>(i) * width + width - 1];
  }
  for (int i = 0; i < m; ++i) row[i] = cost[n + i];
  if constexpr (std::is_same_v<T, Rational>) {
    for (int j = 0; j < n; ++j) column[j] /= z;
    for (int i = 0; i < m; ++i) row[i] /= z;
    value = T(1) / z - shift;
  } else {
    // Rounding may leave tiny negatives: clip, then renormalise.
    auto normalise = [](T* x, int k) {
      T sum = 0;
      for (int i = 0; i < k; ++i) sum += x[i] = std::max(x[i], T(0));
      for (int i = 0; i < k; ++i) x[i] /= sum;
    };
    normalise(column, n);
    normalise(row, m);
    // x'Ay, not 1/z - shift: no cancellation when the payoffs sit far from 0.
    value = 0;
    for (int i = 0; i < m; ++i) {
      T r = 0;
      for (int j = 0; j < n; ++j) r += a[i * n + j] * column[j];
      value += row[i] * r;
    }
  }
}

template class MatrixGameSolver<double>;
template class MatrixGameSolver<Rational>;

}  // namespace equilibria
