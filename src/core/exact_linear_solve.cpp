#include "equilibria/core/exact_linear_solve.hpp"

#include <utility>

namespace equilibria {

std::optional<std::vector<Rational>> solve_exact(const std::vector<Rational>& matrix, const std::vector<Rational>& rhs,
                                                 int k, const SolveControl& control) {
  // Augmented integer matrix: each row scaled by the lcm of its denominators.
  const int w = k + 1;
  std::vector<mpz_class> t(static_cast<std::size_t>(k) * w);
  for (int i = 0; i < k; ++i) {
    mpz_class scale = 1;
    for (int j = 0; j < k; ++j) mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), matrix[i * k + j].get_den_mpz_t());
    mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), rhs[i].get_den_mpz_t());
    for (int j = 0; j < k; ++j) t[i * w + j] = matrix[i * k + j].get_num() * (scale / matrix[i * k + j].get_den());
    t[i * w + k] = rhs[i].get_num() * (scale / rhs[i].get_den());
  }
  // Edmonds' integer-preserving Gauss-Jordan: every division below is exact.
  mpz_class previous = 1, tmp;
  for (int p = 0; p < k; ++p) {
    if (control.should_stop()) return std::nullopt;
    int pivot_row = -1;
    for (int i = p; i < k; ++i) {
      if (t[i * w + p] != 0) {
        pivot_row = i;
        break;
      }
    }
    if (pivot_row < 0) return std::nullopt;
    if (pivot_row != p) {
      for (int j = 0; j < w; ++j) std::swap(t[p * w + j], t[pivot_row * w + j]);
    }
    const mpz_class pivot = t[p * w + p];
    for (int i = 0; i < k; ++i) {
      if (i == p) continue;
      const mpz_class factor = t[i * w + p];
      for (int j = 0; j < w; ++j) {
        if (j == p) continue;
        tmp = pivot * t[i * w + j];
        tmp -= factor * t[p * w + j];
        mpz_divexact(t[i * w + j].get_mpz_t(), tmp.get_mpz_t(), previous.get_mpz_t());
      }
      t[i * w + p] = 0;
    }
    previous = pivot;
  }
  // Every diagonal entry now equals the determinant; row i reads det * z_i = rhs_i.
  std::vector<Rational> z(k);
  for (int i = 0; i < k; ++i) {
    z[i] = Rational(t[i * w + k], t[i * w + i]);
    z[i].canonicalize();
  }
  return z;
}

}  // namespace equilibria
