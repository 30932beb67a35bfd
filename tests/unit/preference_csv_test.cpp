#include "equilibria/io/preference_csv.hpp"

#include <gtest/gtest.h>

#include "equilibria/core/input_error.hpp"
#include "equilibria/games/game_properties.hpp"
#include "equilibria/solvers/lp/zero_sum_lp.hpp"

namespace equilibria {
namespace {

TEST(PreferenceCsv, MarginGameAndMaximalLottery) {
  const auto g = read_preference_csv("winner,loser,count\na,b,6\nb,a,4\nb,c,7\nc,b,3\nc,a,6\na,c,4\n", "p.csv");
  EXPECT_EQ(g.strategy_counts(), (std::vector<int>{3, 3}));
  EXPECT_TRUE(is_symmetric(g));
  const auto sum = constant_sum(g);
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ(*sum, 0);
  EXPECT_EQ(g.payoff(0, g.profile_index({0, 1})), 2);   // a over b by 6 - 4
  EXPECT_EQ(g.payoff(0, g.profile_index({1, 2})), 4);   // b over c by 7 - 3
  const auto r = solve_zero_sum_lp(g, {});
  EXPECT_EQ(r.value, 0);  // a symmetric zero-sum game is worth 0
  const auto lottery = r.profile.player(0);
  EXPECT_EQ(std::vector<Rational>(lottery.begin(), lottery.end()),
            (std::vector<Rational>{Rational(1, 2), Rational(1, 4), Rational(1, 4)}));
}

TEST(PreferenceCsv, CondorcetWinnerGetsEverything) {
  const auto g = read_preference_csv("x,y\nx,z\ny,z\n", "p.csv");
  const auto r = solve_zero_sum_lp(g, {});
  EXPECT_EQ(r.profile.player(0)[0], 1);
}

TEST(PreferenceCsv, BadLinesNameTheirLine) {
  for (const auto& [text, line] : std::vector<std::pair<std::string, int>>{
           {"a,b\na,a\n", 2}, {"a,b,2\nb,c,x\n", 2}, {"a\n", 1}, {"a,b,-1\n", 1}, {"a,b,1,2\n", 1}, {"", 1}}) {
    try {
      read_preference_csv(text, "p.csv");
      ADD_FAILURE() << text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.line(), line) << e.what();
    }
  }
}

}  // namespace
}  // namespace equilibria
