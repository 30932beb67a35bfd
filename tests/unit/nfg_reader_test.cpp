#include <gtest/gtest.h>

#include <chrono>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

TEST(NfgReader, ReadsPayoffVersionWithFirstPlayerFastest) {
  const auto g = read_nfg(
      "NFG 1 R \"t\" { \"P1\" \"P2\" } { 3 2 }\n"
      "1 2 3 4 5 6 7 8 9 10 11 12\n",
      "mem");
  ASSERT_EQ(g.num_players(), 2);
  EXPECT_EQ(g.strategy_counts(), (std::vector<int>{3, 2}));
  // Profile (row 2, column 1) is the third listed: payoffs 5, 6.
  EXPECT_EQ(g.payoff(0, g.profile_index({2, 0})), 5);
  EXPECT_EQ(g.payoff(1, g.profile_index({2, 0})), 6);
  EXPECT_EQ(g.payoff(0, g.profile_index({0, 1})), 7);
  EXPECT_EQ(g.labels().players[1], "P2");
}

TEST(NfgReader, ReadsOutcomeVersionNamesAndComment) {
  const auto g = read_nfg(
      "NFG 1 R \"Title with \\\"quotes\\\"\" { \"A\" \"B\" }\n"
      "{ { \"U\" \"D\" } { \"L\" \"R\" } }\n"
      "\"a comment\"\n"
      "{ { \"win\" 1/2, -3 } { \"\" 0.25 7 } }\n"
      "1 0 2 1\n",
      "mem");
  EXPECT_EQ(g.labels().title, "Title with \"quotes\"");
  EXPECT_EQ(g.labels().comment, "a comment");
  EXPECT_EQ(g.strategy_label(0, 1), "D");
  EXPECT_EQ(g.strategy_label(1, 0), "L");
  EXPECT_EQ(g.payoff(0, 0), Rational(1, 2));
  EXPECT_EQ(g.payoff(1, 0), -3);
  EXPECT_EQ(g.payoff(0, 1), 0);  // null outcome
  EXPECT_EQ(g.payoff(0, 2), Rational(1, 4));
  EXPECT_EQ(g.payoff(1, 3), -3);
}

TEST(NfgReader, ReadsStrategyNamesFollowedByPlainPayoffs) {
  const auto g = read_nfg("NFG 1 R \"\" { \"A\" } { { \"x\" \"y\" } } \"\" 4 5\n", "mem");
  EXPECT_EQ(g.num_strategies(0), 2);
  EXPECT_EQ(g.payoff(0, 1), 5);
}

TEST(NfgReader, DoublesAreExactOnlyWhenNothingIsLost) {
  EXPECT_TRUE(read_nfg("NFG 1 R \"\" { \"A\" } { 2 } 1 0.5", "m").doubles_are_exact());
  EXPECT_FALSE(read_nfg("NFG 1 R \"\" { \"A\" } { 2 } 1 0.1", "m").doubles_are_exact());
  EXPECT_FALSE(read_nfg("NFG 1 R \"\" { \"A\" } { 2 } 1 1/3", "m").doubles_are_exact());
}

TEST(NfgReader, ErrorsNameFileAndLine) {
  try {
    read_nfg("NFG 1 R \"t\" { \"A\" } { 2 }\n1\nx\n", "game.nfg");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "game.nfg");
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(std::string(e.what()), "game.nfg:3: bad number 'x'");
  }
}

TEST(NfgReader, MissingFileIsAnInputError) {
  EXPECT_THROW(read_nfg_file("/nonexistent/game.nfg"), InputError);
  EXPECT_THROW(read_nfg_file("/"), InputError);
}

TEST(NfgCorpus, ReadsEveryGambitStrategicGame) {
  const auto files = test::files_with_extension(test::shared_dir() + "/games/gambit", ".nfg");
  ASSERT_GE(files.size(), 40u);
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    const auto g = read_nfg_file(f);
    EXPECT_GE(g.num_players(), 1);
    EXPECT_GE(g.num_profiles(), 1);
  }
}

TEST(NfgCorpus, ReadsEveryRandomGame) {
  const auto files = test::files_with_extension(test::shared_dir() + "/games/random", ".nfg");
  ASSERT_GE(files.size(), 19u);
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    EXPECT_NO_THROW(read_nfg_file(f));
  }
  const auto g = read_nfg_file(test::shared_dir() + "/games/random/rand_200x200_s7.nfg");
  EXPECT_EQ(g.strategy_counts(), (std::vector<int>{200, 200}));
  EXPECT_TRUE(g.doubles_are_exact());
}

}  // namespace
}  // namespace equilibria
