#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"

#include <gtest/gtest.h>

#include "equilibria/games/generators.hpp"
#include "equilibria/io/nfg.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

double gap(const StrategicGame& g, Learner learner, std::int64_t iterations, CorrelatedConcept kind) {
  NoRegretOptions options;
  options.learner = learner;
  options.iterations = iterations;
  const auto r = run_no_regret(g, options);
  EXPECT_EQ(r.iterations, iterations);
  return certify_distribution(g, r.joint, kind).max_gain;
}

TEST(NoRegret, EveryLearnerApproachesACoarseCorrelatedEquilibrium) {
  const auto rps = test::bimatrix({{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}}, {{0, 1, -1}, {-1, 0, 1}, {1, -1, 0}});
  const auto three = read_nfg_file(test::shared_dir() + "/games/gambit/5x4x3.nfg");
  for (auto learner : {Learner::kRegretMatching, Learner::kRegretMatchingPlus, Learner::kHedge,
                       Learner::kOptimisticHedge, Learner::kSwapRegret}) {
    const double short_run = gap(rps, learner, 100, CorrelatedConcept::kCoarseCorrelated);
    const double long_run = gap(rps, learner, 5000, CorrelatedConcept::kCoarseCorrelated);
    EXPECT_LT(long_run, 0.02) << static_cast<int>(learner);
    EXPECT_LE(long_run, short_run + 1e-12) << static_cast<int>(learner);
    EXPECT_LT(gap(three, learner, 5000, CorrelatedConcept::kCoarseCorrelated), 0.03) << static_cast<int>(learner);
  }
}

TEST(NoRegret, SwapRegretApproachesACorrelatedEquilibrium) {
  // Shapley's game: fictitious-play-like dynamics cycle; swap regret still reaches a CE.
  const auto shapley = test::bimatrix({{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
  EXPECT_LT(gap(shapley, Learner::kSwapRegret, 20000, CorrelatedConcept::kCorrelated), 0.01);
}

TEST(NoRegret, HonoursTheStopFlagAndDistributesMass) {
  GeneratorOptions o;
  o.strategies = {4, 4, 4};
  const auto g = generate_game(o);
  NoRegretOptions options;
  options.iterations = 300;
  std::vector<std::int64_t> logged;
  options.log_every = 100;
  options.log = [&](std::int64_t t, double, double) { logged.push_back(t); };
  const auto r = run_no_regret(g, options);
  double total = 0;
  for (double p : r.joint) total += p;
  EXPECT_NEAR(total, 1.0, 1e-12);
  EXPECT_EQ(logged, (std::vector<std::int64_t>{100, 200, 300}));
  std::atomic<bool> cancel{true};
  options.control.set_cancel_flag(&cancel);
  options.iterations = 1000000;
  EXPECT_EQ(run_no_regret(g, options).status, SolveStatus::kStopped);
}

}  // namespace
}  // namespace equilibria

#include "equilibria/solvers/no_regret/sparse_cce.hpp"

namespace equilibria {
namespace {

TEST(SparseCce, FewProductProfilesWithACertifiedGap) {
  const auto g = read_nfg_file(test::shared_dir() + "/games/gambit/5x4x3.nfg");
  double previous = 1e300;
  for (int k : {1, 2, 4, 8}) {
    SparseCceOptions options;
    options.dynamics.iterations = 2000;
    options.support = k;
    const auto r = sparse_cce(g, options);
    EXPECT_LE(static_cast<int>(r.components.size()), k);
    double total = 0;
    for (double w : r.weights) total += w;
    EXPECT_NEAR(total, 1.0, 1e-12);
    const double gap = r.cert.max_gain.get_d();
    EXPECT_LE(gap, previous + 1e-9) << k;  // the k heaviest include the fewer: a superset never does worse
    previous = gap;
  }
  EXPECT_LT(previous, 1e-6);
}

}  // namespace
}  // namespace equilibria
