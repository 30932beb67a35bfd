#include "equilibria/verify/deviation_gains.hpp"

#include <algorithm>

namespace equilibria {

template <class T>
CorrelatedCertificate<T> certify_distribution(const StrategicGame& game, const std::vector<T>& mu,
                                              CorrelatedConcept kind) {
  const int n = game.num_players();
  CorrelatedCertificate<T> cert;
  cert.payoffs.assign(n, T(0));
  cert.gains.assign(n, T(0));
  T term;
  for (int i = 0; i < n; ++i) {
    const int k = game.num_strategies(i);
    const std::int64_t stride = game.stride(i);
    const T* u = game.payoffs<T>(i);
    // gain[a * k + b]: expected gain of playing b when a is recommended (CE);
    // for CCE only the row "any recommendation" (a = 0) is used.
    std::vector<T> gain(static_cast<std::size_t>(k) * k, T(0));
    for (std::int64_t s = 0; s < game.num_profiles(); ++s) {
      if (mu[s] == 0) continue;
      const int a = static_cast<int>((s / stride) % k);
      term = mu[s];
      term *= u[s];
      cert.payoffs[i] += term;
      T* row = &gain[kind == CorrelatedConcept::kCorrelated ? static_cast<std::size_t>(a) * k : 0];
      for (int b = 0; b < k; ++b) {
        if (b == a) continue;
        term = u[s + (b - a) * stride];
        term -= u[s];
        term *= mu[s];
        row[b] += term;
      }
    }
    T best(0);
    for (const auto& g : gain) best = std::max(best, g);
    cert.gains[i] = best;
    if (i == 0 || cert.max_gain < best) cert.max_gain = best;
  }
  return cert;
}

template CorrelatedCertificate<double> certify_distribution(const StrategicGame&, const std::vector<double>&,
                                                            CorrelatedConcept);
template CorrelatedCertificate<Rational> certify_distribution(const StrategicGame&, const std::vector<Rational>&,
                                                              CorrelatedConcept);

}  // namespace equilibria
