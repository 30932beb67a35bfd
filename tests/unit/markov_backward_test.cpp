// Backward induction in finite-horizon Markov games and its certificate:
// hand-solved games, and on random three-player games a brute-force
// deviation evaluation written here (every pure per-step deviation plan of
// the deviator, evaluated forward from the initial distribution).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <random>

#include "equilibria/solvers/markov/backward_induction.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"

namespace equilibria {
namespace {

using Q = Rational;

MarkovOutcome outcome(std::vector<Q> rewards, std::vector<std::pair<int, Q>> next) {
  return MarkovOutcome{std::move(rewards), std::move(next)};
}

// One state played for `horizon` steps: a repeated two-player 2x2 game,
// rewards[joint] with the first player's action fastest.
MarkovGame repeated_2x2(const std::vector<std::vector<Q>>& rewards, int horizon) {
  std::vector<MarkovState> states{{"s", {{"A", "B"}, {"L", "R"}}}};
  std::vector<std::vector<MarkovOutcome>> outcomes(1);
  for (const auto& r : rewards) outcomes[0].push_back(outcome(r, {{0, Q(1)}}));
  return MarkovGame({"Row", "Column"}, std::move(states), std::move(outcomes), std::nullopt, horizon, {Q(1)});
}

MarkovGame chicken(int horizon) {
  // Joint order (A, L), (B, L), (A, R), (B, R); A and L swerve.
  return repeated_2x2({{6, 6}, {7, 2}, {2, 7}, {0, 0}}, horizon);
}

BackwardInductionResult solve(const MarkovGame& game, StageConcept stage,
                              CorrelatedObjective objective = CorrelatedObjective{}) {
  BackwardInductionOptions options;
  options.stage = stage;
  options.objective = objective;
  return backward_induction(game, options);
}

TEST(MarkovBackward, RepeatedChickenWelfareCeIsTwentyOneQuartersPerStep) {
  const MarkovGame game = chicken(3);
  for (const StageConcept stage : {StageConcept::kCorrelated, StageConcept::kCoarseCorrelated}) {
    const auto r = solve(game, stage);
    ASSERT_EQ(r.status, SolveStatus::kComplete);
    EXPECT_TRUE(r.stages_exact);
    EXPECT_EQ(r.stages, 3);
    EXPECT_EQ(r.values, (std::vector<Q>{Q(63, 4), Q(63, 4)}));
    // By hand (the CE and CCE polytopes of Chicken coincide): the
    // constraints z >= x/2, y >= x/2, y >= 2w, z >= 2w on (x, y, z, w) =
    // ((A,L), (B,L), (A,R), (B,R)) and welfare 12x + 9y + 9z give x = 1/2,
    // y = z = 1/4, w = 0 at every step.
    for (int t = 0; t < 3; ++t) EXPECT_EQ(r.joint[t][0], (std::vector<Q>{Q(1, 2), Q(1, 4), Q(1, 4), Q(0)}));
    const auto kind = stage == StageConcept::kCorrelated ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
    const auto cert = certify_finite_horizon(game, r.joint, kind);
    EXPECT_EQ(cert.values, r.values);
    EXPECT_EQ(cert.max_regret, 0);
  }
}

TEST(MarkovBackward, ChickenScaledTo1e300And1eMinus300StaysExact) {
  // Chicken's rewards times 10^300 and one times 10^-300: 1000-bit numbers
  // from the start, still an exact induction (the bit limit grows with them).
  const Q huge("1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
               "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
               "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
               "0");
  const Q tiny = 1 / huge;
  const MarkovGame game = repeated_2x2({{6 * huge, 6 * huge}, {7 * huge, 2 * huge}, {2 * huge, 7 * huge}, {tiny, 0}}, 3);
  for (const StageConcept stage : {StageConcept::kCorrelated, StageConcept::kCoarseCorrelated, StageConcept::kNash}) {
    const auto r = solve(game, stage);
    ASSERT_EQ(r.status, SolveStatus::kComplete);
    EXPECT_TRUE(r.stages_exact);
    EXPECT_FALSE(r.on_doubles);
    const auto cert = stage == StageConcept::kNash
                          ? certify_finite_horizon(game, r.product)
                          : certify_finite_horizon(game, r.joint,
                                                   stage == StageConcept::kCorrelated ? CorrelatedConcept::kCorrelated
                                                                                      : CorrelatedConcept::kCoarseCorrelated);
    EXPECT_EQ(cert.max_regret, 0);
  }
}

TEST(MarkovBackward, PlayerObjectiveFavoursThatPlayerStageByStage) {
  // Row's best CE of Chicken maximises 6x + 7y + 2z under the constraints
  // above: the pure equilibrium (B, L), worth 7 to Row, at every step.
  CorrelatedObjective row;
  row.kind = CorrelatedObjective::Kind::kPlayer;
  row.player = 0;
  const auto r = solve(chicken(2), StageConcept::kCorrelated, row);
  ASSERT_EQ(r.status, SolveStatus::kComplete);
  EXPECT_EQ(r.values, (std::vector<Q>{Q(14), Q(4)}));
  for (int t = 0; t < 2; ++t) EXPECT_EQ(r.joint[t][0], (std::vector<Q>{Q(0), Q(1), Q(0), Q(0)}));
}

TEST(MarkovBackward, RepeatedMatchingPenniesStageNashIsUniformWithValueZero) {
  const MarkovGame game = repeated_2x2({{1, -1}, {-1, 1}, {-1, 1}, {1, -1}}, 4);
  const auto r = solve(game, StageConcept::kNash);
  ASSERT_EQ(r.status, SolveStatus::kComplete);
  EXPECT_EQ(r.values, (std::vector<Q>{Q(0), Q(0)}));
  for (int t = 0; t < 4; ++t) {
    for (int p = 0; p < 2; ++p) EXPECT_EQ(r.product[t][p][0], (std::vector<Q>{Q(1, 2), Q(1, 2)}));
  }
  const auto cert = certify_finite_horizon(game, r.product);
  EXPECT_EQ(cert.values, r.values);
  EXPECT_EQ(cert.max_regret, 0);
}

// Start at s; (B, R) and half of (T, L) lead to g, worth (4, 4) per step,
// everything else to b, worth nothing. Horizon 2, so Q at s is the reward
// plus one step of g or b:
//   Q(T,L) = (1,-1) + 1/2 (4,4) = (3, 1)   Q(T,R) = (-1, 2)
//   Q(B,L) = (-1, 1)                       Q(B,R) = (1,-1) + (4,4) = (5, 3)
// R is dominant for Column and B is then Row's reply: the unique Nash
// equilibrium and the welfare-best CE are (B, R), values (5, 3). Without
// the continuation the stage game has no pure equilibrium at all.
MarkovGame continuation_game() {
  std::vector<MarkovState> states{{"s", {{"T", "B"}, {"L", "R"}}}, {"g", {{"-"}, {"-"}}}, {"b", {{"-"}, {"-"}}}};
  std::vector<std::vector<MarkovOutcome>> outcomes(3);
  outcomes[0] = {outcome({1, -1}, {{1, Q(1, 2)}, {2, Q(1, 2)}}), outcome({-1, 1}, {{2, Q(1)}}),
                 outcome({-1, 2}, {{2, Q(1)}}), outcome({1, -1}, {{1, Q(1)}})};
  outcomes[1] = {outcome({4, 4}, {{1, Q(1)}})};
  outcomes[2] = {outcome({0, 0}, {{2, Q(1)}})};
  return MarkovGame({"Row", "Column"}, std::move(states), std::move(outcomes), std::nullopt, 2, {Q(1), Q(0), Q(0)});
}

TEST(MarkovBackward, TheContinuationDecidesTheFirstStep) {
  const MarkovGame game = continuation_game();
  const auto nash = solve(game, StageConcept::kNash);
  ASSERT_EQ(nash.status, SolveStatus::kComplete);
  EXPECT_EQ(nash.values, (std::vector<Q>{Q(5), Q(3)}));
  EXPECT_EQ(nash.product[0][0][0], (std::vector<Q>{Q(0), Q(1)}));
  EXPECT_EQ(nash.product[0][1][0], (std::vector<Q>{Q(0), Q(1)}));
  // Step 2 plays at g and b (both reachable), step 1 only at s.
  EXPECT_TRUE(nash.product[0][0][1].empty());
  EXPECT_FALSE(nash.product[1][0][1].empty());
  EXPECT_FALSE(nash.product[1][0][2].empty());
  EXPECT_TRUE(nash.product[1][0][0].empty());
  EXPECT_EQ(certify_finite_horizon(game, nash.product).max_regret, 0);

  const auto ce = solve(game, StageConcept::kCorrelated);
  ASSERT_EQ(ce.status, SolveStatus::kComplete);
  EXPECT_EQ(ce.values, (std::vector<Q>{Q(5), Q(3)}));
  EXPECT_EQ(ce.joint[0][0], (std::vector<Q>{Q(0), Q(0), Q(0), Q(1)}));
}

TEST(MarkovBackward, OnlyFiniteHorizonsAndStoppedRunsClaimNothing) {
  std::vector<MarkovState> states{{"s", {{"A"}, {"L"}}}};
  std::vector<std::vector<MarkovOutcome>> outcomes{{outcome({1, 1}, {{0, Q(1)}})}};
  const MarkovGame discounted({"Row", "Column"}, states, outcomes, Q(1, 2), std::nullopt, {Q(1)});
  EXPECT_THROW(solve(discounted, StageConcept::kCorrelated), std::invalid_argument);

  std::atomic<bool> cancel{true};
  BackwardInductionOptions options;
  options.control.set_cancel_flag(&cancel);
  const auto r = backward_induction(chicken(3), options);
  EXPECT_EQ(r.status, SolveStatus::kStopped);
  EXPECT_TRUE(r.joint.empty());
  EXPECT_TRUE(r.values.empty());
}

// ---- Random three-player games and the brute-force deviation value ----

// Small enough for the brute force (at most 4^6 CE deviation plans): three
// states for horizon 2, two for horizon 3; two actions per player at the
// first state, one or two elsewhere; integer rewards in [0, 5]; each joint
// action to one or two states (probabilities 1/3, 2/3).
MarkovGame random_game(std::uint64_t seed, int horizon) {
  std::mt19937_64 rng(seed);
  auto below = [&](int k) { return static_cast<int>(rng() % static_cast<std::uint64_t>(k)); };
  const int S = horizon >= 3 ? 2 : 3;
  std::vector<MarkovState> states;
  std::vector<std::vector<MarkovOutcome>> outcomes(S);
  for (int s = 0; s < S; ++s) {
    MarkovState st{"s" + std::to_string(s), {}};
    int joint = 1;
    for (int p = 0; p < 3; ++p) {
      const int k = s == 0 ? 2 : 1 + below(2);
      std::vector<std::string> labels;
      for (int a = 0; a < k; ++a) labels.push_back("a" + std::to_string(a));
      st.actions.push_back(labels);
      joint *= k;
    }
    states.push_back(st);
    for (int j = 0; j < joint; ++j) {
      std::vector<Q> rewards{Q(below(6)), Q(below(6)), Q(below(6))};
      const int x = below(S), y = below(S);
      std::vector<std::pair<int, Q>> next;
      if (x == y) {
        next = {{x, Q(1)}};
      } else {
        next = {{x, Q(1, 3)}, {y, Q(2, 3)}};
      }
      outcomes[s].push_back(outcome(rewards, next));
    }
  }
  std::vector<Q> initial(S, Q(0));
  initial[0] = Q(1, 2);
  initial[1] = Q(1, 2);
  return MarkovGame({"P1", "P2", "P3"}, std::move(states), std::move(outcomes), std::nullopt, horizon, initial);
}

// Player i's total expected reward when, at step t and state s, the joint
// action a is drawn from policy[t][s] and i plays plan(t, s, a_i) instead of
// a_i. Forward over the state distribution, independent of the certificate.
template <class Plan>
Q forward_value(const MarkovGame& game, const StepJointPolicy& policy, int i, const Plan& plan) {
  const int S = game.num_states();
  std::vector<Q> mu = game.initial();
  Q total = 0;
  for (int t = 0; t < game.horizon(); ++t) {
    std::vector<Q> next(S, Q(0));
    for (int s = 0; s < S; ++s) {
      if (mu[s] == 0) continue;
      for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
        const Q& p = policy[t][s][j];
        if (p == 0) continue;
        std::vector<int> pure = game.joint_of_index(s, j);
        pure[i] = plan(t, s, pure[i]);
        std::int64_t played = 0;
        for (int q = 0; q < game.num_players(); ++q) played += pure[q] * game.stride(s, q);
        const std::int64_t o = game.joint_begin(s) + played;
        total += mu[s] * p * game.reward(o, i);
        for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
          next[game.transition(k).next] += mu[s] * p * game.transition_probability(k);
        }
      }
    }
    mu = std::move(next);
  }
  return total;
}

