#include <gtest/gtest.h>

#include <random>

#include "equilibria/io/markov_json.hpp"
#include "equilibria/solvers/markov/independent_learning.hpp"
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"
#include "equilibria/verify/markov_mixture_certificate.hpp"

namespace equilibria {
namespace {

using R = Rational;
using Mix = std::vector<R>;

// Horizon 2. Step 0 at s0: Column signals L or R (Row's action does nothing);
// step 1 at s1: Row scores 1 by matching A-X or B-Y, Column by A-Y or B-X.
// Component 1: Column plays L w.p. 3/4 then X; component 2: L w.p. 1/4 then Y.
// Row plays the wrong letter in each (value 0). Told k Row would get 1; not
// told, after L it believes component 1 with 3/4 and plays A: 3/4; a Markov
// Row (same action at s1 whatever it saw) gets 1/2.
const char* kSignal = R"({"format": "markov-game", "players": ["Row", "Column"], "horizon": 2, "initial": {"s0": "1"},
 "states": [
  {"name": "s0", "actions": [["a", "b"], ["L", "R"]], "outcomes": [
    {"profile": ["a", "L"], "rewards": ["0", "0"], "next": {"s1": "1"}},
    {"profile": ["b", "L"], "rewards": ["0", "0"], "next": {"s1": "1"}},
    {"profile": ["a", "R"], "rewards": ["0", "0"], "next": {"s1": "1"}},
    {"profile": ["b", "R"], "rewards": ["0", "0"], "next": {"s1": "1"}}]},
  {"name": "s1", "actions": [["A", "B"], ["X", "Y"]], "outcomes": [
    {"profile": ["A", "X"], "rewards": ["1", "0"], "next": {"s0": "1"}},
    {"profile": ["B", "X"], "rewards": ["0", "1"], "next": {"s0": "1"}},
    {"profile": ["A", "Y"], "rewards": ["0", "1"], "next": {"s0": "1"}},
    {"profile": ["B", "Y"], "rewards": ["1", "0"], "next": {"s0": "1"}}]}]})";

FiniteHorizonPolicy<R> signal_component(const Mix& signal, const Mix& letter, const Mix& row_letter) {
  const Mix half{R(1, 2), R(1, 2)};
  // [t][p][s]: step 0 plays at s0, step 1 at s1; the other entries are never reached.
  return {{{half, half}, {signal, half}}, {{half, row_letter}, {half, letter}}};
}

MarkovMixture signal_mixture() {
  MarkovMixture m;
  m.weights = {R(1, 2), R(1, 2)};
  m.components = {signal_component({R(3, 4), R(1, 4)}, {R(1), R(0)}, {R(0), R(1)}),
                  signal_component({R(1, 4), R(3, 4)}, {R(0), R(1)}, {R(1), R(0)})};
  return m;
}

TEST(MarkovMixture, TheDeviatorTracksThePosteriorByHand) {
  const MarkovGame g = read_markov_json(kSignal, "signal.json");
  const MixtureCertificate c = certify_markov_mixture(g, signal_mixture(), {});
  const MixtureDeviation& row = c.players[0];
  EXPECT_EQ(row.value, R(0));
  EXPECT_EQ(row.informed, R(1));
  EXPECT_EQ(row.markov, R(1, 2));
  EXPECT_EQ(row.lower, R(3, 4));
  EXPECT_EQ(row.upper, R(3, 4));
  EXPECT_EQ(row.first_cut_step, -1);
  EXPECT_EQ(row.nodes, 3);  // the root and the two posteriors at s1
  // Column sees nothing informative (Row is uniform at s0): 1/2 < its value 1.
  EXPECT_EQ(c.players[1].value, R(1));
  EXPECT_EQ(c.players[1].lower, R(1, 2));
  EXPECT_EQ(c.players[1].gap_upper(), R(0));
  EXPECT_TRUE(c.exact());
  EXPECT_EQ(c.gap_lower, R(3, 4));
}

TEST(MarkovMixture, ACutExpansionGivesBoundsAroundTheExactValue) {
  const MarkovGame g = read_markov_json(kSignal, "signal.json");
  MixtureCertificateOptions options;
  options.max_nodes = 0;  // nothing expanded: the root's own bounds
  MixtureCertificate c = certify_markov_mixture(g, signal_mixture(), options);
  EXPECT_EQ(c.players[0].lower, R(1, 2));
  EXPECT_EQ(c.players[0].upper, R(1));
  EXPECT_EQ(c.players[0].first_cut_step, 0);
  EXPECT_FALSE(c.exact());
  options.max_nodes = 1;  // the root expanded; at s1 each posterior is bounded
  c = certify_markov_mixture(g, signal_mixture(), options);
  // Below the cut component 1's best response (A) is the better candidate after L: 3/4.
  EXPECT_EQ(c.players[0].lower, R(3, 4));
  EXPECT_EQ(c.players[0].upper, R(1));
  EXPECT_EQ(c.players[0].cut_nodes, 2);
  EXPECT_EQ(c.players[0].first_cut_step, 1);
}

