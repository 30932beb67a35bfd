#include <gtest/gtest.h>

#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

void expect_same_game(const StrategicGame& a, const StrategicGame& b) {
  ASSERT_EQ(a.strategy_counts(), b.strategy_counts());
  EXPECT_EQ(a.labels().title, b.labels().title);
  EXPECT_EQ(a.labels().comment, b.labels().comment);
  for (int p = 0; p < a.num_players(); ++p) {
    EXPECT_EQ(a.player_label(p), b.player_label(p));
    for (int s = 0; s < a.num_strategies(p); ++s) EXPECT_EQ(a.strategy_label(p, s), b.strategy_label(p, s));
    for (std::int64_t i = 0; i < a.num_profiles(); ++i) ASSERT_EQ(a.payoff(p, i), b.payoff(p, i));
  }
}

TEST(NfgRoundTrip, EveryCorpusGameSurvivesWriteThenRead) {
  std::vector<std::string> files = test::files_with_extension(test::shared_dir() + "/games/gambit", ".nfg");
  for (const auto& f : test::files_with_extension(test::shared_dir() + "/games/random", ".nfg")) files.push_back(f);
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    const StrategicGame g = read_nfg_file(f);
    const std::string once = write_nfg(g);
    const StrategicGame again = read_nfg(once, "written");
    expect_same_game(g, again);
    EXPECT_EQ(write_nfg(again), once);  // writing is a fixed point
  }
}

TEST(NfgRoundTrip, KeepsEscapesAndExactFractions) {
  const auto g = read_nfg(
      "NFG 1 R \"a \\\"b\\\" \\\\ c\" { \"P \\\"1\\\"\" } { { \"s\" \"t\" } } \"c\\\\\" 1/3 -22/7", "m");
  const auto again = read_nfg(write_nfg(g), "w");
  expect_same_game(g, again);
  EXPECT_EQ(again.labels().title, "a \"b\" \\ c");
  EXPECT_EQ(again.payoff(0, 1), Rational(-22, 7));
}

}  // namespace
}  // namespace equilibria