// The best value of a deviation plan by enumeration: CCE plans choose an
// action per (step, state); CE plans per (step, state, recommended action).
// A counter in mixed radix runs through every plan.
Q brute_force_deviation(const MarkovGame& game, const StepJointPolicy& policy, int i, CorrelatedConcept kind) {
  const int H = game.horizon(), S = game.num_states();
  std::vector<int> offset, radix;  // one digit per (t, s[, recommendation])
  std::vector<int> first(static_cast<std::size_t>(H) * S);
  for (int t = 0; t < H; ++t) {
    for (int s = 0; s < S; ++s) {
      first[t * S + s] = static_cast<int>(radix.size());
      const int k = game.num_actions(s, i);
      const int digits = kind == CorrelatedConcept::kCorrelated ? k : 1;
      for (int d = 0; d < digits; ++d) radix.push_back(k);
    }
  }
  std::vector<int> digit(radix.size(), 0);
  Q best;
  bool any = false;
  while (true) {
    const auto plan = [&](int t, int s, int recommended) {
      return digit[first[t * S + s] + (kind == CorrelatedConcept::kCorrelated ? recommended : 0)];
    };
    const Q v = forward_value(game, policy, i, plan);
    if (!any || v > best) best = v;
    any = true;
    std::size_t d = 0;
    while (d < digit.size() && ++digit[d] == radix[d]) digit[d++] = 0;
    if (d == digit.size()) break;
  }
  return best;
}