// Random tiny games and mixtures: two players, two states, two actions, horizon 2, start at state 0.
MarkovGame random_game(std::mt19937& rng) {
  std::uniform_int_distribution<int> reward(-3, 3), weight(1, 3);
  std::vector<MarkovState> states{{"s", {{"a", "b"}, {"c", "d"}}}, {"t", {{"a", "b"}, {"c", "d"}}}};
  std::vector<std::vector<MarkovOutcome>> outcomes(2);
  for (int s = 0; s < 2; ++s) {
    for (int j = 0; j < 4; ++j) {
      const int w0 = weight(rng), w1 = weight(rng);
      outcomes[s].push_back({{R(reward(rng)), R(reward(rng))}, {{0, R(w0, w0 + w1)}, {1, R(w1, w0 + w1)}}});
    }
  }
  return MarkovGame({"P", "Q"}, states, outcomes, std::nullopt, 2, {R(1), R(0)});
}

MarkovMixture random_mixture(std::mt19937& rng, int components) {
  std::uniform_int_distribution<int> weight(0, 3);
  MarkovMixture m;
  for (int k = 0; k < components; ++k) {
    m.weights.push_back(R(1, components));
    FiniteHorizonPolicy<R> pi(2, MarkovPolicy<R>(2, std::vector<Mix>(2)));
    for (auto& step : pi) {
      for (auto& player : step) {
        for (auto& mix : player) {
          const int a = weight(rng), b = weight(rng) + 1;
          mix = {R(a, a + b), R(b, a + b)};
          for (auto& q : mix) q.canonicalize();
        }
      }
    }
    m.components.push_back(std::move(pi));
  }
  return m;
}

// Brute force, written apart from the certificate: every pure history-dependent
// policy of the deviator (step 0 at state 0: one choice; step 1: one per
// history (a0 joint, s1): 8 choices; 2^9 policies), valued against every
// component by summing over all paths.
R brute_force_best(const MarkovGame& g, const MarkovMixture& m, int i) {
  R best;
  bool first = true;
  for (int code = 0; code < 512; ++code) {
    auto choice = [&](int history) { return (code >> history) & 1; };  // history 0: the root; 1 + 2 * joint + s1
    R total = 0;
    for (std::size_t k = 0; k < m.components.size(); ++k) {
      const auto& pi = m.components[k];
      for (int j0 = 0; j0 < 4; ++j0) {
        const int a0[2] = {j0 % 2, j0 / 2};
        if (a0[i] != choice(0)) continue;
        const R p0 = pi[0][1 - i][0][a0[1 - i]];
        const std::int64_t o0 = g.joint_begin(0) + j0;
        total += m.weights[k] * p0 * g.reward(o0, i);
        for (std::int64_t e = g.transition_begin(o0); e < g.transition_end(o0); ++e) {
          const int s1 = g.transition(e).next;
          for (int j1 = 0; j1 < 4; ++j1) {
            const int a1[2] = {j1 % 2, j1 / 2};
            if (a1[i] != choice(1 + 2 * j0 + s1)) continue;
            const R p1 = pi[1][1 - i][s1][a1[1 - i]];
            total += m.weights[k] * p0 * g.transition_probability(e) * p1 * g.reward(g.joint_begin(s1) + j1, i);
          }
        }
      }
    }
    if (first || total > best) best = total;
    first = false;
  }
  return best;
}

// The mixture's own value, path by path.
R brute_force_value(const MarkovGame& g, const MarkovMixture& m, int i) {
  R total = 0;
  for (std::size_t k = 0; k < m.components.size(); ++k) {
    const auto& pi = m.components[k];
    for (int j0 = 0; j0 < 4; ++j0) {
      const R p0 = pi[0][0][0][j0 % 2] * pi[0][1][0][j0 / 2];
      const std::int64_t o0 = g.joint_begin(0) + j0;
      total += m.weights[k] * p0 * g.reward(o0, i);
      for (std::int64_t e = g.transition_begin(o0); e < g.transition_end(o0); ++e) {
        const int s1 = g.transition(e).next;
        for (int j1 = 0; j1 < 4; ++j1) {
          const R p1 = pi[1][0][s1][j1 % 2] * pi[1][1][s1][j1 / 2];
          total += m.weights[k] * p0 * g.transition_probability(e) * p1 * g.reward(g.joint_begin(s1) + j1, i);
        }
      }
    }
  }
  return total;
}

