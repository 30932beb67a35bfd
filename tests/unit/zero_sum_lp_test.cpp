// The minimax LP on its own (not through its Lemke-Howson fallback), judged
// by the independent oracle and by a value solved by hand.
#include "equilibria/solvers/lp/zero_sum_lp.hpp"

#include <gtest/gtest.h>

#include "equilibria/games/generators.hpp"
#include "oracle.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

TEST(ZeroSumLp, TwoByTwoValueByHand) {
  // A = [[2, -1], [-1, 1]]: value (ad - bc) / (a + d - b - c) = 1/5, both mix (2/5, 3/5).
  const auto g = test::bimatrix({{2, -1}, {-1, 1}}, {{-2, 1}, {1, -1}});
  const auto r = solve_zero_sum_lp(g, {});
  EXPECT_FALSE(r.exact_fallback);
  EXPECT_EQ(r.value, Rational(1, 5));
  EXPECT_EQ(r.profile.flat(), (std::vector<Rational>{Rational(2, 5), Rational(3, 5), Rational(2, 5), Rational(3, 5)}));
}

TEST(ZeroSumLp, ClpsBasisIsTheMinimaxAnswerOnRandomGames) {
  GeneratorOptions o;
  o.kind = GeneratorKind::kZeroSum;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    o.seed = seed;
    o.strategies = {2 + static_cast<int>(seed % 6), 2 + static_cast<int>((seed * 5) % 7)};
    const auto g = generate_game(o);
    const auto r = solve_zero_sum_lp(g, {});
    EXPECT_FALSE(r.exact_fallback) << "seed " << seed;  // the LP itself, not Lemke-Howson, answered
    EXPECT_EQ(oracle::regrets(g, r.profile), (std::vector<Rational>{0, 0})) << "seed " << seed;
    Rational value = 0;
    const auto u = oracle::strategy_payoffs(g, r.profile, 0);
    for (int s = 0; s < g.num_strategies(0); ++s) value += r.profile.player(0)[s] * u[s];
    EXPECT_EQ(r.value, value);
  }
}

}  // namespace
}  // namespace equilibria