// Fills every (step, state) the certificate asks for: a random distribution
// with small integer weights.
StepJointPolicy random_policy(const MarkovGame& game, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  StepJointPolicy policy(game.horizon(), std::vector<std::vector<Q>>(game.num_states()));
  for (auto& step : policy) {
    for (int s = 0; s < game.num_states(); ++s) {
      std::vector<Q> w(game.num_joint(s));
      Q total = 0;
      for (auto& x : w) total += x = Q(static_cast<long>(1 + rng() % 4));
      for (auto& x : w) x /= total;
      step[s] = std::move(w);
    }
  }
  return policy;
}

StepJointPolicy product_joint(const MarkovGame& game, const StepProductPolicy& product) {
  StepJointPolicy joint(product.size(), std::vector<std::vector<Q>>(game.num_states()));
  for (std::size_t t = 0; t < product.size(); ++t) {
    for (int s = 0; s < game.num_states(); ++s) {
      if (product[t][0][s].empty()) continue;
      for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
        const auto pure = game.joint_of_index(s, j);
        Q p = 1;
        for (int q = 0; q < game.num_players(); ++q) p *= product[t][q][s][pure[q]];
        joint[t][s].push_back(p);
      }
    }
  }
  return joint;
}

void expect_matches_brute_force(const MarkovGame& game, const StepJointPolicy& policy,
                                const FiniteHorizonCertificate& cert, CorrelatedConcept kind) {
  // The forward evaluation visits only states play reaches, where every
  // policy plays.
  for (int i = 0; i < game.num_players(); ++i) {
    const Q on_path = forward_value(game, policy, i, [](int, int, int a) { return a; });
    EXPECT_EQ(cert.values[i], on_path) << "player " << i;
    EXPECT_EQ(cert.deviation_values[i], brute_force_deviation(game, policy, i, kind)) << "player " << i;
    // Clamped at 0: a CCE deviator may do worse than following.
    EXPECT_EQ(cert.regrets[i], std::max(Q(0), Q(cert.deviation_values[i] - cert.values[i])));
  }
}