TEST(MarkovMixture, ExactGapMatchesBruteForceOverPureHistoryPolicies) {
  std::mt19937 rng(11);
  int strictly_below_informed = 0;
  for (int trial = 0; trial < 12; ++trial) {
    const MarkovGame g = random_game(rng);
    const MarkovMixture m = random_mixture(rng, 2 + trial % 2);
    const MixtureCertificate c = certify_markov_mixture(g, m, {});
    for (int i = 0; i < 2; ++i) {
      const MixtureDeviation& d = c.players[i];
      const R best = brute_force_best(g, m, i);
      EXPECT_EQ(d.lower, best) << trial << ' ' << i;
      EXPECT_EQ(d.upper, best) << trial << ' ' << i;
      EXPECT_EQ(d.value, brute_force_value(g, m, i)) << trial << ' ' << i;
      EXPECT_LE(d.markov, best);
      EXPECT_GE(d.informed, best);
      if (d.informed > best) ++strictly_below_informed;
      // Any budget: lower <= exact <= upper.
      for (std::int64_t budget : {0, 1, 2, 4}) {
        MixtureCertificateOptions options;
        options.max_nodes = budget;
        const MixtureDeviation cut = certify_markov_mixture(g, m, options).players[i];
        EXPECT_LE(cut.lower, best) << trial << ' ' << i << ' ' << budget;
        EXPECT_GE(cut.upper, best) << trial << ' ' << i << ' ' << budget;
      }
    }
  }
  EXPECT_GT(strictly_below_informed, 0);  // the posterior matters in some of them
}

// A one-player game (an MDP), horizon 2. s0: x pays 0 and leads to s1, y pays
// 1 and stays; s1: u pays 3, v pays 0, both back to s0. By hand, regret
// matching+: episode 1 (uniform) has Q at step 1: s0 (0, 1), s1 (3, 0); at step
// 0: s0 (3/2, 3/2), s1 (7/2, 1/2). Episode 2 plays uniform at (0, s0), y at
// (1, s0), u at (1, s1) and at (0, s1); its step-0 Q at s0 is (3, 2), so
// episode 3 plays x there. Best responses gain 3/2, then 1/2.
const char* kMdp = R"({"format": "markov-game", "players": ["Me"], "horizon": 2, "initial": {"s0": "1"},
 "states": [
  {"name": "s0", "actions": [["x", "y"]], "outcomes": [
    {"profile": ["x"], "rewards": ["0"], "next": {"s1": "1"}},
    {"profile": ["y"], "rewards": ["1"], "next": {"s0": "1"}}]},
  {"name": "s1", "actions": [["u", "v"]], "outcomes": [
    {"profile": ["u"], "rewards": ["3"], "next": {"s0": "1"}},
    {"profile": ["v"], "rewards": ["0"], "next": {"s0": "1"}}]}]})";

