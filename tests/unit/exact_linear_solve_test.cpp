#include "equilibria/core/exact_linear_solve.hpp"

#include <gtest/gtest.h>

namespace equilibria {
namespace {

TEST(ExactLinearSolve, SolvesRationalSystems) {
  // 2x + y = 1, x/2 - 3y = 1/3  ->  x = 20/39, y = -1/39
  const auto z = solve_exact({2, 1, Rational(1, 2), -3}, {1, Rational(1, 3)}, 2);
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ((*z)[0], Rational(20, 39));
  EXPECT_EQ((*z)[1], Rational(-1, 39));
}

TEST(ExactLinearSolve, NeedsRowExchangesAndDetectsSingularity) {
  const auto z = solve_exact({0, 1, 0, 0, 0, 1, 1, 0, 0}, {7, 8, 9}, 3);
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(*z, (std::vector<Rational>{9, 7, 8}));
  EXPECT_FALSE(solve_exact({1, 2, 2, 4}, {1, 1}, 2).has_value());
}

TEST(ExactLinearSolve, HilbertMatrixExactly) {
  // The 6x6 Hilbert matrix is notoriously ill-conditioned; exact arithmetic does not care.
  const int k = 6;
  std::vector<Rational> h(k * k), rhs(k, 0);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) h[i * k + j] = Rational(1, i + j + 1);
  }
  std::vector<Rational> want{1, -2, 3, -4, 5, -6};
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) rhs[i] += h[i * k + j] * want[j];
  }
  const auto z = solve_exact(h, rhs, k);
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(*z, want);
}

}  // namespace
}  // namespace equilibria
