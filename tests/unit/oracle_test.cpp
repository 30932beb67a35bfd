// Certificates and learners against the independent oracles of oracle.hpp:
// regrets and exploitability from their definitions, no-regret learners
// replayed from their update rules. A certifier that clamps, flips or skips
// anything, or a learner that drops its defining step, disagrees here.
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "equilibria/games/extensive/poker.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"
#include "equilibria/verify/exploitability.hpp"
#include "equilibria/verify/regret.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

MixedProfile<Rational> random_profile(const std::vector<int>& counts, std::mt19937_64& rng) {
  MixedProfile<Rational> x(counts);
  for (int p = 0; p < static_cast<int>(counts.size()); ++p) {
    Rational sum = 0;
    for (auto& v : x.player(p)) sum += v = static_cast<long>(rng() % 4);  // zeros leave strategies out
    if (sum == 0) sum = x.player(p)[0] = 1;
    for (auto& v : x.player(p)) v /= sum;
  }
  return x;
}

TEST(Oracle, CertifyMatchesTheDefinitionOnRandomGames) {
  std::mt19937_64 rng(5);
  int positive = 0;
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<int> counts;
    const int n = 2 + trial % 3;
    for (int p = 0; p < n; ++p) counts.push_back(1 + static_cast<int>(rng() % 4));
    auto g = test::random_game(counts, 21, rng);
    if (trial % 2 == 1) {  // negative fractional payoffs take the general rational path
      std::vector<Rational> pay;
      for (int p = 0; p < n; ++p) {
        for (std::int64_t i = 0; i < g.num_profiles(); ++i) pay.push_back((g.payoff(p, i) - 10) / 7);
      }
      g = StrategicGame(counts, pay);
    }
    const auto x = random_profile(counts, rng);
    const auto want = oracle::regrets(g, x);
    const auto cert = certify(g, x);
    const auto approx = certify(g, x.convert<double>());
    Rational top = want[0];
    for (int p = 0; p < n; ++p) {
      EXPECT_EQ(cert.regrets[p], want[p]) << "trial " << trial << " player " << p;
      EXPECT_NEAR(approx.regrets[p], want[p].get_d(), 1e-9) << "trial " << trial;
      EXPECT_EQ(strategy_payoffs(g, x, p), oracle::strategy_payoffs(g, x, p));
      Rational expected = 0;
      const auto values = oracle::strategy_payoffs(g, x, p);
      for (int s = 0; s < counts[p]; ++s) expected += x.player(p)[s] * values[s];
      EXPECT_EQ(cert.payoffs[p], expected);
      if (want[p] > top) top = want[p];
      if (want[p] > 0) ++positive;
    }
    EXPECT_EQ(cert.max_regret, top);
  }
  EXPECT_GT(positive, 60);  // the check must see many non-zero regrets
}

TEST(Oracle, PureProfilesOfTheThreePlayerGame) {
  // Every pure profile of McKelvey and McLennan's 2x2x2 game: regrets by
  // hand from the payoff table (index = s1 + 2 s2 + 4 s3).
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/2x2x2.nfg");
  // (1,1,1) pays (9,8,12): no one gains. (2,2,2) pays 0: player 1 gains 3 at
  // (1,2,2), player 2 gains 4 at (2,1,2), player 3 gains 2 at (2,2,1).
  const auto at = [&](std::vector<int> s) { return certify(g, MixedProfile<Rational>::pure({2, 2, 2}, s)).regrets; };
  EXPECT_EQ(at({0, 0, 0}), (std::vector<Rational>{0, 0, 0}));
  EXPECT_EQ(at({1, 1, 1}), (std::vector<Rational>{3, 4, 2}));
  EXPECT_EQ(at({1, 1, 1}), oracle::regrets(g, MixedProfile<Rational>::pure({2, 2, 2}, {1, 1, 1})));
}