TEST(MarkovBackward, RandomThreePlayerGamesHaveZeroGapAndTheCertificateMatchesBruteForce) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const MarkovGame game = random_game(seed, 2 + static_cast<int>(seed % 2));
    SCOPED_TRACE("seed " + std::to_string(seed));
    for (const auto kind : {CorrelatedConcept::kCorrelated, CorrelatedConcept::kCoarseCorrelated}) {
      const auto r = solve(game, kind == CorrelatedConcept::kCorrelated ? StageConcept::kCorrelated
                                                                          : StageConcept::kCoarseCorrelated);
      ASSERT_EQ(r.status, SolveStatus::kComplete);
      ASSERT_TRUE(r.stages_exact);
      const auto cert = certify_finite_horizon(game, r.joint, kind);
      EXPECT_EQ(cert.max_regret, 0);
      EXPECT_EQ(cert.values, r.values);
      expect_matches_brute_force(game, r.joint, cert, kind);
    }
    // Stage-wise Nash by simplicial subdivision: whatever its exactness, the
    // certificate is the brute force's, and exact stages give zero regret.
    const auto nash = solve(game, StageConcept::kNash);
    ASSERT_EQ(nash.status, SolveStatus::kComplete);
    const auto cert = certify_finite_horizon(game, nash.product);
    expect_matches_brute_force(game, product_joint(game, nash.product), cert, CorrelatedConcept::kCoarseCorrelated);
    if (nash.stages_exact) {
      EXPECT_EQ(cert.max_regret, 0);
    }
  }
}

