// The floating-point bound on deviation gains that certifies no-regret play
// too large to certify in rationals within the time limit: never below the
// exact gain, and close to it.
#include <gtest/gtest.h>

#include <random>

#include "equilibria/verify/deviation_gains.hpp"
#include "test_games.hpp"

namespace equilibria {
namespace {

// The distribution weights / sum(weights), exactly.
std::vector<Rational> exact_distribution(const std::vector<double>& weights) {
  std::vector<Rational> mu;
  Rational sum(0);
  for (double w : weights) sum += mu.emplace_back(w);
  for (auto& x : mu) x /= sum;
  return mu;
}

void expect_bound_holds(const StrategicGame& game, const std::vector<double>& weights, CorrelatedConcept kind) {
  const auto exact = certify_distribution(game, exact_distribution(weights), kind);
  const auto bound = bound_distribution_gains(game, weights, kind);
  for (int i = 0; i < game.num_players(); ++i) {
    EXPECT_GE(Rational(bound.gains[i]), exact.gains[i]) << "player " << i;
    EXPECT_LE(bound.gains[i] - exact.gains[i].get_d(), 1e-9) << "player " << i;
  }
  EXPECT_GE(Rational(bound.max_gain), exact.max_gain);
}

TEST(DeviationGainBound, NeverBelowTheExactGain) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> weight(0, 1);
  for (const auto& counts : {std::vector<int>{3, 4}, std::vector<int>{4, 3, 5}, std::vector<int>{2, 2, 2, 2}}) {
    const StrategicGame game = test::random_game(counts, 1000, rng);
    std::vector<double> w(static_cast<std::size_t>(game.num_profiles()));
    for (auto& x : w) x = weight(rng);
    expect_bound_holds(game, w, CorrelatedConcept::kCoarseCorrelated);
    expect_bound_holds(game, w, CorrelatedConcept::kCorrelated);
  }
}

TEST(DeviationGainBound, CoversPayoffsThatDoublesRound) {
  // Thirds are not doubles: the bound must allow for the payoffs' rounding.
  const StrategicGame game = test::bimatrix({{Rational(1, 3), Rational(2, 3)}, {Rational(1), Rational(-1, 3)}},
                                            {{Rational(-1, 3), Rational(1, 7)}, {Rational(2, 9), Rational(5, 3)}});
  for (const auto& w : {std::vector<double>{0.1, 0.2, 0.3, 0.4}, std::vector<double>{1, 0, 0, 0},
                        std::vector<double>{1e-300, 1, 1e-17, 3}}) {
    expect_bound_holds(game, w, CorrelatedConcept::kCoarseCorrelated);
    expect_bound_holds(game, w, CorrelatedConcept::kCorrelated);
  }
}

}  // namespace
}  // namespace equilibria
