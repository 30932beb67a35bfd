#pragma once
// Reads Markov policies to verify, from JSON (docs/markov-games.md):
//   stationary:  {"policies": [{"state": [p, ...], ...} per player]}
//   per step:    {"policies": [[{"state": [...]} per step] per player]}
//   correlated:  {"concept": "ce"|"cce", "correlated": [{"state":
//                 [{"profile": [action names], "probability": p}, ...]} per step]}
// which is what `solve -f json` prints on Markov games. Entries follow the
// profile reader's rule: integers, fractions and JSON strings are exact, a
// JSON float makes the policy approximate (as does "exact": false); an
// approximate mix within 1e-6 of summing to 1 is divided by its sum.
#include <string>

#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/verify/deviation_gains.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"

namespace equilibria {

struct MarkovPolicyInput {
  enum class Kind { kStationary, kStepProduct, kStepJoint };
  Kind kind = Kind::kStationary;
  bool exact = true;
  MarkovPolicy<Rational> stationary;  // kStationary: [p][s][a], every state
  StepProductPolicy product;          // kStepProduct: [t][p][s][a], empty where not given
  StepJointPolicy joint;              // kStepJoint: [t][s][joint], empty where not given
  CorrelatedConcept concept_kind = CorrelatedConcept::kCoarseCorrelated;
};

// InputError naming the file and line on malformed JSON, unknown states or
// actions, wrong sizes, negative entries, sums other than 1, per-step
// policies for a discounted game or a stationary one missing a state. A
// stationary policy for a finite-horizon game is played at every step.
MarkovPolicyInput read_markov_policy(const std::string& text, const std::string& file, const MarkovGame& game);

}  // namespace equilibria
