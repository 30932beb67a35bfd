#include "equilibria/solvers/markov/zero_sum_markov.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "equilibria/core/solve_errors.hpp"
#include "equilibria/verify/markov_best_response.hpp"
#include "stage_games.hpp"
#include "switching_control.hpp"
#include "zero_sum_iterations.hpp"

namespace equilibria {
namespace {

// Exact closing is tried when the game is this small (joint actions in all).
constexpr std::int64_t kMaxExactOutcomes = 20'000;
// Exact guesses at the value; a game whose value is irrational never closes.
constexpr int kExactRounds = 3;

std::vector<Rational> negated(const std::vector<Rational>& v) {
  std::vector<Rational> out;
  out.reserve(v.size());
  for (const auto& x : v) out.push_back(-x);
  return out;
}

// Both sides' best responses in rationals: the interval, exactly.
bool exact_interval(const MarkovGame& game, const MarkovPolicy<Rational>& policy, const SolveControl& control,
                    std::vector<Rational>& lower, std::vector<Rational>& upper) {
  const auto reply = exact_best_response(game, policy, 1, control);
  if (!reply) return false;
  const auto attack = exact_best_response(game, policy, 0, control);
  if (!attack) return false;
  lower = negated(reply->value);
  upper = attack->value;
  return true;
}

// Shapley: stationary policies optimal in every stage game at the value v*
// are optimal. So guess v*, solve the stage games there in rationals and
// check the policies by both sides' exact replies. The guesses: in a
// switching-control game, the values the floating supports define (exact
// when the supports are right); then the simplest rational in each state's
// certified interval, narrowed by every miss (the exact replies bound v*
// too). Guesses stay short, so the numbers never snowball. True when the
// interval closes.
bool close_exactly(const MarkovGame& game, const SolveControl& control, ZeroSumMarkovResult& out) {
  StageGames<Rational> stages(game);
  std::vector<Rational> low = out.lower, high = out.upper, image;
  auto closes = [&](const std::vector<Rational>& guess) {
    ++out.exact_rounds;
    stages.sweep(guess, image);
    const MarkovPolicy<Rational> policy = stages.policy();
    std::vector<Rational> lower, upper;
    if (!exact_interval(game, policy, control, lower, upper)) return false;
    if (lower != upper) {
      for (int s = 0; s < game.num_states(); ++s) {
        if (lower[s] > low[s]) low[s] = lower[s];
        if (upper[s] < high[s]) high[s] = upper[s];
      }
      return false;
    }
    out.exact = true;
    out.status = SolveStatus::kComplete;
    out.width = 0;
    out.lower = std::move(lower);
    out.upper = std::move(upper);
    out.exact_policy = policy;
    out.policy.assign(2, {});
    for (int p = 0; p < 2; ++p) {
      for (const auto& mix : policy[p]) {
        std::vector<double> d;
        for (const auto& q : mix) d.push_back(q.get_d());
        out.policy[p].push_back(std::move(d));
      }
    }
    return true;
  };
  if (const auto values = switching_control_values(game, out.policy, control); values && closes(*values)) return true;
  std::vector<Rational> guess;
  for (int round = 0; round < kExactRounds; ++round) {
    if (control.should_stop()) return false;
    std::vector<Rational> next(game.num_states());
    for (int s = 0; s < game.num_states(); ++s) next[s] = simplest_between(low[s], high[s]);
    if (next == guess) return false;
    guess = std::move(next);
    if (closes(guess)) return true;
  }
  return false;
}

}  // namespace

ZeroSumMarkovResult solve_zero_sum_markov(const MarkovGame& game, const ZeroSumMarkovOptions& options) {
  if (game.num_players() != 2 || !game.zero_sum()) {
    throw std::invalid_argument("needs a two-player zero-sum game (rewards summing to 0 at every joint action)");
  }
  if (!game.discounted()) {
    throw std::invalid_argument("needs a discounted game; for a finite horizon use backward-induction");
  }
  // The floating iterations work on rewards scaled by 2^-e (e = 0 for
  // ordinary games); bounds are scaled back exactly.
  const int e = game.reward_scale_exponent();
  const double d = game.discount_d();
  const double scale = game.reward_magnitude() / (1 - d);
  if (!(scale < 1e300)) {
    std::ostringstream why;
    why << "max |reward| / (1 - discount) is " << scale << " times 2^" << e
        << ": beyond what the floating iterations can represent";
    throw ResourceLimit(why.str());
  }
  const double tolerance =
      options.tolerance > 0 ? std::ldexp(options.tolerance, -e) : std::max(kDefaultRelativeWidth * scale, 1e-300);
  ZeroSumMarkovResult out;
  FloatingMarkovSolution run;
  // Iterate to an error estimate, certify, and tighten the estimate until
  // the certified width meets the tolerance: the certificate decides.
  double target = tolerance * 1024;
  for (;;) {
    const std::int64_t left = options.max_iterations - run.iterations;
    if (options.method == ZeroSumMarkovMethod::kShapley) {
      shapley_iteration(game, target, left, options.control, run);
    } else {
      hoffman_karp(game, target, left, options.control, run);
    }
    const BoundedResponse reply = bounded_best_response(game, run.policy, 1, options.control);
    std::vector<double> warm = run.value;
    const BoundedResponse attack = bounded_best_response(game, run.policy, 0, options.control, &warm);
    out.lower.clear();
    out.upper.clear();
    double width = 0;
    for (int s = 0; s < game.num_states(); ++s) {
      // Bounds must be numbers before they become rationals (GMP traps on NaN).
      if (!std::isfinite(reply.upper[s]) || !std::isfinite(attack.upper[s])) {
        throw SolverFailure("the floating iterations lost their values (not finite) at state " + game.state(s).name);
      }
      out.lower.push_back(times_power_of_two(Rational(-reply.upper[s]), e));
      out.upper.push_back(times_power_of_two(Rational(attack.upper[s]), e));
      width = std::max(width, attack.upper[s] + reply.upper[s]);
    }
    out.width = std::ldexp(width, e);
    out.policy = run.policy;
    const bool stopped = run.stopped || reply.stopped || attack.stopped;
    if (stopped) out.status = SolveStatus::kStopped;
    if (stopped || width <= tolerance || run.iterations >= options.max_iterations || target < 1e-15 * scale) {
      // Short of the tolerance: the iteration cap, or rounding's floor (a
      // discount near 1 magnifies each rounding error by 1 / (1 - discount)).
      if (!stopped && width > tolerance) out.status = SolveStatus::kLimitReached;
      break;
    }
    target /= 16;
  }
  out.iterations = run.iterations;
  out.stage_games = run.stage_games;
  if (out.status != SolveStatus::kStopped && game.num_states() <= kMaxExactMarkovStates &&
      game.num_outcomes() <= kMaxExactOutcomes) {
    close_exactly(game, options.control, out);
  }
  return out;
}

}  // namespace equilibria
