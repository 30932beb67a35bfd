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

extern template CorrelatedCertificate<double> certify_distribution(const StrategicGame&, const std::vector<double>&,
                                                                   CorrelatedConcept);
extern template CorrelatedCertificate<Rational> certify_distribution(const StrategicGame&,
                                                                     const std::vector<Rational>&, CorrelatedConcept);

}  // namespace equilibria