TEST(IndependentLearning, RegretMatchingOnOwnQValuesByHand) {
  const MarkovGame g = read_markov_json(kMdp, "mdp.json");
  IndependentLearningOptions options;
  options.episodes = 2;
  const IndependentLearningResult two = run_independent_learning(g, options);
  ASSERT_EQ(two.policies.size(), 2u);
  EXPECT_EQ(two.policies[1][0][0][0], (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(two.policies[1][1][0][0], (std::vector<double>{0, 1}));
  EXPECT_EQ(two.policies[1][1][0][1], (std::vector<double>{1, 0}));
  EXPECT_EQ(two.policies[1][0][0][1], (std::vector<double>{1, 0}));
  EXPECT_DOUBLE_EQ(two.regret_bound[0], 1.0);  // (3/2 + 1/2) / 2
  options.episodes = 3;
  std::vector<std::int64_t> logged;
  options.log_every = 1;
  options.log = [&](std::int64_t k, double, const std::vector<double>& r) {
    logged.push_back(k);
    ASSERT_EQ(r.size(), 1u);
  };
  const IndependentLearningResult three = run_independent_learning(g, options);
  EXPECT_EQ(three.policies[2][0][0][0], (std::vector<double>{1, 0}));
  EXPECT_EQ(logged, (std::vector<std::int64_t>{1, 2, 3}));
}

TEST(IndependentLearning, OneStepIsTheStrategicDynamics) {
  // Horizon 1, one state: the Markov learners are the strategic ones on the stage game.
  const char* rps = R"({"format": "markov-game", "players": ["A", "B"], "horizon": 1, "initial": {"s": "1"},
   "states": [{"name": "s", "actions": [["r", "p", "s"], ["r", "p", "s"]], "outcomes": [
    {"profile": ["r", "r"], "rewards": ["0", "0"], "next": {"s": "1"}},
    {"profile": ["p", "r"], "rewards": ["1", "-1"], "next": {"s": "1"}},
    {"profile": ["s", "r"], "rewards": ["-1", "1"], "next": {"s": "1"}},
    {"profile": ["r", "p"], "rewards": ["-2", "2"], "next": {"s": "1"}},
    {"profile": ["p", "p"], "rewards": ["0", "0"], "next": {"s": "1"}},
    {"profile": ["s", "p"], "rewards": ["1", "-1"], "next": {"s": "1"}},
    {"profile": ["r", "s"], "rewards": ["1", "-1"], "next": {"s": "1"}},
    {"profile": ["p", "s"], "rewards": ["-1", "1"], "next": {"s": "1"}},
    {"profile": ["s", "s"], "rewards": ["0", "0"], "next": {"s": "1"}}]}]})";
  const MarkovGame g = read_markov_json(rps, "rps.json");
  IndependentLearningOptions options;
  options.learner = Learner::kRegretMatching;
  options.episodes = 30;
  const IndependentLearningResult r = run_independent_learning(g, options);
  // Regret matching by hand on the first two rounds: uniform, then A's regrets
  // against B's uniform play are (-1/3, 0, 0) + 1/3... computed here from the payoffs.
  const double u[3][3] = {{0, -2, 1}, {1, 0, -1}, {-1, 1, 0}};  // A's payoff u[a][b]
  std::vector<double> x{1.0 / 3, 1.0 / 3, 1.0 / 3}, y = x, rx(3, 0.0), ry(3, 0.0);
  for (int k = 0; k < 30; ++k) {
    for (int a = 0; a < 3; ++a) {
      EXPECT_NEAR(r.policies[k][0][0][0][a], x[a], 1e-12) << k;
      EXPECT_NEAR(r.policies[k][0][1][0][a], y[a], 1e-12) << k;
    }
    double qx[3] = {0, 0, 0}, qy[3] = {0, 0, 0}, vx = 0, vy = 0;
    for (int a = 0; a < 3; ++a) {
      for (int b = 0; b < 3; ++b) {
        qx[a] += y[b] * u[a][b];
        qy[b] -= x[a] * u[a][b];
      }
    }
    for (int a = 0; a < 3; ++a) vx += x[a] * qx[a], vy += y[a] * qy[a];
    double sx = 0, sy = 0;
    for (int a = 0; a < 3; ++a) rx[a] += qx[a] - vx, ry[a] += qy[a] - vy, sx += std::max(0.0, rx[a]), sy += std::max(0.0, ry[a]);
    for (int a = 0; a < 3; ++a) x[a] = sx > 0 ? std::max(0.0, rx[a]) / sx : 1.0 / 3, y[a] = sy > 0 ? std::max(0.0, ry[a]) / sy : 1.0 / 3;
  }
}

TEST(IndependentLearning, TheLoggedBoundIsTheInformedDeviatorsGain) {
  std::mt19937 rng(5);
  for (auto learner : {Learner::kRegretMatching, Learner::kRegretMatchingPlus, Learner::kHedge, Learner::kOptimisticHedge}) {
    const MarkovGame g = random_game(rng);
    IndependentLearningOptions options;
    options.learner = learner;
    options.episodes = 3;
    const IndependentLearningResult r = run_independent_learning(g, options);
    const IndependentLearningResult again = run_independent_learning(g, options);
    EXPECT_EQ(r.policies, again.policies);  // nothing random
    const MixtureCertificate c = certify_markov_mixture(g, uniform_mixture(r.policies), {});
    for (int i = 0; i < 2; ++i) {
      // Each episode's best-response gain is >= 0, so the mean is informed - value.
      EXPECT_NEAR(r.regret_bound[i], Rational(c.players[i].informed - c.players[i].value).get_d(), 1e-9);
      EXPECT_LE(c.players[i].gap_upper().get_d(), r.regret_bound[i] + 1e-9);
    }
  }
}

TEST(IndependentLearning, RefusesDiscountedGamesAndSwapRegret) {
  const MarkovGame discounted = read_markov_json(R"({"format": "markov-game", "players": ["A"], "discount": "1/2",
    "initial": {"s": "1"}, "states": [{"name": "s", "actions": [["-"]],
    "outcomes": [{"profile": ["-"], "rewards": ["0"], "next": {"s": "1"}}]}]})", "d.json");
  EXPECT_THROW(run_independent_learning(discounted, {}), std::invalid_argument);
  IndependentLearningOptions swap;
  swap.learner = Learner::kSwapRegret;
  EXPECT_THROW(run_independent_learning(read_markov_json(kMdp, "mdp.json"), swap), std::invalid_argument);
}

}  // namespace
}  // namespace equilibria
