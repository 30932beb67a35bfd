#pragma once
// One external-regret learner's update at one decision point: the rule the
// strategic no-regret dynamics and the Markov-game independent learners share.
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"

namespace equilibria {

// x proportional to the positive part of r (uniform when nothing is positive).
void regret_match(const double* r, int k, double* x);

// x = softmax(eta * score), shifted by the top score so nothing overflows.
void softmax(const double* score, int k, double eta, double* x);

// Feeds the payoffs `value` of the k actions against what was just played
// with `mix`, and writes the next mix. `cumulative` holds the learner's state
// (cumulative regrets for regret matching(+), cumulative payoffs for Hedge and
// optimistic Hedge); `scores` is scratch of k entries. Swap regret keeps a
// matrix per player and is not an external-regret step: invalid_argument.
void external_regret_step(Learner learner, const double* value, int k, double eta, double* cumulative, double* scores,
                          double* mix);

}  // namespace equilibria
