#include "equilibria/verify/probability_check.hpp"
#include "equilibria/verify/regret.hpp"

#include <gtest/gtest.h>

#include "equilibria/io/nfg.hpp"
#include "oracle.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

using test::bimatrix;
using test::profile;

TEST(Regret, MatchingPenniesByHand) {
  const auto g = bimatrix({{1, -1}, {-1, 1}}, {{-1, 1}, {1, -1}});
  const Rational h(1, 2);
  auto uniform = certify(g, profile({{h, h}, {h, h}}));
  EXPECT_EQ(uniform.regrets, (std::vector<Rational>{0, 0}));
  EXPECT_EQ(uniform.payoffs, (std::vector<Rational>{0, 0}));
  // Row plays heads: the column player gains 1 by switching to tails.
  auto c = certify(g, profile({{1, 0}, {h, h}}));
  EXPECT_EQ(c.regrets, (std::vector<Rational>{0, 1}));
  EXPECT_EQ(c.max_regret, 1);
}

TEST(Regret, KrepsWilsonGameByHand) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/e04.nfg");
  const Rational h(1, 2);
  auto c = certify(g, profile({{h, h, 0}, {1, 0}}));
  // Row's pure payoffs against column 1: 0, -1, -2; mixing rows 1 and 2 earns -1/2.
  EXPECT_EQ(c.payoffs, (std::vector<Rational>{Rational(-1, 2), 1}));
  EXPECT_EQ(c.regrets, (std::vector<Rational>{h, 0}));
  EXPECT_EQ(strategy_payoffs(g, profile({{h, h, 0}, {1, 0}}), 1), (std::vector<Rational>{1, 0}));
}

TEST(Regret, ThreePlayerMixedProfileByHand) {
  // 2x2x2 game of McKelvey and McLennan; at (1/2,1/2) for players 2 and 3,
  // player 1's strategy 1 earns (9+0+0+3)/4 = 3 and strategy 2 earns (0+9+3+0)/4 = 3.
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/2x2x2.nfg");
  const Rational h(1, 2);
  const auto x = profile({{1, 0}, {h, h}, {h, h}});
  EXPECT_EQ(strategy_payoffs(g, x, 0), (std::vector<Rational>{3, 3}));
  // Player 2: strategy 1 earns (8+0)/2 = 4, strategy 2 (0+4)/2 = 2, the mix 3;
  // player 3: strategy 1 earns (12+0)/2 = 6, strategy 2 (0+6)/2 = 3, the mix 9/2.
  EXPECT_EQ(certify(g, x).regrets, (std::vector<Rational>{0, 1, Rational(3, 2)}));
  EXPECT_EQ(certify(g, x).payoffs, (std::vector<Rational>{3, 3, Rational(9, 2)}));
}

TEST(Regret, AgreesWithBruteForceAndWithDoubles) {
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<int> counts;
    const int n = 1 + trial % 4;
    for (int p = 0; p < n; ++p) counts.push_back(1 + static_cast<int>(rng() % 4));
    auto g = test::random_game(counts, 20, rng);
    if (trial % 2 == 1) {  // fractional payoffs take the general rational path
      std::vector<Rational> pay;
      for (int p = 0; p < n; ++p) {
        for (std::int64_t i = 0; i < g.num_profiles(); ++i) pay.push_back(g.payoff(p, i) / 7);
      }
      g = StrategicGame(counts, pay);
      ASSERT_FALSE(g.integral_payoffs());
    }
    MixedProfile<Rational> x(counts);
    for (int p = 0; p < n; ++p) {
      Rational sum = 0;
      for (auto& v : x.player(p)) {
        v = static_cast<long>(rng() % 3);  // zeros exercise the support walk
        sum += v;
      }
      if (sum == 0) {
        x.player(p)[0] = 1;
        sum = 1;
      }
      for (auto& v : x.player(p)) v /= sum;
    }
    const auto exact = certify(g, x);
    const auto approx = certify(g, x.convert<double>());
    const auto want = oracle::regrets(g, x);
    for (int p = 0; p < n; ++p) {
      EXPECT_EQ(strategy_payoffs(g, x, p), oracle::strategy_payoffs(g, x, p));
      EXPECT_EQ(exact.regrets[p], want[p]);
      EXPECT_NEAR(approx.regrets[p], want[p].get_d(), 1e-9);
    }
  }
}

TEST(Regret, NormalisedMakesExactDistributions) {
  MixedProfile<Rational> x({2, 3});
  x.player(0)[0] = Rational(1, 3);
  x.player(0)[1] = Rational(1, 3);
  x.player(1)[0] = -1;
  x.player(1)[2] = 2;
  const auto y = normalised(x);
  EXPECT_EQ(y.player(0)[0], Rational(1, 2));
  EXPECT_EQ(y.player(1)[0], 0);
  EXPECT_EQ(y.player(1)[2], 1);
}

}  // namespace
}  // namespace equilibria