TEST(MarkovBackward, AWrongPolicyHasPositiveRegretAsBruteForceFinds) {
  for (std::uint64_t seed = 11; seed <= 14; ++seed) {
    const MarkovGame game = random_game(seed, 3);
    SCOPED_TRACE("seed " + std::to_string(seed));
    const StepJointPolicy policy = random_policy(game, seed);
    const auto ce = certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated);
    const auto cce = certify_finite_horizon(game, policy, CorrelatedConcept::kCoarseCorrelated);
    EXPECT_GT(ce.max_regret, 0);
    EXPECT_GT(cce.max_regret, 0);
    // A CE deviation can do everything a CCE deviation can.
    for (int i = 0; i < 3; ++i) EXPECT_GE(ce.deviation_values[i], cce.deviation_values[i]);
    expect_matches_brute_force(game, policy, ce, CorrelatedConcept::kCorrelated);
    expect_matches_brute_force(game, policy, cce, CorrelatedConcept::kCoarseCorrelated);
  }
}

TEST(MarkovBackward, ASolvedPolicyPerturbedAtOneStateIsCaught) {
  // The CE of repeated Chicken with step 2 moved to (A, L) for sure: Row
  // then gains 1 by daring at step 2.
  const MarkovGame game = chicken(3);
  auto r = solve(game, StageConcept::kCorrelated);
  r.joint[1][0] = {Q(1), Q(0), Q(0), Q(0)};
  const auto cert = certify_finite_horizon(game, r.joint, CorrelatedConcept::kCorrelated);
  EXPECT_EQ(cert.regrets, (std::vector<Q>{Q(1), Q(1)}));
  EXPECT_EQ(cert.values, (std::vector<Q>{Q(21, 2) + 6, Q(21, 2) + 6}));
}

TEST(MarkovBackward, TheCertificateRefusesWhatIsNoPolicy) {
  const MarkovGame game = continuation_game();
  StepJointPolicy policy(2, std::vector<std::vector<Q>>(3));
  policy[0][0] = {Q(0), Q(0), Q(0), Q(1)};
  policy[1][1] = {Q(1)};
  // b is reachable from s at step 2 (through (T, L)) but gets no play.
  EXPECT_THROW(certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated), std::invalid_argument);
  policy[1][2] = {Q(1)};
  EXPECT_EQ(certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated).max_regret, 0);
  policy[0][0] = {Q(1, 2), Q(0), Q(0), Q(1, 3)};
  EXPECT_THROW(certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated), std::invalid_argument);
  policy[0][0] = {Q(3, 2), Q(0), Q(0), Q(-1, 2)};
  EXPECT_THROW(certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated), std::invalid_argument);
  policy.pop_back();
  EXPECT_THROW(certify_finite_horizon(game, policy, CorrelatedConcept::kCorrelated), std::invalid_argument);
}

}  // namespace
}  // namespace equilibria