// Small corpus trees with perfect recall whose pure strategies can be listed.
std::vector<std::pair<std::string, GameTree>> small_trees() {
  std::vector<std::pair<std::string, GameTree>> out;
  out.emplace_back("kuhn", kuhn_poker());
  for (const auto& f : test::files_with_extension(test::shared_dir() + "/games/gambit", ".efg")) {
    try {
      auto t = read_efg_file(f);
      if (!t.perfect_recall() || t.num_nodes() > 3000) continue;
      bool small = true;
      for (int p = 0; p < t.num_players(); ++p) {
        double pure = 1;
        for (int s : t.infosets_of(p)) pure *= t.num_actions(s);
        small = small && pure <= 4096;
      }
      if (small) out.emplace_back(f, std::move(t));
    } catch (const std::exception&) {
    }
  }
  return out;
}

TEST(Oracle, UniformKuhnIsExploitableByElevenTwentyFourths) {
  // OpenSpiel: exploitability of uniform play in Kuhn poker 0.458333.
  const auto kuhn = kuhn_poker();
  const auto uniform = uniform_behavior<Rational>(kuhn);
  EXPECT_EQ(oracle::exploitability(kuhn, uniform), Rational(11, 24));
  const auto cert = certify_behavior(kuhn, uniform);
  EXPECT_EQ(cert.exploitability, Rational(11, 24));
  EXPECT_NEAR(certify_behavior(kuhn, uniform_behavior<double>(kuhn)).exploitability, 11.0 / 24, 1e-12);
}

TEST(Oracle, TreeCertificatesMatchPureStrategyBruteForce) {
  std::mt19937_64 rng(8);
  const auto trees = small_trees();
  ASSERT_GT(trees.size(), 10u);
  int positive = 0;
  for (const auto& [name, t] : trees) {
    for (int trial = 0; trial < 3; ++trial) {
      std::vector<Rational> b(t.num_global_actions());
      for (int s = 0; s < t.num_infosets(); ++s) {
        Rational sum = 0;
        for (int a = 0; a < t.num_actions(s); ++a) sum += b[t.action_begin(s) + a] = static_cast<long>(rng() % 3);
        if (sum == 0) sum = b[t.action_begin(s)] = 1;
        for (int a = 0; a < t.num_actions(s); ++a) b[t.action_begin(s) + a] /= sum;
      }
      const auto cert = certify_behavior(t, b);
      const auto payoffs = oracle::tree_payoffs(t, b);
      EXPECT_EQ(expected_payoffs(t, b), payoffs) << name;
      EXPECT_EQ(cert.payoffs, payoffs) << name;
      Rational total = 0;
      for (int p = 0; p < t.num_players(); ++p) {
        const Rational regret = oracle::best_pure_value(t, b, p) - payoffs[p];
        EXPECT_EQ(cert.regrets[p], regret) << name << " player " << p;
        EXPECT_EQ(best_response(t, b, p).value, oracle::best_pure_value(t, b, p)) << name;
        total += regret;
        if (regret > 0) ++positive;
      }
      EXPECT_EQ(cert.nash_conv, total) << name;
      EXPECT_EQ(cert.exploitability, total / t.num_players()) << name;
    }
  }
  EXPECT_GT(positive, 20);
}

// The learners' update rules, written out from their definitions, on the
// payoffs the oracle computes for the mix the solver actually played.
struct Replay {
  std::vector<double> cumulative;  // RM: regrets; Hedge: payoffs
  std::vector<double> last;        // optimistic Hedge: the last payoff vector
};

std::vector<double> next_mix(Learner learner, const std::vector<double>& mix, const std::vector<double>& u,
                             Replay& state, double eta) {
  const int k = static_cast<int>(u.size());
  double expected = 0;
  for (int a = 0; a < k; ++a) expected += mix[a] * u[a];
  std::vector<double> out(k);
  if (learner == Learner::kRegretMatching || learner == Learner::kRegretMatchingPlus) {
    double total = 0;
    for (int a = 0; a < k; ++a) {
      state.cumulative[a] += u[a] - expected;
      if (learner == Learner::kRegretMatchingPlus) state.cumulative[a] = std::max(0.0, state.cumulative[a]);
      total += std::max(0.0, state.cumulative[a]);
    }
    for (int a = 0; a < k; ++a) out[a] = total > 0 ? std::max(0.0, state.cumulative[a]) / total : 1.0 / k;
  } else {
    const bool optimistic = learner == Learner::kOptimisticHedge;
    double top = -1e300, total = 0;
    std::vector<double> score(k);
    for (int a = 0; a < k; ++a) {
      state.cumulative[a] += u[a];
      score[a] = state.cumulative[a] + (optimistic ? u[a] : 0.0);  // predict the next payoff by the last
      top = std::max(top, score[a]);
    }
    for (int a = 0; a < k; ++a) total += out[a] = std::exp(eta * (score[a] - top));
    for (auto& v : out) v /= total;
  }
  return out;
}

