#pragma once
// Independent no-regret learning in finite-horizon Markov games (Foster,
// Golowich and Kakade 2023 study whether it can reach no regret; it cannot in
// polynomial time in general). Every player runs one external-regret learner
// (regret matching(+), Hedge, optimistic Hedge) at every (step, state) and
// nothing else: no communication, no knowledge of the others' policies or
// rewards.
//
// What a player is assumed to know: its own rewards and the transition model.
// In episode k everyone plays the product policy pi^k. Player i then computes
// its own Q-values against that episode's joint play exactly, by backward
// induction:
//   Q_i^k(t, s, a_i) = E_{a_{-i} ~ pi^k_{-i}(t, s)}[r_i(s, a) + sum_s' P(s' | s, a) V_i^k(t + 1, s')],
// the expectation of what it would observe by replaying episode k's play
// (model-based, with exact expected feedback instead of sampled returns).
// The learner at (t, s) receives the payoff vector Q_i^k(t, s, .), whether
// or not (t, s) is likely to be reached, and proposes pi^{k+1}_i(t, s). Play
// starts uniform; nothing is random (the same input gives the same policies).
// Against fixed others this is a no-regret MDP learner (the performance
// difference lemma with a fixed comparator occupancy); against learning
// others the comparator's occupancy moves with them, which is where the
// hardness lives.
#include <cstdint>
#include <functional>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"
#include "equilibria/verify/markov_mixture_certificate.hpp"

namespace equilibria {

struct IndependentLearningOptions {
  Learner learner = Learner::kRegretMatchingPlus;  // an external-regret learner (not swap regret)
  std::int64_t episodes = 100;
  SolveControl control;
  std::int64_t log_every = 0;  // call `log` every so many episodes (0: never)
  // regret[i]: player i's regret bound after `episode` episodes (see below).
  std::function<void(std::int64_t episode, double seconds, const std::vector<double>& regret)> log;
};

struct IndependentLearningResult {
  SolveStatus status = SolveStatus::kComplete;
  std::int64_t episodes = 0;
  double seconds = 0;
  std::vector<FiniteHorizonPolicy<double>> policies;  // pi^1 .. pi^K, as played
  // Per player, the mean over episodes of what best responding to that
  // episode's play would have gained: an upper bound on the player's average
  // regret against every (history-dependent) policy, in doubles. The exact
  // average regret is the CCE gap of the uniform mixture of `policies`.
  std::vector<double> regret_bound;
};

// Throws std::invalid_argument on a discounted game or the swap-regret
// learner; ResourceLimit when the K policies kept would exceed kMaxMarkovEntries numbers.
IndependentLearningResult run_independent_learning(const MarkovGame& game, const IndependentLearningOptions& options);

}  // namespace equilibria
