#include "equilibria/solvers/pure/pure_nash.hpp"

#include <gtest/gtest.h>

#include <set>

#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

std::set<std::vector<int>> solve(const StrategicGame& g, PureNashOptions options = {}) {
  std::set<std::vector<int>> out;
  enumerate_pure_nash(g, options, [&](const std::vector<int>& s) { out.insert(s); });
  return out;
}

std::set<std::vector<int>> brute_force(const StrategicGame& g) {
  std::set<std::vector<int>> out;
  for (std::int64_t i = 0; i < g.num_profiles(); ++i) {
    const auto pure = g.profile_of_index(i);
    bool stable = true;
    for (int p = 0; p < g.num_players() && stable; ++p) {
      auto dev = pure;
      for (int s = 0; s < g.num_strategies(p); ++s) {
        dev[p] = s;
        if (g.payoff(p, g.profile_index(dev)) > g.payoff(p, i)) stable = false;
      }
    }
    if (stable) out.insert(pure);
  }
  return out;
}

TEST(PureNash, TextbookGames) {
  const auto pd = read_nfg(
      "NFG 1 R \"pd\" { \"A\" \"B\" } { 2 2 } -1 -1 0 -3 -3 0 -2 -2", "pd");
  EXPECT_EQ(solve(pd), (std::set<std::vector<int>>{{1, 1}}));
  const auto pennies = test::bimatrix({{1, -1}, {-1, 1}}, {{-1, 1}, {1, -1}});
  EXPECT_TRUE(solve(pennies).empty());
  const auto coordination = read_nfg_file(test::shared_dir() + "/games/gambit/coordination_4x4_outcome.nfg");
  EXPECT_EQ(solve(coordination).size(), 4u);
}

TEST(PureNash, MatchesBruteForceOnRandomGamesWithTies) {
  std::mt19937_64 rng(2024);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<int> counts;
    const int n = 1 + trial % 4;
    for (int p = 0; p < n; ++p) counts.push_back(1 + static_cast<int>(rng() % 5));
    const auto g = test::random_game(counts, 3, rng);  // small range: many ties
    EXPECT_EQ(solve(g), brute_force(g)) << "trial " << trial;
  }
}

TEST(PureNash, ExactComparisonWhenDoublesWouldTie) {
  // 1/3 and 0.333...3 (17 digits) are equal as doubles but not as rationals.
  const auto g = read_nfg("NFG 1 R \"\" { \"A\" \"B\" } { 2 1 } 1/3 0 0.33333333333333333 0", "m");
  ASSERT_FALSE(g.doubles_are_exact());
  EXPECT_EQ(solve(g), (std::set<std::vector<int>>{{0, 0}}));
}

TEST(PureNash, LimitAndStop) {
  const auto coordination = read_nfg_file(test::shared_dir() + "/games/gambit/coordination_4x4_outcome.nfg");
  PureNashOptions two;
  two.limit = 2;
  std::size_t count = 0;
  EXPECT_EQ(enumerate_pure_nash(coordination, two, [&](const std::vector<int>&) { ++count; }),
            SolveStatus::kLimitReached);
  EXPECT_EQ(count, 2u);
  std::atomic<bool> cancel{true};
  PureNashOptions stopped;
  stopped.control.set_cancel_flag(&cancel);
  EXPECT_EQ(enumerate_pure_nash(coordination, stopped, [](const std::vector<int>&) {}), SolveStatus::kStopped);
}

}  // namespace
}  // namespace equilibria
