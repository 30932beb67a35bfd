#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/solvers/lp/zero_sum_lp.hpp"
#include "equilibria/solvers/vi/affine_operator.hpp"
#include "equilibria/solvers/vi/bilinear_game.hpp"
#include "equilibria/solvers/vi/first_order_methods.hpp"
#include "equilibria/solvers/vi/projections.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "equilibria/verify/regret.hpp"
#include "test_games.hpp"

namespace equilibria::vi {
namespace {

TEST(SimplexProjection, IsTheNearestPointOfTheSimplex) {
  std::mt19937 rng(3);
  std::normal_distribution<double> normal(0, 2);
  for (int trial = 0; trial < 200; ++trial) {
    const int k = 1 + static_cast<int>(rng() % 7);
    std::vector<double> x(k), p;
    for (double& v : x) v = normal(rng);
    p = x;
    project_to_simplex(p.data(), k);
    double sum = 0;
    for (double v : p) {
      EXPECT_GE(v, 0);
      sum += v;
    }
    EXPECT_NEAR(sum, 1, 1e-12);
    // Optimality: (x - p) . (q - p) <= 0 at every vertex q of the simplex.
    for (int vertex = 0; vertex < k; ++vertex) {
      double inner = 0;
      for (int i = 0; i < k; ++i) inner += (x[i] - p[i]) * ((i == vertex ? 1.0 : 0.0) - p[i]);
      EXPECT_LE(inner, 1e-12);
    }
  }
}

// The exact certificate of an iterate (each mix taken exactly, normalised).
Certificate<Rational> exact_certificate(const StrategicGame& game, const std::vector<double>& z) {
  const int m = game.num_strategies(0);
  MixedProfile<Rational> p(game.strategy_counts());
  const auto x = normalised(std::vector<double>(z.begin(), z.begin() + m));
  const auto y = normalised(std::vector<double>(z.begin() + m, z.end()));
  std::copy(x.begin(), x.end(), p.player(0).begin());
  std::copy(y.begin(), y.end(), p.player(1).begin());
  return certify(game, p);
}

// Its duality gap: the two regrets' sum.
Rational exact_gap(const StrategicGame& game, const std::vector<double>& z) {
  const auto cert = exact_certificate(game, z);
  return cert.regrets[0] + cert.regrets[1];
}

StrategicGame zero_sum(const std::vector<std::vector<Rational>>& a) {
  std::vector<std::vector<Rational>> b = a;
  for (auto& row : b) {
    for (auto& x : row) x = -x;
  }
  return test::bimatrix(a, b);
}

class Methods : public ::testing::TestWithParam<FirstOrderMethod> {};

TEST_P(Methods, ATwoByTwoGameReachesItsUniqueEquilibrium) {
  // [[3, -1], [-2, 1]]: value 1/7, x = (3/7, 4/7), y = (2/7, 5/7).
  const StrategicGame game = zero_sum({{3, -1}, {-2, 1}});
  const BilinearGame problem = bilinear_from_game(game);
  FirstOrderOptions options;
  options.method = GetParam();
  options.tolerance = 1e-9;
  const FirstOrderResult r = solve_first_order(problem, options);
  ASSERT_EQ(r.status, SolveStatus::kComplete) << r.residual;
  EXPECT_LE(r.residual, 1e-9);
  EXPECT_EQ(r.residual, natural_residual(problem, r.z));
  const std::vector<double> expected{3.0 / 7, 4.0 / 7, 2.0 / 7, 5.0 / 7};
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(r.z[i], expected[i], 1e-8);
  EXPECT_LT(exact_gap(game, r.z), Rational(1, 10'000'000));
  EXPECT_GT(r.component_calls, 0);
}

TEST_P(Methods, RandomZeroSumGamesAgreeWithTheLp) {
  std::mt19937_64 rng(5);
  for (int trial = 0; trial < 3; ++trial) {
    const int m = 3 + trial, n = 5 - trial;
    std::vector<std::vector<Rational>> a(m, std::vector<Rational>(n));
    for (auto& row : a) {
      for (auto& x : row) x = static_cast<int>(rng() % 21) - 10;
    }
    const StrategicGame game = zero_sum(a);
    const ZeroSumLpResult lp = solve_zero_sum_lp(game, {});
    const Rational value = certify(game, lp.profile).payoffs[0];
    const BilinearGame problem = bilinear_from_game(game);
    FirstOrderOptions options;
    options.method = GetParam();
    options.tolerance = 1e-6;
    options.max_iterations = 1'000'000;
    const FirstOrderResult r = solve_first_order(problem, options);
    ASSERT_EQ(r.status, SolveStatus::kComplete) << trial;
    // The gap brackets the LP's exact value: x guarantees at least value -
    // gap, y concedes at most value + gap (payoff range 20).
    const auto cert = exact_certificate(game, r.z);
    const Rational gap = cert.regrets[0] + cert.regrets[1];
    EXPECT_GE(gap, 0);
    EXPECT_LT(gap.get_d(), 1e-3) << trial;
    EXPECT_NEAR(problem.duality_gap(r.z.data()), gap.get_d(), 1e-9) << trial;
    // The iterate's payoff is within the gap of the LP's exact value.
    EXPECT_LE(abs(Rational(cert.payoffs[0] - value)), gap) << trial;
  }
}

INSTANTIATE_TEST_SUITE_P(FirstOrder, Methods,
                         ::testing::Values(FirstOrderMethod::kExtragradient, FirstOrderMethod::kOptimistic,
                                           FirstOrderMethod::kHalpern, FirstOrderMethod::kExtraAnchored,
                                           FirstOrderMethod::kVrHalpern));

TEST(FirstOrder, ProjectedGradientCyclesOnBilinearGamesButSolvesCocoerciveOnes) {
  // Gradient descent-ascent does not converge on a bilinear game...
  const StrategicGame pennies = zero_sum({{3, -1}, {-2, 1}});
  FirstOrderOptions options;
  options.method = FirstOrderMethod::kProjectedGradient;
  options.max_iterations = 2000;
  const FirstOrderResult cycling = solve_first_order(bilinear_from_game(pennies), options);
  EXPECT_EQ(cycling.status, SolveStatus::kLimitReached);
  // ...but does on F(z) = M z + q with M symmetric positive definite (cocoercive).
  const AffineOperator spd(2, {2, 1, 1, 3}, {-1, -2});
  options.tolerance = 1e-10;
  options.max_iterations = 100'000;
  const FirstOrderResult r = solve_first_order(spd, options);
  ASSERT_EQ(r.status, SolveStatus::kComplete);
  // z* = -M^{-1} q = (1/5, 3/5).
  EXPECT_NEAR(r.z[0], 0.2, 1e-9);
  EXPECT_NEAR(r.z[1], 0.6, 1e-9);
}

TEST(FirstOrder, AffineMonotoneProblemsReachMInverseQ) {
  // M = skew + PSD (monotone, not symmetric): z* = -M^{-1} q, unconstrained.
  const std::vector<double> m{1, 2, 0, -2, 0, 1, 0, -1, 1};
  const std::vector<double> q{1, -1, 2};
  for (FirstOrderMethod method : {FirstOrderMethod::kExtragradient, FirstOrderMethod::kOptimistic,
                                  FirstOrderMethod::kHalpern, FirstOrderMethod::kExtraAnchored,
                                  FirstOrderMethod::kVrHalpern}) {
    const AffineOperator op(3, m, q);
    FirstOrderOptions options;
    options.method = method;
    options.tolerance = 1e-8;
    options.max_iterations = 2'000'000;
    const FirstOrderResult r = solve_first_order(op, options);
    ASSERT_EQ(r.status, SolveStatus::kComplete) << static_cast<int>(method);
    for (int i = 0; i < 3; ++i) {
      double f = q[i];
      for (int j = 0; j < 3; ++j) f += m[i * 3 + j] * r.z[j];
      EXPECT_NEAR(f, 0, 1e-7) << static_cast<int>(method);
    }
  }
}

TEST(FirstOrder, AnEqualityConstrainedQpMatchesItsExactKktSolution) {
  // min 1/2 x'Hx - h'x s.t. Ax = b, as min_x max_y of its Lagrangian
  // 1/2 x'Hx - h'x - y'(Ax - b): F(x, y) = (Hx - h - A'y, Ax - b), monotone
  // with M = [[H, -A'], [A, 0]]. The KKT system [[H, -A'], [A, 0]] (x, y) =
  // (h, b) is solved exactly in rationals.
  const std::vector<std::vector<int>> H{{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
  const std::vector<int> h{1, 2, 3};
  const std::vector<std::vector<int>> A{{1, 1, 1}, {1, -1, 0}};
  const std::vector<int> b{1, 0};
  const int n = 3, c = 2, d = n + c;
  std::vector<double> m(d * d, 0.0), q(d, 0.0);
  std::vector<Rational> kkt(d * d, Rational(0)), rhs(d);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) m[i * d + j] = H[i][j], kkt[i * d + j] = H[i][j];
    for (int k = 0; k < c; ++k) m[i * d + n + k] = -A[k][i], kkt[i * d + n + k] = -A[k][i];
    q[i] = -h[i];
    rhs[i] = h[i];
  }
  for (int k = 0; k < c; ++k) {
    for (int j = 0; j < n; ++j) m[(n + k) * d + j] = A[k][j], kkt[(n + k) * d + j] = A[k][j];
    q[n + k] = -b[k];
    rhs[n + k] = b[k];
  }
  const auto exact = solve_exact(kkt, rhs, d);
  ASSERT_TRUE(exact.has_value());
  for (FirstOrderMethod method : {FirstOrderMethod::kExtragradient, FirstOrderMethod::kExtraAnchored, FirstOrderMethod::kHalpern}) {
    FirstOrderOptions options;
    options.method = method;
    options.tolerance = 1e-10;
    options.max_iterations = 5'000'000;
    const FirstOrderResult r = solve_first_order(AffineOperator(d, m, q), options);
    ASSERT_EQ(r.status, SolveStatus::kComplete) << static_cast<int>(method);
    for (int i = 0; i < d; ++i) EXPECT_NEAR(r.z[i], (*exact)[i].get_d(), 1e-8) << static_cast<int>(method) << ' ' << i;
  }
}

TEST(FirstOrder, ComponentsAverageToTheOperator) {
  std::mt19937 rng(9);
  std::vector<double> a(4 * 6);
  for (double& x : a) x = static_cast<double>(rng() % 100) / 10 - 5;
  const BilinearGame game(4, 6, a);
  std::vector<double> z(10), full(10), one(10), mean(10, 0.0);
  for (double& x : z) x = static_cast<double>(rng() % 100) / 100;
  game.evaluate(z.data(), full.data());
  for (int k = 0; k < game.num_components(); ++k) {
    game.evaluate_component(k, z.data(), one.data());
    for (int i = 0; i < 10; ++i) mean[i] += one[i] / game.num_components();
  }
  for (int i = 0; i < 10; ++i) EXPECT_NEAR(mean[i], full[i], 1e-12);
  EXPECT_EQ(game.component_calls(), game.num_components() + game.num_components());
}

TEST(FirstOrder, ThreadedEvaluationsAgreeWithOneThreadAndRepeatExactly) {
  const int m = 600, n = 700;  // 420k entries: above the single-thread threshold
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> uniform(-1, 1);
  std::vector<double> a(static_cast<std::size_t>(m) * n), z(m + n);
  for (double& x : a) x = uniform(rng);
  for (double& x : z) x = uniform(rng);
  const BilinearGame one(m, n, a, 1), threaded(m, n, a, 3);
  ASSERT_EQ(one.threads(), 1);
  ASSERT_EQ(threaded.threads(), 3);
  std::vector<double> serial(m + n), first(m + n), second(m + n);
  one.evaluate(z.data(), serial.data());
  threaded.evaluate(z.data(), first.data());
  threaded.evaluate(z.data(), second.data());
  for (int i = 0; i < m + n; ++i) {
    EXPECT_NEAR(first[i], serial[i], 1e-12) << i;
    EXPECT_EQ(first[i], second[i]) << i;  // bit-identical, not merely close
  }
  EXPECT_NEAR(threaded.duality_gap(z.data()), one.duality_gap(z.data()), 1e-12);
  // Below the threshold a game stays single-threaded whatever it is given.
  EXPECT_EQ(BilinearGame(4, 6, std::vector<double>(24, 1.0), 8).threads(), 1);
}

// F = (1/n) sum_i (M_i z + q_i) on the whole space, each M_i a small
// symmetric perturbation of one symmetric positive definite M: the gradient
// of a convex quadratic (cocoercive), with components as alike as the
// finite-sum setting where variance reduction pays.
class SimilarQuadratics final : public MonotoneOperator {
 public:
  SimilarQuadratics(int d, int n, std::uint64_t seed) : d_(d), n_(n), m_(n), q_(n), mean_m_(d * d, 0.0), mean_q_(d, 0.0) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::vector<double> b(d * d), base(d * d, 0.0), shift(d);
    for (double& x : b) x = normal(rng);
    for (int i = 0; i < d; ++i) {
      shift[i] = normal(rng);
      for (int j = 0; j < d; ++j) {
        for (int k = 0; k < d; ++k) base[i * d + j] += b[k * d + i] * b[k * d + j] / d;
      }
      base[i * d + i] += 1;
    }
    double square_sum = 0;
    for (int c = 0; c < n; ++c) {
      m_[c] = base;
      q_[c] = shift;
      for (int i = 0; i < d; ++i) {
        q_[c][i] += 0.1 * normal(rng);
        for (int j = 0; j <= i; ++j) {
          const double e = 0.02 * normal(rng);
          m_[c][i * d + j] += e;
          if (j != i) m_[c][j * d + i] += e;
        }
      }
      double f = 0;
      for (int t = 0; t < d * d; ++t) {
        mean_m_[t] += m_[c][t] / n;
        f += m_[c][t] * m_[c][t];
      }
      for (int i = 0; i < d; ++i) mean_q_[i] += q_[c][i] / n;
      square_sum += f;
    }
    component_lipschitz_ = std::sqrt(square_sum / n);
    double f = 0;
    for (double x : mean_m_) f += x * x;
    lipschitz_ = std::sqrt(f);
  }
  int dimension() const override { return d_; }
  int num_components() const override { return n_; }
  void project(double*) const override {}
  double lipschitz() const override { return lipschitz_; }
  double component_lipschitz() const override { return component_lipschitz_; }
  bool cocoercive() const override { return true; }
  std::vector<double> start() const override { return std::vector<double>(d_, 0.0); }
  const std::vector<double>& mean_m() const { return mean_m_; }
  const std::vector<double>& mean_q() const { return mean_q_; }

