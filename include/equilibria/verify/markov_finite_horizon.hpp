#pragma once
// The certificate of a per-step policy of a finite-horizon Markov game: each
// player's exact value at the initial distribution and the value of their
// best deviation, both by backward induction over the policy itself (no
// solver's numbers are used). With V^{H+1} = W^{H+1} = 0, at step h and state
// s under the distribution sigma over joint actions:
//   V_i^h(s) = E_sigma[ r_i + P V_i^{h+1} ]
//   CCE: W_i^h(s) = max_{a_i'} E_sigma[ r_i(a_i', a_-i) + P W_i^{h+1} ]
//   CE:  W_i^h(s) = sum_{a_i} max_{a_i'} sum_{a_-i} sigma(a) [ r_i(a_i', a_-i) + P W_i^{h+1} ]
// A deviator re-optimises at every later step (fresh recommendations carry
// no news about the past), so W is the best any deviation plan achieves and
// regret = max(0, W - V) (a CCE deviator cannot follow the recommendations,
// so W < V is possible). For a product of mixed actions (Nash) both forms are
// the best-response value: zero regret everywhere is a Markov perfect
// equilibrium.
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/verify/deviation_gains.hpp"

namespace equilibria {

// joint[h][s]: the distribution over state s's joint actions (first player
// fastest) played at step h + 1; empty where the policy does not play
// (a state not reached at that step).
using StepJointPolicy = std::vector<std::vector<std::vector<Rational>>>;
// product[h][p][s]: player p's mixed action at state s at step h + 1 (empty
// where the policy does not play).
using StepProductPolicy = std::vector<MarkovPolicy<Rational>>;

struct FiniteHorizonCertificate {
  // Per player, at the initial distribution.
  std::vector<Rational> values;
  std::vector<Rational> deviation_values;
  std::vector<Rational> regrets;  // max(0, deviation_values - values)
  Rational max_regret;
  // Per step, per state, per player (empty where the policy does not play):
  // the per-state regret is step_deviation_values - step_values.
  std::vector<std::vector<std::vector<Rational>>> step_values;
  std::vector<std::vector<std::vector<Rational>>> step_deviation_values;
};

// Throws std::invalid_argument when the game is discounted, the policy has
// other than horizon() steps, an entry is not a distribution over its state's
// joint actions, or play reaches (with positive probability, under any joint
// action) a state where the policy does not play.
FiniteHorizonCertificate certify_finite_horizon(const MarkovGame& game, const StepJointPolicy& policy,
                                                CorrelatedConcept kind);
FiniteHorizonCertificate certify_finite_horizon(const MarkovGame& game, const StepProductPolicy& policy);

}  // namespace equilibria
