// Correlated and coarse correlated equilibria against hand-solved games.
#include <gtest/gtest.h>

#include "equilibria/core/input_error.hpp"
#include "equilibria/games/generators.hpp"
#include "equilibria/io/distribution_constraints.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/correlated/correlated_lp.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

StrategicGame chicken() {
  // Dare/Chicken: (D,D) 0,0; (D,C) 7,2; (C,D) 2,7; (C,C) 6,6.
  return test::bimatrix({{0, 7}, {2, 6}}, {{0, 2}, {7, 6}});
}

TEST(DeviationGains, ByHand) {
  const auto g = chicken();
  // All mass on (D,D): each player gains 2 by swerving.
  std::vector<Rational> mu(4, 0);
  mu[g.profile_index({0, 0})] = 1;
  const auto ce = certify_distribution(g, mu, CorrelatedConcept::kCorrelated);
  EXPECT_EQ(ce.gains, (std::vector<Rational>{2, 2}));
  EXPECT_EQ(ce.payoffs, (std::vector<Rational>{0, 0}));
  // Uniform: the row player earns 15/4. CE: told D, swerving gains (2+6)/4 - (0+7)/4 = 1/4
  // (told C, daring loses 1/4). CCE: always swerving earns 4, a gain of 1/4; always daring 7/2.
  std::vector<Rational> uniform(4, Rational(1, 4));
  EXPECT_EQ(certify_distribution(g, uniform, CorrelatedConcept::kCorrelated).gains[0], Rational(1, 4));
  EXPECT_EQ(certify_distribution(g, uniform, CorrelatedConcept::kCoarseCorrelated).gains[0], Rational(1, 4));
  EXPECT_EQ(certify_distribution(g, uniform, CorrelatedConcept::kCoarseCorrelated).payoffs[0], Rational(15, 4));
}

TEST(CorrelatedLp, ChickensWelfareMaximisingCe) {
  const auto r = solve_correlated_lp(chicken(), CorrelatedConcept::kCorrelated, {}, {});
  ASSERT_TRUE(r.exact);
  EXPECT_EQ(r.objective, Rational(21, 2));
  EXPECT_EQ(r.distribution[chicken().profile_index({1, 1})], Rational(1, 2));
  EXPECT_EQ(r.distribution[chicken().profile_index({0, 1})], Rational(1, 4));
  EXPECT_EQ(r.cert.gains, (std::vector<Rational>{0, 0}));
}

TEST(CorrelatedLp, ObjectivesAndConstraints) {
  const auto g = chicken();
  CorrelatedObjective row;
  row.kind = CorrelatedObjective::Kind::kPlayer;
  row.player = 0;
  EXPECT_EQ(solve_correlated_lp(g, CorrelatedConcept::kCorrelated, row, {}).objective, 7);
  CorrelatedObjective fair;
  fair.kind = CorrelatedObjective::Kind::kMinPlayer;
  EXPECT_EQ(solve_correlated_lp(g, CorrelatedConcept::kCoarseCorrelated, fair, {}).objective, Rational(21, 4));
  const auto forbid = read_distribution_constraints(R"({"constraints": [{"forbid": [[1, 1]]}]})", "c.json", g);
  const auto r = solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, forbid);
  ASSERT_TRUE(r.exact);
  EXPECT_EQ(r.distribution[g.profile_index({1, 1})], 0);
  EXPECT_EQ(r.objective, 9);  // a pure equilibrium is then best
  const auto impossible = read_distribution_constraints(R"({"constraints": [{"payoff": 0, ">=": "15/2"}]})", "c.json", g);
  EXPECT_FALSE(solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, impossible).feasible);
  const auto marginal =
      read_distribution_constraints(R"({"constraints": [{"marginal": [0, 0], ">=": "1/2"}]})", "c.json", g);
  const auto m = solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, marginal);
  ASSERT_TRUE(m.exact);
  EXPECT_GE(m.distribution[g.profile_index({0, 0})] + m.distribution[g.profile_index({0, 1})], Rational(1, 2));
}

TEST(CorrelatedLp, ExactOnThreePlayerCorpusGames) {
  for (const char* name : {"2x2x2.nfg", "3x3x3.nfg", "5x4x3.nfg"}) {
    const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/" + name);
    for (auto kind : {CorrelatedConcept::kCorrelated, CorrelatedConcept::kCoarseCorrelated}) {
      const auto r = solve_correlated_lp(g, kind, {}, {});
      ASSERT_TRUE(r.feasible) << name;
      EXPECT_TRUE(r.exact) << name;
      EXPECT_EQ(r.cert.max_gain, 0) << name;
    }
  }
}