std::vector<std::vector<double>> played(const StrategicGame& g, Learner learner, std::int64_t iterations,
                                        double eta) {
  NoRegretOptions options;
  options.learner = learner;
  options.iterations = iterations;
  options.learning_rate = eta;
  std::vector<std::vector<double>> mixes;
  options.on_play = [&](const std::vector<double>& mix) { mixes.push_back(mix); };
  run_no_regret(g, options);
  return mixes;
}

TEST(Oracle, ExternalRegretLearnersFollowTheirUpdateRules) {
  // A 3x3 game where regrets go negative (clipping matters) and payoffs swing
  // each round (optimism matters), and a three-player game.
  const auto rps = test::bimatrix({{0, -1, 2}, {1, 0, -1}, {-1, 1, 0}}, {{0, 1, -2}, {-1, 0, 1}, {1, -1, 0}});
  const auto three = read_nfg_file(test::shared_dir() + "/games/gambit/5x4x3.nfg");
  for (const auto* g : {&rps, &three}) {
    ASSERT_EQ(g->double_scale_exponent(), 0);
    const int n = g->num_players();
    for (auto learner : {Learner::kRegretMatching, Learner::kRegretMatchingPlus, Learner::kHedge,
                         Learner::kOptimisticHedge}) {
      const double eta = 0.1;
      const auto mixes = played(*g, learner, 200, eta);
      ASSERT_EQ(mixes.size(), 200u);
      std::vector<Replay> state(n);
      std::vector<int> begin{0};
      for (int p = 0; p < n; ++p) {
        begin.push_back(begin.back() + g->num_strategies(p));
        state[p].cumulative.assign(g->num_strategies(p), 0.0);
      }
      for (std::size_t t = 0; t + 1 < mixes.size(); ++t) {
        for (int p = 0; p < n; ++p) {
          const std::vector<double> mine(mixes[t].begin() + begin[p], mixes[t].begin() + begin[p + 1]);
          const auto want = next_mix(learner, mine, oracle::strategy_payoffs(*g, mixes[t], p), state[p], eta);
          for (int a = 0; a < g->num_strategies(p); ++a) {
            ASSERT_NEAR(mixes[t + 1][begin[p] + a], want[a], 1e-9)
                << learner_names()[static_cast<int>(learner)] << " round " << t + 1 << " player " << p;
          }
        }
      }
    }
  }
}

TEST(Oracle, RegretMatchingPlusAndOptimismChangeThePlay) {
  // The variants must not collapse into their base learners on this game.
  const auto rps = test::bimatrix({{0, -1, 2}, {1, 0, -1}, {-1, 1, 0}}, {{0, 1, -2}, {-1, 0, 1}, {1, -1, 0}});
  EXPECT_NE(played(rps, Learner::kRegretMatching, 50, 0), played(rps, Learner::kRegretMatchingPlus, 50, 0));
  EXPECT_NE(played(rps, Learner::kHedge, 50, 0.1), played(rps, Learner::kOptimisticHedge, 50, 0.1));
}

TEST(Oracle, SwapRegretStaysWithinBlumMansoursBound) {
  // Blum and Mansour with regret matching: player i's swap regret after T
  // rounds is at most range * sqrt(k (k - 1) T), so the empirical play's
  // largest CE deviation gain is at most range * sqrt(k (k - 1) / T).
  const auto shapley = test::bimatrix({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
  for (std::int64_t t : {100, 1000, 4000}) {
    NoRegretOptions options;
    options.learner = Learner::kSwapRegret;
    options.iterations = t;
    const auto r = run_no_regret(shapley, options);
    const double gap = certify_distribution(shapley, r.joint, CorrelatedConcept::kCorrelated).max_gain;
    EXPECT_LE(gap, std::sqrt(3.0 * 2.0 / static_cast<double>(t))) << t;
  }
}

}  // namespace
}  // namespace equilibria
