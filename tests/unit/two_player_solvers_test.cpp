// Lemke-Howson and extreme-equilibrium enumeration on games with known answers.
#include <gtest/gtest.h>

#include <set>

#include "equilibria/games/generators.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/enumerate/extreme_equilibria.hpp"
#include "equilibria/solvers/lemke_howson/lemke_howson.hpp"
#include "equilibria/verify/regret.hpp"
#include "oracle.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

using Profile = std::vector<Rational>;

std::set<Profile> extreme(const StrategicGame& g, Arithmetic arithmetic = Arithmetic::kAuto) {
  ExtremeEquilibriaOptions options;
  options.arithmetic = arithmetic;
  std::set<Profile> out;
  for (const auto& p : equilibrium_profiles(extreme_equilibria(g, options))) out.insert(p.flat());
  return out;
}

std::vector<LemkeHowsonEquilibrium> lemke(const StrategicGame& g, LemkeHowsonOptions options = {}) {
  std::vector<LemkeHowsonEquilibrium> out;
  lemke_howson(g, options, [&](const LemkeHowsonEquilibrium& e) { out.push_back(e); });
  return out;
}

TEST(ExtremeEquilibria, KrepsWilsonHasThree) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/e04.nfg");
  const Rational t(3, 5), f(2, 5);
  const std::set<Profile> want{{1, 0, 0, 1, 0}, {1, 0, 0, t, f}, {0, 0, 1, 0, 1}};
  EXPECT_EQ(extreme(g), want);
  EXPECT_EQ(extreme(g, Arithmetic::kExact), want);
  EXPECT_EQ(extreme(g, Arithmetic::kDouble), want);
}

TEST(ExtremeEquilibria, MatchingPenniesAndAllZeroGame) {
  const Rational h(1, 2);
  EXPECT_EQ(extreme(test::bimatrix({{1, -1}, {-1, 1}}, {{-1, 1}, {1, -1}})), (std::set<Profile>{{h, h, h, h}}));
  // Every pure pair is an extreme equilibrium, and all four form one clique.
  const auto zero = test::bimatrix({{0, 0}, {0, 0}}, {{0, 0}, {0, 0}});
  EXPECT_EQ(extreme(zero).size(), 4u);
  ExtremeEquilibriaOptions options;
  options.cliques = true;
  const auto report = extreme_equilibria(zero, options);
  ASSERT_EQ(report.cliques.size(), 1u);
  EXPECT_EQ(report.cliques[0].row_vertices.size(), 2u);
  EXPECT_EQ(report.cliques[0].column_vertices.size(), 2u);
  EXPECT_EQ(report.components.size(), 1u);
}

TEST(ExtremeEquilibria, CoordinationGameHasTwoToTheNMinusOne) {
  GeneratorOptions o;
  o.kind = GeneratorKind::kCoordination;
  o.strategies = {5, 5};
  // Every nonempty support of the diagonal gives one equilibrium.
  EXPECT_EQ(extreme(generate_game(o)).size(), 31u);
}

TEST(ExtremeEquilibria, MatchVertexPairsOnDegenerateGames) {
  // Against the oracle's pairs of complementary vertices, in both arithmetics.
  GeneratorOptions o;
  o.kind = GeneratorKind::kDegenerate;
  std::size_t most = 0;
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    o.seed = seed;
    o.strategies = {2 + static_cast<int>(seed % 4), 2 + static_cast<int>((seed / 4) % 4)};
    const auto g = generate_game(o);
    const auto want = oracle::extreme_equilibria(g);
    const std::set<Profile> expected(want.begin(), want.end());
    EXPECT_EQ(extreme(g, Arithmetic::kDouble), expected) << "seed " << seed;
    EXPECT_EQ(extreme(g, Arithmetic::kExact), expected) << "seed " << seed;
    most = std::max(most, expected.size());
  }
  EXPECT_GE(most, 3u);
  const auto many = read_nfg_file(test::shared_dir() + "/games/gambit/6x6_game_with_75_eq.nfg");
  const auto want = oracle::extreme_equilibria(many);
  EXPECT_EQ(want.size(), 75u);
  EXPECT_EQ(extreme(many), std::set<Profile>(want.begin(), want.end()));
}

TEST(ExtremeEquilibria, RefusesOtherPlayerCounts) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/2x2x2.nfg");
  EXPECT_THROW(extreme_equilibria(g, {}), std::invalid_argument);
  EXPECT_THROW(lemke(g), std::invalid_argument);
}

TEST(LemkeHowson, EveryLabelEndsAtAnExtremeEquilibrium) {
  GeneratorOptions o;
  for (std::uint64_t seed = 0; seed < 40; ++seed) {
    o.seed = seed;
    o.kind = seed % 2 ? GeneratorKind::kDegenerate : GeneratorKind::kUniform;
    o.strategies = {2 + static_cast<int>(seed % 5), 2 + static_cast<int>((seed / 5) % 5)};
    const auto g = generate_game(o);
    const auto all = extreme(g);
    for (const auto& e : lemke(g)) {
      EXPECT_EQ(certify(g, e.profile).max_regret, 0);
      EXPECT_TRUE(all.count(e.profile.flat())) << "seed " << seed;
    }
  }
}

TEST(LemkeHowson, ExactPivotingAgreesAndLimitsHold) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/random/rand_20x20_s7.nfg");
  LemkeHowsonOptions exact;
  exact.exact_pivoting = true;
  const auto a = lemke(g), b = lemke(g, exact);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].profile.flat(), b[i].profile.flat());
  LemkeHowsonOptions one;
  one.limit = 1;
  EXPECT_EQ(lemke(g, one).size(), 1u);
  LemkeHowsonOptions label;
  label.label = 3;
  const auto single = lemke(g, label);
  ASSERT_EQ(single.size(), 1u);
  EXPECT_EQ(single[0].label, 3);
}

TEST(LemkeHowson, StopsWhenCancelled) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/random/rand_50x50_s7.nfg");
  std::atomic<bool> cancel{true};
  LemkeHowsonOptions options;
  options.control.set_cancel_flag(&cancel);
  EXPECT_EQ(lemke_howson(g, options, [](const LemkeHowsonEquilibrium&) {}).status, SolveStatus::kStopped);
}

TEST(Generators, AreDeterministicAndShaped) {
  GeneratorOptions o;
  o.strategies = {3, 4, 2};
  o.kind = GeneratorKind::kCovariant;
  o.rho = 0.5;
  const auto a = generate_game(o), b = generate_game(o);
  for (int p = 0; p < 3; ++p) {
    for (std::int64_t i = 0; i < a.num_profiles(); ++i) ASSERT_EQ(a.payoff(p, i), b.payoff(p, i));
  }
  o.kind = GeneratorKind::kZeroSum;
  EXPECT_THROW(generate_game(o), std::invalid_argument);
  o.strategies = {4, 4};
  const auto zs = generate_game(o);
  for (std::int64_t i = 0; i < zs.num_profiles(); ++i) EXPECT_EQ(zs.payoff(0, i) + zs.payoff(1, i), 0);
}

}  // namespace
}  // namespace equilibria
