// The sequence-form LP on payoffs a double or Clp cannot take at face value
// (1e19, 1e300, 30-digit integers, beyond the double range, 1e-300 next to
// 1), and stopped by its control.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/games/extensive/poker.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lp.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {
namespace {

const char* const kExtremes[] = {"1e19", "1e300", "123456789012345678901234567890", "1e309", "1e-300",
                                 "1/1000000000000"};

std::string negated(const std::string& v) { return v[0] == '-' ? v.substr(1) : "-" + v; }

// Player 2 does not see player 1's move; leaf payoffs to player 1 are
// (L,l) a, (L,r) b, (R,l) c, (R,r) d, and player 2 gets the negatives.
GameTree zero_sum_tree(const std::string& a, const std::string& b, const std::string& c, const std::string& d) {
  const std::string text = "EFG 2 R \"x\" { \"A\" \"B\" }\n\"\"\n"
                           "p \"\" 1 1 \"\" { \"L\" \"R\" } 0\n"
                           "p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n"
                           "t \"\" 1 \"\" { " + a + ", " + negated(a) + " }\n"
                           "t \"\" 2 \"\" { " + b + ", " + negated(b) + " }\n"
                           "p \"\" 2 1 \"\" { \"l\" \"r\" } 0\n"
                           "t \"\" 3 \"\" { " + c + ", " + negated(c) + " }\n"
                           "t \"\" 4 \"\" { " + d + ", " + negated(d) + " }\n";
  return read_efg(text, "extreme.efg");
}

Rational exact(const std::string& v) {
  const GameTree t = zero_sum_tree(v, "0", "0", "0");
  for (int n = 0; n < t.num_nodes(); ++n) {
    if (t.kind(n) == NodeKind::kTerminal) return t.payoff<Rational>(n, 0);
  }
  return 0;
}

TEST(SequenceFormLpExtremes, PureSaddleNextToOneIsExact) {
  // A = [[-v, 1], [0, v]]: (R, l) is a saddle point worth 0 (extremes.sh's t games).
  for (const char* v : kExtremes) {
    SCOPED_TRACE(v);
    const GameTree tree = zero_sum_tree(std::string("-") + v, "1", "0", v);
    const auto r = solve_sequence_form_lp(tree);
    ASSERT_TRUE(r.exact);
    EXPECT_EQ(r.status, SolveStatus::kComplete);
    EXPECT_EQ(r.cert.nash_conv, 0);
    EXPECT_EQ(r.cert.payoffs[0], 0);
    EXPECT_EQ(certify_behavior(tree, r.behavior).nash_conv, 0);
  }
}

TEST(SequenceFormLpExtremes, MixedEquilibriumValueIsExact) {
  // A = [[v, 1], [-v, v]]: fully mixed, worth v (v + 1) / (3 v - 1).
  for (const char* v : {"1e19", "1e300", "123456789012345678901234567890", "1e309"}) {
    SCOPED_TRACE(v);
    const GameTree tree = zero_sum_tree(v, "1", std::string("-") + v, v);
    const auto r = solve_sequence_form_lp(tree);
    ASSERT_TRUE(r.exact);
    EXPECT_EQ(r.cert.nash_conv, 0);
    const Rational x = exact(v);
    EXPECT_EQ(r.cert.payoffs[0], Rational(x * (x + 1) / (3 * x - 1)));
  }
}

TEST(SequenceFormLpStop, AnExpiredControlStopsWithACertifiedProfile) {
  std::atomic<bool> cancel{true};
  SolveControl control;
  control.set_cancel_flag(&cancel);
  const GameTree leduc = leduc_poker();
  const auto r = solve_sequence_form_lp(leduc, control);
  EXPECT_EQ(r.status, SolveStatus::kStopped);
  EXPECT_FALSE(r.exact);
  ASSERT_EQ(r.behavior.size(), static_cast<std::size_t>(leduc.num_global_actions()));
  EXPECT_EQ(r.cert.nash_conv, certify_behavior(leduc, r.behavior).nash_conv);
}

TEST(ExactLinearSolveStop, AnExpiredControlGivesNothing) {
  std::atomic<bool> cancel{true};
  SolveControl control;
  control.set_cancel_flag(&cancel);
  const std::vector<Rational> m{2, 0, 0, 3}, rhs{1, 1};
  EXPECT_TRUE(solve_exact(m, rhs, 2).has_value());
  EXPECT_FALSE(solve_exact(m, rhs, 2, control).has_value());
}

}  // namespace
}  // namespace equilibria
