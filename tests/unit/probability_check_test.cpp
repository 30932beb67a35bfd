// No answer is called exact unless it is a probability distribution, exactly:
// the check itself, and the sequence-form Lemke path that once printed a
// negative probability with "exact": true.
#include <gtest/gtest.h>

#include "equilibria/io/efg.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lemke.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

using test::profile;

TEST(DistributionCheck, NamesANegativeEntryAndAWrongSum) {
  EXPECT_FALSE(distribution_problem(profile({{Rational(1, 3), Rational(2, 3)}, {Rational(1)}})));
  const auto negative = distribution_problem(profile({{Rational(1)}, {Rational(-1, 1000), Rational(1001, 1000)}}));
  ASSERT_TRUE(negative);
  EXPECT_NE(negative->find("player 2"), std::string::npos) << *negative;
  EXPECT_NE(negative->find("-1/1000"), std::string::npos) << *negative;
  const auto sum = distribution_problem(profile({{Rational(1, 2), Rational(1, 3)}}));
  ASSERT_TRUE(sum);
  EXPECT_NE(sum->find("5/6"), std::string::npos) << *sum;
}

TEST(DistributionCheck, NormalisingGivesADistribution) {
  const auto fixed = normalised(profile({{Rational(-1), Rational(1), Rational(3)}, {Rational(0), Rational(0)}}));
  EXPECT_FALSE(distribution_problem(fixed));
  EXPECT_EQ(fixed.player(0)[0], 0);
  EXPECT_EQ(fixed.player(0)[2], Rational(3, 4));
  EXPECT_EQ(fixed.player(1)[0], Rational(1, 2));  // nothing left: uniform
}

// Payoffs of 1e-12 beside payoffs of 1: Lemke in doubles lands on a basis
// whose exact solution has a probability of -1/10^12.
GameTree tiny_next_to_one() {
  const std::string v = "1/1000000000000";
  return read_efg("EFG 2 R \"u\" { \"A\" \"B\" }\n\"\"\n"
                  "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                  "p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n"
                  "t \"\" 1 \"\" { " + v + ", -" + v + " }\n"
                  "t \"\" 2 \"\" { 1, -1 }\n"
                  "p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n"
                  "t \"\" 3 \"\" { 0, 0 }\n"
                  "t \"\" 4 \"\" { -" + v + ", " + v + " }\n",
                  "tiny.efg");
}

TEST(DistributionCheck, BehaviourProblemsAreFound) {
  const GameTree tree = tiny_next_to_one();
  Behavior<Rational> b(tree.num_global_actions(), Rational(1, 2));
  EXPECT_FALSE(behavior_problem(tree, b));
  b[0] = Rational(-1, 2);
  b[1] = Rational(3, 2);
  EXPECT_TRUE(behavior_problem(tree, b));
  EXPECT_FALSE(behavior_problem(tree, normalised(tree, b)));
}

TEST(DistributionCheck, SequenceFormLemkeNeverCallsANegativeProbabilityExact) {
  const GameTree tree = tiny_next_to_one();
  const auto r = solve_sequence_form_lemke(tree, SolveControl{});
  const auto problem = behavior_problem(tree, r.behavior);
  EXPECT_FALSE(problem) << *problem;
  EXPECT_TRUE(r.exact);  // the exact re-run finds the true equilibrium
  EXPECT_EQ(r.cert.nash_conv, 0);
}

}  // namespace
}  // namespace equilibria