 protected:
  void evaluate_full(const double* z, double* out) const override { apply(mean_m_, mean_q_, z, out); }
  void evaluate_one(int i, const double* z, double* out) const override { apply(m_[i], q_[i], z, out); }

 private:
  void apply(const std::vector<double>& m, const std::vector<double>& q, const double* z, double* out) const {
    for (int i = 0; i < d_; ++i) {
      double s = q[i];
      for (int j = 0; j < d_; ++j) s += m[i * d_ + j] * z[j];
      out[i] = s;
    }
  }
  int d_, n_;
  std::vector<std::vector<double>> m_, q_;
  std::vector<double> mean_m_, mean_q_;
  double lipschitz_ = 0, component_lipschitz_ = 0;
};

TEST(FirstOrder, VrHalpernsAlgorithmOneSolvesACocoerciveFiniteSumInFewerCallsThanHalpern) {
  const SimilarQuadratics problem(8, 400, 5);
  // z* = -M^{-1} q for the mean operator, solved exactly in rationals.
  const int d = problem.dimension();
  std::vector<Rational> m(d * d), rhs(d);
  for (int i = 0; i < d; ++i) rhs[i] = -Rational(problem.mean_q()[i]);
  for (int t = 0; t < d * d; ++t) m[t] = Rational(problem.mean_m()[t]);
  const auto exact = solve_exact(m, rhs, d);
  ASSERT_TRUE(exact.has_value());
  std::int64_t calls[2];
  for (int pass = 0; pass < 2; ++pass) {
    FirstOrderOptions options;
    options.method = pass == 0 ? FirstOrderMethod::kVrHalpern : FirstOrderMethod::kHalpern;
    options.tolerance = 1e-8;
    options.seed = 11;
    const FirstOrderResult r = solve_first_order(problem, options);
    ASSERT_EQ(r.status, SolveStatus::kComplete) << pass;
    EXPECT_LE(r.residual, 1e-8);
    for (int i = 0; i < d; ++i) EXPECT_NEAR(r.z[i], (*exact)[i].get_d(), 1e-7) << pass << " " << i;
    calls[pass] = r.component_calls;
  }
  // Alike components: the batch estimate is nearly exact, so the PAGE
  // steps (2 sqrt(n) calls) replace most full passes (n calls).
  EXPECT_LT(calls[0] * 10, calls[1]) << calls[0] << " vs " << calls[1];
}

}  // namespace
}  // namespace equilibria::vi
