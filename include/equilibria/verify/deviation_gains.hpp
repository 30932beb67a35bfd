#pragma once
// Certificates for distributions over joint profiles (correlated play): each
// player's largest expected gain from deviating. For a correlated
// equilibrium (CE) a deviation maps one recommended strategy to another; for
// a coarse correlated equilibrium (CCE) it replaces whatever is recommended.
// Exact for Rational distributions.
#include <vector>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

enum class CorrelatedConcept { kCorrelated, kCoarseCorrelated };

template <class T>
struct CorrelatedCertificate {
  std::vector<T> payoffs;  // each player's expected payoff
  std::vector<T> gains;    // each player's best deviation gain, >= 0
  T max_gain{};
};

// `distribution` has one entry per profile (profile index order).
template <class T>
CorrelatedCertificate<T> certify_distribution(const StrategicGame& game, const std::vector<T>& distribution,
                                              CorrelatedConcept kind);

// A certificate at the cost of a floating evaluation, for distributions too
// large to certify in rationals in the time left: each gain is an upper bound
// on the exact gain of the distribution weights / sum(weights) (the weights
// taken as exact), computed in doubles with every rounding error bounded
// (Higham's gamma_n for sums of products), the payoffs' own rounding to
// doubles included. `payoffs` are floating estimates, not bounds.
CorrelatedCertificate<double> bound_distribution_gains(const StrategicGame& game, const std::vector<double>& weights,
                                                       CorrelatedConcept kind);

extern template CorrelatedCertificate<double> certify_distribution(const StrategicGame&, const std::vector<double>&,
                                                                   CorrelatedConcept);
extern template CorrelatedCertificate<Rational> certify_distribution(const StrategicGame&,
                                                                     const std::vector<Rational>&, CorrelatedConcept);

}  // namespace equilibria