TEST(CorrelatedLp, ColumnGenerationAgreesWithTheFullLp) {
  // 4096 profiles: the LP grows by column generation. An extra constraint that
  // every distribution meets forces the full LP; both must agree exactly.
  int rounds = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    GeneratorOptions o;
    o.strategies = {8, 8, 8, 8};
    o.seed = seed;
    o.kind = GeneratorKind::kCovariant;
    o.rho = -0.3;  // conflicting interests: the welfare-best profile is rarely stable
    const auto g = generate_game(o);
    const auto generated = solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, {});
    DistributionConstraint harmless;
    harmless.terms.emplace_back(0, Rational(1));
    harmless.rhs = 1;
    const auto full = solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, {harmless});
    ASSERT_TRUE(generated.exact && full.exact) << seed;
    EXPECT_EQ(generated.objective, full.objective) << seed;
    EXPECT_EQ(generated.cert.max_gain, 0);
    rounds += generated.generation_rounds;
  }
  EXPECT_GT(rounds, 0);
}

TEST(CorrelatedLp, LargePayoffsNeverMakeTheUnconstrainedLpInfeasible) {
  // 4-player games with payoffs up to 10^6: column generation's big-M master
  // was declared infeasible by Clp on these seeds (32 of seeds 1-150).
  for (std::uint64_t seed : {9, 12, 13, 15, 21, 26}) {
    GeneratorOptions o;
    o.strategies = {5, 5, 5, 5};
    o.range = 1000000;
    o.seed = seed;
    const auto g = generate_game(o);
    for (auto kind : {CorrelatedConcept::kCoarseCorrelated, CorrelatedConcept::kCorrelated}) {
      const auto r = solve_correlated_lp(g, kind, {}, {});
      ASSERT_TRUE(r.feasible) << seed;
      EXPECT_EQ(r.status, SolveStatus::kComplete) << seed;
      EXPECT_TRUE(r.exact) << seed;
      EXPECT_EQ(r.cert.max_gain, 0) << seed;
    }
  }
}

TEST(CorrelatedLp, PayoffsBeyondTheDoubleRangeAreSolvedExactly) {
  // 1e309 overflows a double: Clp once ended without an answer, reported as
  // the time limit; scaled doubles cannot resolve 4 next to 1e309 either, so
  // the exact simplex finds the welfare-best CE, the pure equilibrium (1, 2).
  const auto g = read_nfg("NFG 1 R \"big\" { \"1\" \"2\" } { 2 2 }\n1e309 0 2 3 4 5 1 1e309\n", "big.nfg");
  for (auto kind : {CorrelatedConcept::kCorrelated, CorrelatedConcept::kCoarseCorrelated}) {
    const auto r = solve_correlated_lp(g, kind, {}, {});
    EXPECT_EQ(r.status, SolveStatus::kComplete);
    ASSERT_TRUE(r.exact);
    EXPECT_EQ(r.cert.max_gain, 0);
    EXPECT_EQ(r.objective, 9);
    EXPECT_EQ(r.distribution[g.profile_index({0, 1})], 1);
  }
}

TEST(CorrelatedLp, InfeasibleConstraintsAreProvenExactly) {
  const auto g = chicken();
  const auto impossible = read_distribution_constraints(R"({"constraints": [{"payoff": 0, ">=": "15/2"}]})", "c.json", g);
  const auto r = solve_correlated_lp(g, CorrelatedConcept::kCorrelated, {}, impossible);
  EXPECT_FALSE(r.feasible);
  EXPECT_TRUE(r.exact);  // phase one of the exact simplex ends with a positive artificial
  EXPECT_TRUE(r.distribution.empty());
}

TEST(CorrelatedLp, StopsWhenCancelled) {
  GeneratorOptions o;
  o.strategies = {8, 8, 8, 8};
  std::atomic<bool> cancel{true};
  SolveControl control;
  control.set_cancel_flag(&cancel);
  EXPECT_EQ(solve_correlated_lp(generate_game(o), CorrelatedConcept::kCorrelated, {}, {}, control).status,
            SolveStatus::kStopped);
}

TEST(DistributionConstraints, BadFilesAreRefused) {
  const auto g = chicken();
  for (const char* bad : {R"([])", R"({"constraints": [{"forbid": [[0, 5]]}]})", R"({"constraints": [{"payoff": 3, "<=": 1}]})",
                          R"({"constraints": [{"payoff": 0}]})", R"({"constraints": [{"payoff": 0, "<=": "x"}]})",
                          R"({"constraints": [{"marginal": [0], "<=": 1}]})", R"({"constraints": [{"wish": 1, "<=": 1}]})",
                          "{"}) {
    EXPECT_THROW(read_distribution_constraints(bad, "c.json", g), InputError) << bad;
  }
  // A bound beyond the double range escaped as nlohmann's out_of_range; as a string it is read exactly.
  EXPECT_THROW(read_distribution_constraints(R"({"constraints": [{"payoff": 0, "<=": 1e400}]})", "c.json", g), InputError);
  mpz_class huge;
  mpz_ui_pow_ui(huge.get_mpz_t(), 10, 400);
  EXPECT_EQ(read_distribution_constraints(R"({"constraints": [{"payoff": 0, "<=": "1e400"}]})", "c.json", g)[0].rhs,
            Rational(huge));
}

}  // namespace
}  // namespace equilibria
