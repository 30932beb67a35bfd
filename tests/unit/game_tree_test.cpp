// Game trees: the .efg corpus, round trips, malformed files, poker trees,
// exact best responses and values.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "equilibria/core/input_error.hpp"
#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/games/extensive/poker.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lemke.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lp.hpp"
#include "equilibria/verify/exploitability.hpp"
#include "malformed_corpus.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

TEST(EfgCorpus, EveryTreeLoadsAndSurvivesARoundTrip) {
  const auto files = test::files_with_extension(test::shared_dir() + "/games/gambit", ".efg");
  ASSERT_GE(files.size(), 130u);
  int imperfect = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    const GameTree t = read_efg_file(f);
    const std::string once = write_efg(t);
    const GameTree again = read_efg(once, "written");
    EXPECT_EQ(write_efg(again), once);
    ASSERT_EQ(again.num_nodes(), t.num_nodes());
    for (int v = 0; v < t.num_nodes(); ++v) {
      if (t.kind(v) != NodeKind::kTerminal) continue;
      for (int p = 0; p < t.num_players(); ++p) ASSERT_EQ(t.payoff<Rational>(v, p), again.payoff<Rational>(v, p));
    }
    imperfect += !t.perfect_recall();
  }
  EXPECT_GT(imperfect, 0);  // the corpus has imperfect-recall trees: reported, not refused
}

TEST(EfgReader, SumsOutcomesAlongThePath) {
  const auto t = read_efg(
      "EFG 2 R \"t\" { \"A\" \"B\" } \"\"\n"
      "c \"\" 1 \"\" { \"x\" 1/3 \"y\" 2/3 } 1 \"o\" { 1, -1 }\n"
      "t \"\" 2 \"\" { 5, 5 }\n"
      "t \"\" 1\n",
      "mem");
  EXPECT_EQ(t.payoff<Rational>(1, 0), 6);
  EXPECT_EQ(t.payoff<Rational>(2, 0), 2);  // outcome 1 twice: at the chance node and the leaf
  EXPECT_EQ(t.chance_prob<Rational>(0, 1), Rational(2, 3));
}

TEST(EfgMalformed, EachFileIsRefusedWithFileLineAndCause) {
  EXPECT_GE(test::malformed_cases("malformed_efg").size(), 15u);
  test::expect_each_refused("malformed_efg", [](const std::string& path) { read_efg_file(path); });
}

TEST(Poker, TreesHaveOpenSpielsSizes) {
  const auto count = [](const GameTree& t) {
    int terminals = 0;
    for (int v = 0; v < t.num_nodes(); ++v) terminals += t.kind(v) == NodeKind::kTerminal;
    return terminals;
  };
  const auto kuhn = kuhn_poker(), leduc = leduc_poker();
  EXPECT_EQ(kuhn.num_nodes(), 58);
  EXPECT_EQ(kuhn.num_infosets(), 12);
  EXPECT_EQ(leduc.num_nodes(), 9457);
  EXPECT_EQ(count(leduc), 5520);
  EXPECT_EQ(leduc.infosets_of(0).size(), 468u);
  EXPECT_EQ(leduc.infosets_of(1).size(), 468u);
  EXPECT_TRUE(leduc.perfect_recall());
}

TEST(Exploitability, UniformPokerMatchesOpenSpiel) {
  // OpenSpiel's exploitability of the uniform policy (iteration 1 of its tables).
  EXPECT_NEAR(certify_behavior(kuhn_poker(), uniform_behavior<double>(kuhn_poker())).exploitability, 0.458333, 1e-6);
  const auto leduc = leduc_poker();
  const auto exact = certify_behavior(leduc, uniform_behavior<Rational>(leduc));
  EXPECT_NEAR(exact.exploitability.get_d(), 2.37361, 1e-5);
  EXPECT_NEAR(certify_behavior(leduc, uniform_behavior<double>(leduc)).exploitability, exact.exploitability.get_d(), 1e-12);
}

TEST(SequenceFormLp, KuhnValueIsExactlyMinusOneEighteenth) {
  const auto r = solve_sequence_form_lp(kuhn_poker());
  ASSERT_TRUE(r.exact);
  EXPECT_EQ(r.cert.payoffs[0], Rational(-1, 18));
  EXPECT_EQ(r.cert.nash_conv, 0);
}

TEST(SequenceFormLp, LeducValueToTenDigits) {
  const auto r = solve_sequence_form_lp(leduc_poker());
  EXPECT_NEAR(r.value, -0.085606424078, 1e-9);
  EXPECT_LT(r.cert.exploitability.get_d(), 1e-6);
}

TEST(SequenceFormLemke, ExactEquilibriaOfPokerAndGeneralSumTrees) {
  const auto kuhn = solve_sequence_form_lemke(kuhn_poker(), {});
  ASSERT_TRUE(kuhn.exact);
  EXPECT_EQ(kuhn.cert.payoffs[0], Rational(-1, 18));
  for (const char* name : {"2_player_non_zero_sum.efg", "artist2.efg", "ttt.efg", "bhg2.efg"}) {
    const auto r = solve_sequence_form_lemke(read_efg_file(test::shared_dir() + "/games/gambit/" + name), {});
    EXPECT_TRUE(r.exact) << name;
    EXPECT_EQ(r.cert.nash_conv, 0) << name;
  }
}

TEST(SequenceFormLemke, StopsWhenCancelled) {
  std::atomic<bool> cancel{true};
  SolveControl control;
  control.set_cancel_flag(&cancel);
  const auto r = solve_sequence_form_lemke(kuhn_poker(), control);
  EXPECT_EQ(r.status, SolveStatus::kStopped);
  EXPECT_EQ(r.behavior.size(), static_cast<std::size_t>(kuhn_poker().num_global_actions()));
}

TEST(BuiltinGames, GoofspielAndLiarsDice) {
  const auto goof = builtin_game("goofspiel(cards=3)");
  int leaves = 0;
  for (int v = 0; v < goof.num_nodes(); ++v) leaves += goof.kind(v) == NodeKind::kTerminal;
  EXPECT_EQ(leaves, 216);  // 3! prize orders x (3!)^2 bid sequences
  EXPECT_TRUE(goof.perfect_recall());
  const auto symmetric = solve_sequence_form_lp(goof);
  ASSERT_TRUE(symmetric.exact);
  EXPECT_EQ(symmetric.cert.payoffs[0], 0);  // a symmetric zero-sum game is worth 0

  const auto dice = builtin_game("liars_dice(dice=1,faces=3)");
  EXPECT_TRUE(dice.perfect_recall());
  const auto lp = solve_sequence_form_lp(dice);
  EXPECT_TRUE(lp.exact);
  EXPECT_EQ(lp.cert.nash_conv, 0);
  EXPECT_THROW(builtin_game("goofspiel(cards=9)"), std::invalid_argument);
  EXPECT_THROW(builtin_game("liars_dice(sides=6)"), std::invalid_argument);
  EXPECT_THROW(builtin_game("chess"), std::invalid_argument);
}

TEST(BestResponse, RefusesImperfectRecall) {
  const auto t = read_efg_file(test::shared_dir() + "/games/gambit/not_perfect_recall.efg");
  EXPECT_FALSE(t.perfect_recall());
  EXPECT_THROW(best_response(t, uniform_behavior<double>(t), 0), std::invalid_argument);
}

}  // namespace
}  // namespace equilibria
