// Zero-sum discounted Markov games: the stage-game solver, Shapley and
// Hoffman-Karp, and their certificate, judged by values known in closed form
// and by a brute force over pure stationary replies written here.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>

#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/text_file.hpp"
#include "equilibria/solvers/markov/matrix_game.hpp"
#include "equilibria/solvers/markov/zero_sum_markov.hpp"
#include "equilibria/verify/markov_best_response.hpp"

namespace equilibria {
namespace {

const std::string kShared = EQUILIBRIA_SHARED_DIR;

MarkovGame shared_game(const std::string& name) {
  const std::string path = kShared + "/games/markov/" + name;
  return read_markov_json(read_text_file(path), path);
}

// A random zero-sum game: integer rewards, every joint action moving to
// `branching` random states with random rational probabilities.
MarkovGame random_zero_sum(int states, int m, int n, int branching, Rational discount, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<MarkovState> info;
  std::vector<std::vector<MarkovOutcome>> outcomes(states);
  for (int s = 0; s < states; ++s) {
    info.push_back({"s" + std::to_string(s), {std::vector<std::string>(m, "a"), std::vector<std::string>(n, "b")}});
    for (int i = 0; i < m; ++i) info[s].actions[0][i] += std::to_string(i);
    for (int j = 0; j < n; ++j) info[s].actions[1][j] += std::to_string(j);
    for (int k = 0; k < m * n; ++k) {
      MarkovOutcome o;
      const int r = static_cast<int>(rng() % 21) - 10;
      o.rewards = {Rational(r), Rational(-r)};
      std::vector<int> weights(branching);
      int total = 0;
      for (int& w : weights) total += w = 1 + static_cast<int>(rng() % 5);
      for (int b = 0; b < branching; ++b) o.next.emplace_back(static_cast<int>(rng() % states), Rational(weights[b], total));
      outcomes[s].push_back(std::move(o));
    }
  }
  std::vector<Rational> initial(states, Rational(0));
  initial[0] = 1;
  return MarkovGame({"Max", "Min"}, info, std::move(outcomes), discount, std::nullopt, initial);
}

// The oracle: what a stationary first-player policy x guarantees, as the
// minimum over the second player's pure stationary policies (an MDP's optimum
// is among them) of the value of (x, that policy), by dense linear solves.
// Exhaustive, so only for tiny games. `maximiser` 1 does the same for y.
std::vector<double> brute_force_guarantee(const MarkovGame& g, const MarkovPolicy<double>& policy, int responder) {
  const int S = g.num_states();
  std::vector<int> pure(S, 0);
  std::vector<double> best(S, responder == 1 ? HUGE_VAL : -HUGE_VAL);
  for (;;) {
    Eigen::MatrixXd m = Eigen::MatrixXd::Identity(S, S);
    Eigen::VectorXd r = Eigen::VectorXd::Zero(S);
    for (int s = 0; s < S; ++s) {
      const int mm = g.num_actions(s, 0);
      for (int a = 0; a < mm; ++a) {
        for (int b = 0; b < g.num_actions(s, 1); ++b) {
          const double w = responder == 1 ? (b == pure[s] ? policy[0][s][a] : 0.0) : (a == pure[s] ? policy[1][s][b] : 0.0);
          if (w == 0) continue;
          const std::int64_t o = g.joint_begin(s) + a + static_cast<std::int64_t>(mm) * b;
          r[s] += w * g.reward(o, 0).get_d();
          for (std::int64_t k = g.transition_begin(o); k < g.transition_end(o); ++k) {
            m(s, g.transition(k).next) -= g.discount_d() * w * g.transition_probability(k).get_d();
          }
        }
      }
    }
    const Eigen::VectorXd v = m.fullPivLu().solve(r);
    for (int s = 0; s < S; ++s) best[s] = responder == 1 ? std::min(best[s], v[s]) : std::max(best[s], v[s]);
    int s = 0;
    while (s < S && ++pure[s] == g.num_actions(s, responder)) pure[s++] = 0;
    if (s == S) return best;
  }
}

TEST(MatrixGame, KnownValuesAndExactStrategies) {
  MatrixGameSolver<Rational> exact;
  // [[3, -1], [-2, 1]]: value 1/7, x = (3/7, 4/7), y = (2/7, 5/7).
  const std::vector<Rational> a{3, -1, -2, 1};
  Rational v;
  std::vector<Rational> x(2), y(2);
  exact.solve(a.data(), 2, 2, v, x.data(), y.data());
  EXPECT_EQ(v, Rational(1, 7));
  EXPECT_EQ(x[0], Rational(3, 7));
  EXPECT_EQ(y[0], Rational(2, 7));
  // Rock-paper-scissors: value 0, uniform.
  const std::vector<Rational> rps{0, -1, 1, 1, 0, -1, -1, 1, 0};
  std::vector<Rational> x3(3), y3(3);
  exact.solve(rps.data(), 3, 3, v, x3.data(), y3.data());
  EXPECT_EQ(v, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(x3[i], Rational(1, 3));
}

TEST(MatrixGame, RandomGamesMeetTheirGuarantees) {
  std::mt19937 rng(7);
  MatrixGameSolver<double> floating;
  MatrixGameSolver<Rational> exact;
  for (int trial = 0; trial < 200; ++trial) {
    const int m = 1 + static_cast<int>(rng() % 6), n = 1 + static_cast<int>(rng() % 6);
    std::vector<double> a(m * n);
    std::vector<Rational> q(m * n);
    for (int k = 0; k < m * n; ++k) q[k] = static_cast<int>(rng() % 11) - 5, a[k] = q[k].get_d();
    double v;
    std::vector<double> x(m), y(n);
    floating.solve(a.data(), m, n, v, x.data(), y.data());
    Rational ve;
    std::vector<Rational> xe(m), ye(n);
    exact.solve(q.data(), m, n, ve, xe.data(), ye.data());
    // x guarantees v against every column, y concedes at most v to every row.
    for (int j = 0; j < n; ++j) {
      double col = 0;
      Rational cole = 0;
      for (int i = 0; i < m; ++i) col += x[i] * a[i * n + j], cole += xe[i] * q[i * n + j];
      EXPECT_GE(col, v - 1e-9);
      EXPECT_GE(cole, ve);
    }
    for (int i = 0; i < m; ++i) {
      double row = 0;
      Rational rowe = 0;
      for (int j = 0; j < n; ++j) row += y[j] * a[i * n + j], rowe += ye[j] * q[i * n + j];
      EXPECT_LE(row, v + 1e-9);
      EXPECT_LE(rowe, ve);
    }
    EXPECT_NEAR(v, ve.get_d(), 1e-9);
    Rational sx = 0, sy = 0;
    for (const auto& w : xe) {
      sx += w;
      EXPECT_GE(w, 0);
    }
    for (const auto& w : ye) {
      sy += w;
      EXPECT_GE(w, 0);
    }
    EXPECT_EQ(sx, 1);
    EXPECT_EQ(sy, 1);
  }
}

TEST(MatrixGame, ValuesScaleWithThePayoffs) {
  // [[3, -1], [-2, 1]] times 10^k and shifted: value 1/7 the same way, the
  // same mixes (the pivoting tolerance is relative to the payoff range).
  MatrixGameSolver<double> floating;
  for (double scale : {1e-200, 1e-13, 1.0, 1e13, 1e38, 1e200}) {
    for (double shift : {0.0, 5.0}) {
      const std::vector<double> a{3 * scale + shift * scale, -1 * scale + shift * scale, -2 * scale + shift * scale,
                                  1 * scale + shift * scale};
      double v;
      std::vector<double> x(2), y(2);
      floating.solve(a.data(), 2, 2, v, x.data(), y.data());
      EXPECT_NEAR(v / scale, 1.0 / 7 + shift, 1e-12 * (1 + shift)) << scale;
      EXPECT_NEAR(x[0], 3.0 / 7, 1e-12) << scale;
      EXPECT_NEAR(y[0], 2.0 / 7, 1e-12) << scale;
    }
  }
}

ZeroSumMarkovOptions with(ZeroSumMarkovMethod method) {
  ZeroSumMarkovOptions o;
  o.method = method;
  return o;
}

class BothMethods : public ::testing::TestWithParam<ZeroSumMarkovMethod> {};

TEST_P(BothMethods, RepeatedMatrixGameIsValueOverOneMinusDiscount) {
  const ZeroSumMarkovResult r = solve_zero_sum_markov(shared_game("repeated_2x2.json"), with(GetParam()));
  ASSERT_TRUE(r.exact);  // val = 1/7, discount 3/4: 4/7
  EXPECT_EQ(r.lower[0], Rational(4, 7));
  EXPECT_EQ(r.upper[0], Rational(4, 7));
  EXPECT_EQ(r.exact_policy[0][0][0], Rational(3, 7));
}

TEST_P(BothMethods, BigMatchHasNormalisedValueOneHalf) {
  for (const auto& [file, discount] : {std::pair{"big_match_d1_2.json", Rational(1, 2)},
                                       std::pair{"big_match_d9_10.json", Rational(9, 10)},
                                       std::pair{"big_match_d99_100.json", Rational(99, 100)}}) {
    const MarkovGame g = shared_game(file);
    const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
    const int play = g.state_index("play");
    const Rational expected = Rational(1, 2) / (1 - discount);
    EXPECT_LE(r.lower[play], expected) << file;
    EXPECT_GE(r.upper[play], expected) << file;
    EXPECT_LE(Rational(r.upper[play] - r.lower[play]).get_d(), 1e-8 / (1 - discount.get_d())) << file;
  }
}

TEST_P(BothMethods, IrrationalValueIsBracketedAndNeverClaimedExact) {
  const MarkovGame g = shared_game("irrational_value.json");
  const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
  EXPECT_FALSE(r.exact);
  const int s = g.state_index("s");
  // v^2 + 6v - 8 = 0 with v > 0: lower < v < upper iff the polynomial changes sign.
  auto poly = [](const Rational& v) { return Rational(v * v + 6 * v - 8); };
  EXPECT_LT(poly(r.lower[s]), 0);
  EXPECT_GT(poly(r.upper[s]), 0);
  EXPECT_LT(r.upper[s] - r.lower[s], Rational(1, 1'000'000));
}

TEST_P(BothMethods, TurnBasedGameIsExact) {
  const MarkovGame g = shared_game("turn_based.json");
  const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
  ASSERT_TRUE(r.exact);
  EXPECT_EQ(r.lower[g.state_index("a")], 0);
  EXPECT_EQ(r.lower[g.state_index("b")], -2);
}

TEST_P(BothMethods, CertificateAgreesWithBruteForceReplies) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    const MarkovGame g = random_zero_sum(3, 2, 3, 2, Rational(4, 5), seed);
    const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
    // The policies printed for an inexact answer are doubles; an exact one's are exact.
    const std::vector<double> guaranteed = brute_force_guarantee(g, r.policy, 1);
    const std::vector<double> conceded = brute_force_guarantee(g, r.policy, 0);
    for (int s = 0; s < g.num_states(); ++s) {
      EXPECT_LE(r.lower[s].get_d(), guaranteed[s] + 1e-9) << "seed " << seed;
      EXPECT_GE(r.upper[s].get_d(), conceded[s] - 1e-9) << "seed " << seed;
      EXPECT_NEAR(r.lower[s].get_d(), guaranteed[s], 1e-7) << "seed " << seed;
      EXPECT_NEAR(r.upper[s].get_d(), conceded[s], 1e-7) << "seed " << seed;
    }
    EXPECT_LE(r.width, 1e-9 * 10 / (1 - 0.8));
  }
}

TEST_P(BothMethods, LargeRandomGameMeetsTheTolerance) {
  const MarkovGame g = random_zero_sum(400, 3, 3, 3, Rational(19, 20), 11);
  ZeroSumMarkovOptions o = with(GetParam());
  o.tolerance = 1e-6;
  const ZeroSumMarkovResult r = solve_zero_sum_markov(g, o);
  EXPECT_LE(r.width, 1e-6);
  EXPECT_FALSE(r.exact);
  for (int s = 0; s < g.num_states(); ++s) EXPECT_LE(r.lower[s], r.upper[s]);
}

INSTANTIATE_TEST_SUITE_P(Markov, BothMethods,
                         ::testing::Values(ZeroSumMarkovMethod::kShapley, ZeroSumMarkovMethod::kHoffmanKarp));

// A random single-controller game: the transitions of every joint action
// depend on the `controller`'s action only (per state when `switching`).
MarkovGame random_switching_control(int states, int m, int n, unsigned seed, bool switching) {
  std::mt19937 rng(seed);
  std::vector<MarkovState> info;
  std::vector<std::vector<MarkovOutcome>> outcomes(states);
  for (int s = 0; s < states; ++s) {
    info.push_back({"s" + std::to_string(s), {std::vector<std::string>(m), std::vector<std::string>(n)}});
    for (int i = 0; i < m; ++i) info[s].actions[0][i] = "a" + std::to_string(i);
    for (int j = 0; j < n; ++j) info[s].actions[1][j] = "b" + std::to_string(j);
    const int controller = switching ? s % 2 : 1;
    const int moves = controller == 1 ? n : m;
    std::vector<std::vector<std::pair<int, Rational>>> next(moves);
    for (auto& d : next) {
      const int t1 = static_cast<int>(rng() % states), t2 = static_cast<int>(rng() % states);
      const int w = 1 + static_cast<int>(rng() % 4);
      if (t1 == t2) {
        d = {{t1, Rational(1)}};
      } else {
        d = {{t1, Rational(w, 5)}, {t2, Rational(5 - w, 5)}};
      }
    }
    for (int b = 0; b < n; ++b) {
      for (int a = 0; a < m; ++a) {
        const int r = static_cast<int>(rng() % 19) - 9;
        outcomes[s].push_back({{Rational(r), Rational(-r)}, next[controller == 1 ? b : a]});
      }
    }
  }
  std::vector<Rational> initial(states, Rational(0));
  initial[0] = 1;
  return MarkovGame({"Max", "Min"}, info, std::move(outcomes), Rational(9, 10), std::nullopt, initial);
}

TEST_P(BothMethods, SwitchingControlGamesAreSolvedExactly) {
  int exact = 0;
  for (unsigned seed = 1; seed <= 8; ++seed) {
    for (bool switching : {false, true}) {
      const MarkovGame g = random_switching_control(6, 3, 3, seed, switching);
      const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
      if (!r.exact) continue;
      ++exact;
      // An exact answer is one the exact replies confirm: check it again here.
      const auto reply = exact_best_response(g, r.exact_policy, 1, {});
      const auto attack = exact_best_response(g, r.exact_policy, 0, {});
      for (int s = 0; s < g.num_states(); ++s) {
        EXPECT_EQ(-reply->value[s], r.lower[s]);
        EXPECT_EQ(attack->value[s], r.lower[s]);
      }
    }
  }
  // Degenerate supports can defeat the linear system; random games rarely have them.
  EXPECT_GE(exact, 14);
}

TEST_P(BothMethods, ExtremeRewardsAreSolvedInProportion) {
  // A random game's rewards times 2^k for k from -1000 to 1000: the floating
  // iterations work on scaled rewards, so every interval is the unscaled
  // one times 2^k, as wide relative to the value.
  const MarkovGame base = random_zero_sum(6, 3, 2, 2, Rational(9, 10), 21);
  const ZeroSumMarkovResult reference = solve_zero_sum_markov(base, with(GetParam()));
  for (int k : {-1000, -300, 40, 300, 900}) {
    std::vector<MarkovState> info;
    std::vector<std::vector<MarkovOutcome>> outcomes(base.num_states());
    for (int s = 0; s < base.num_states(); ++s) {
      info.push_back(base.state(s));
      for (std::int64_t j = 0; j < base.num_joint(s); ++j) {
        const std::int64_t o = base.joint_begin(s) + j;
        MarkovOutcome out{{times_power_of_two(base.reward(o, 0), k), times_power_of_two(base.reward(o, 1), k)}, {}};
        for (std::int64_t e = base.transition_begin(o); e < base.transition_end(o); ++e) {
          out.next.emplace_back(base.transition(e).next, base.transition_probability(e));
        }
        outcomes[s].push_back(std::move(out));
      }
    }
    const MarkovGame g({"Max", "Min"}, info, std::move(outcomes), base.discount(), std::nullopt, base.initial());
    const ZeroSumMarkovResult r = solve_zero_sum_markov(g, with(GetParam()));
    ASSERT_EQ(r.status, SolveStatus::kComplete) << k;
    for (int s = 0; s < g.num_states(); ++s) {
      // The exact value (the reference's interval scaled, when it closed) lies inside.
      EXPECT_LE(r.lower[s], r.upper[s]) << k;
      EXPECT_LE(r.lower[s], times_power_of_two(reference.upper[s], k)) << k;
      EXPECT_GE(r.upper[s], times_power_of_two(reference.lower[s], k)) << k;
    }
    EXPECT_LE(std::ldexp(r.width, -k), 1e-9 * 10 / (1 - 0.9) * 2) << k;
  }
}

TEST(ZeroSumMarkov, MethodsAgreeOnTheInterval) {
  const MarkovGame g = random_zero_sum(30, 3, 2, 2, Rational(9, 10), 5);
  const auto a = solve_zero_sum_markov(g, with(ZeroSumMarkovMethod::kShapley));
  const auto b = solve_zero_sum_markov(g, with(ZeroSumMarkovMethod::kHoffmanKarp));
  for (int s = 0; s < g.num_states(); ++s) {
    // Both intervals contain the value: they overlap.
    EXPECT_LE(a.lower[s], b.upper[s]);
    EXPECT_LE(b.lower[s], a.upper[s]);
  }
}

TEST(ZeroSumMarkov, RefusesGamesItDoesNotSolve) {
  MarkovGame g = random_zero_sum(2, 2, 2, 1, Rational(1, 2), 3);
  std::vector<MarkovState> info{{"s", {{"a"}, {"b"}}}};
  std::vector<std::vector<MarkovOutcome>> general{{MarkovOutcome{{Rational(1), Rational(1)}, {{0, Rational(1)}}}}};
  const MarkovGame not_zero_sum({"A", "B"}, info, general, Rational(1, 2), std::nullopt, {Rational(1)});
  EXPECT_THROW(solve_zero_sum_markov(not_zero_sum, {}), std::invalid_argument);
  std::vector<std::vector<MarkovOutcome>> zero{{MarkovOutcome{{Rational(1), Rational(-1)}, {{0, Rational(1)}}}}};
  const MarkovGame horizon({"A", "B"}, info, zero, std::nullopt, 3, {Rational(1)});
  EXPECT_THROW(solve_zero_sum_markov(horizon, {}), std::invalid_argument);
}

TEST(MarkovBestResponse, ExactAndBoundedAgree) {
  const MarkovGame g = random_zero_sum(5, 2, 2, 2, Rational(2, 3), 9);
  MarkovPolicy<Rational> exact(2);
  MarkovPolicy<double> floating(2);
  for (int p = 0; p < 2; ++p) {
    for (int s = 0; s < g.num_states(); ++s) {
      exact[p].push_back({Rational(1, 3), Rational(2, 3)});
      floating[p].push_back({1.0 / 3, 2.0 / 3});
    }
  }
  for (int responder = 0; responder < 2; ++responder) {
    const auto e = exact_best_response(g, exact, responder, {});
    ASSERT_TRUE(e.has_value());
    const auto b = bounded_best_response(g, floating, responder, {});
    for (int s = 0; s < g.num_states(); ++s) {
      EXPECT_LE(b.lower[s], e->value[s].get_d() + 1e-15);
      EXPECT_GE(b.upper[s], e->value[s].get_d() - 1e-15);
      EXPECT_LT(b.upper[s] - b.lower[s], 1e-12);
    }
  }
  // The profile's own values: bounded evaluation brackets the exact one.
  const auto values = exact_profile_values(g, exact, {});
  ASSERT_TRUE(values.has_value());
  for (int p = 0; p < 2; ++p) {
    const auto b = bounded_policy_value(g, floating, p, {});
    for (int s = 0; s < g.num_states(); ++s) {
      EXPECT_LE(b.lower[s], (*values)[p][s].get_d() + 1e-15);
      EXPECT_GE(b.upper[s], (*values)[p][s].get_d() - 1e-15);
      EXPECT_LT(b.upper[s] - b.lower[s], 1e-12);
    }
  }
}

}  // namespace
}  // namespace equilibria
