// Payoffs beyond what doubles hold: floating methods see them scaled by a
// power of two, finite, with every ordinary game left as it was.
#include <gtest/gtest.h>

#include <cmath>

#include "equilibria/games/bimatrix.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/io/number_parser.hpp"

namespace equilibria {
namespace {

Rational exact(const std::string& text) {
  Rational q;
  EXPECT_TRUE(parse_rational(text, q, nullptr)) << text;
  return q;
}

TEST(FloatingScale, OrdinaryPayoffsAreNotScaled) {
  const std::vector<Rational> values{Rational(3), Rational(-7, 2), exact("1e38")};
  EXPECT_EQ(double_scale_exponent(values), 0);
  const StrategicGame g({2, 1}, {Rational(1), Rational(2), Rational(3), Rational(4)});
  EXPECT_EQ(g.double_scale_exponent(), 0);
  EXPECT_TRUE(g.doubles_are_exact());
  EXPECT_EQ(g.payoffs<double>(1)[0], 3.0);
}

TEST(FloatingScale, HugePayoffsBecomeFiniteDoublesInProportion) {
  const Rational huge = exact("1e309"), big = exact("1e300");
  const StrategicGame g({2, 1}, {huge, -big, Rational(1), Rational(0)});
  EXPECT_GT(g.double_scale_exponent(), 0);
  EXPECT_FALSE(g.doubles_are_exact());
  for (int p = 0; p < 2; ++p) {
    for (int s = 0; s < 2; ++s) EXPECT_TRUE(std::isfinite(g.payoffs<double>(p)[s]));
  }
  EXPECT_LE(std::abs(g.payoffs<double>(0)[0]), std::ldexp(1.0, kMaxFloatingMagnitudeLog2));
  EXPECT_NEAR(g.payoffs<double>(0)[0] / -g.payoffs<double>(0)[1], 1e9, 1e-3);
  EXPECT_TRUE(std::isfinite(g.payoff_range()));
  // Both matrices of a bimatrix game scale alike.
  const Bimatrix b = bimatrix_of(g);
  EXPECT_TRUE(std::isfinite(b.a_approx[0]));
  EXPECT_NEAR(b.a_approx[0] / b.a_approx[1], -1e9, 1e-3);
  EXPECT_EQ(b.b_approx[0], std::ldexp(1.0, -g.double_scale_exponent()));
}

}  // namespace
}  // namespace equilibria
