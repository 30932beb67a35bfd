#include "equilibria/games/game_properties.hpp"

#include <gtest/gtest.h>

#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

TEST(GameProperties, ZeroAndConstantSum) {
  const auto pennies = test::bimatrix({{1, -1}, {-1, 1}}, {{-1, 1}, {1, -1}});
  const auto pennies_sum = constant_sum(pennies);
  ASSERT_TRUE(pennies_sum.has_value());
  EXPECT_EQ(*pennies_sum, 0);
  const auto shifted = test::bimatrix({{1, 2}, {3, 4}}, {{4, 3}, {2, 1}});
  const auto shifted_sum = constant_sum(shifted);
  ASSERT_TRUE(shifted_sum.has_value());
  EXPECT_EQ(*shifted_sum, 5);
  const auto general = test::bimatrix({{1, 2}, {3, 4}}, {{4, 3}, {2, 2}});
  EXPECT_FALSE(constant_sum(general).has_value());
  const auto zs = read_nfg_file(test::shared_dir() + "/games/random/randzs_10x10_s20240.nfg");
  const auto zs_sum = constant_sum(zs);
  ASSERT_TRUE(zs_sum.has_value());
  EXPECT_EQ(*zs_sum, 0);
}

TEST(GameProperties, SymmetryOfTwoAndThreePlayers) {
  // Symmetric bimatrix: B is A transposed.
  EXPECT_TRUE(is_symmetric(test::bimatrix({{3, 0}, {5, 1}}, {{3, 5}, {0, 1}})));
  EXPECT_FALSE(is_symmetric(test::bimatrix({{3, 0}, {5, 1}}, {{3, 0}, {5, 1}})));
  EXPECT_FALSE(is_symmetric(test::bimatrix({{1, 2, 3}, {4, 5, 6}}, {{1, 2, 3}, {4, 5, 6}})));  // 2 x 3
  // Three players, payoff = number of others choosing the same strategy.
  std::vector<Rational> pay(3 * 8);
  for (int i = 0; i < 8; ++i) {
    const int s[3] = {i & 1, (i >> 1) & 1, (i >> 2) & 1};
    for (int p = 0; p < 3; ++p) pay[p * 8 + i] = (s[p] == s[(p + 1) % 3]) + (s[p] == s[(p + 2) % 3]);
  }
  EXPECT_TRUE(is_symmetric(StrategicGame({2, 2, 2}, pay)));
  pay[0] = 7;
  EXPECT_FALSE(is_symmetric(StrategicGame({2, 2, 2}, pay)));
}

}  // namespace
}  // namespace equilibria
