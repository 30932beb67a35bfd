#pragma once
// One player's best response to the others' stationary policies in a
// discounted Markov game: the MDP that player faces, solved by policy
// iteration. Exact in rationals for small games; in doubles with rigorous
// bounds (a Bellman-residual bound with every rounding error accounted for)
// otherwise. Zero-sum certificates and `verify` both rest on it.
#include <optional>
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

// Exact policy iteration solves a dense system over all states: at most this many.
inline constexpr int kMaxExactMarkovStates = 120;

struct ExactResponse {
  std::vector<Rational> value;  // per state, the responder's optimal value
  std::vector<int> policy;      // a pure optimal action per state
};

// nullopt when the game has more than kMaxExactMarkovStates states or
// `control` says stop. `profile[p][s]` must be distributions for p != responder.
std::optional<ExactResponse> exact_best_response(const MarkovGame& game, const MarkovPolicy<Rational>& profile,
                                                 int responder, const SolveControl& control);

struct BoundedResponse {
  std::vector<double> lower, upper;  // per state: lower <= optimal value <= upper, rigorously
  std::vector<double> value;         // the computed value (between the bounds)
  std::vector<int> policy;
  bool stopped = false;              // control said stop: bounds still valid, maybe loose
};

// The others' policies are taken as the doubles given, each state's mix
// divided by its (floating) sum: the bounds hold for those exact
// normalised mixes. `warm` (per state, responder's values) seeds the first policy.
BoundedResponse bounded_best_response(const MarkovGame& game, const MarkovPolicy<double>& profile, int responder,
                                      const SolveControl& control, const std::vector<double>* warm = nullptr);

// `player`'s value of the whole profile (its own mixes too, normalised the
// same way), with the same rigorous bounds.
BoundedResponse bounded_policy_value(const MarkovGame& game, const MarkovPolicy<double>& profile, int player,
                                     const SolveControl& control);

// Every player's exact value of a stationary profile, per state
// (value[p][s]); nullopt as for exact_best_response.
std::optional<std::vector<std::vector<Rational>>> exact_profile_values(const MarkovGame& game,
                                                                       const MarkovPolicy<Rational>& profile,
                                                                       const SolveControl& control);

}  // namespace equilibria
