#include "equilibria/verify/deviation_gains.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

CorrelatedCertificate<double> bound_distribution_gains(const StrategicGame& game, const std::vector<double>& w,
                                                       CorrelatedConcept kind) {
  constexpr double u = std::numeric_limits<double>::epsilon() / 2;  // unit roundoff
  const int n = game.num_players();
  const std::int64_t profiles = game.num_profiles();
  const double terms = static_cast<double>(profiles) + 8;
  // A sum of m rounded products is within gamma_m = m u / (1 - m u) of the
  // exact sum, relative to the sum of magnitudes; each difference of two
  // rounded payoffs adds 3 u of their magnitudes; underflow adds at most a
  // few denormals per term.
  const double gamma = terms * u / (1 - terms * u) + 4 * u;
  const double underflow = 4 * terms * std::numeric_limits<double>::denorm_min();
  double total = 0;
  for (std::int64_t s = 0; s < profiles; ++s) total += w[s];
  const double total_low = total * (1 - gamma);  // the exact sum is at least this
  CorrelatedCertificate<double> cert;
  cert.payoffs.assign(n, 0.0);
  cert.gains.assign(n, 0.0);
  for (int i = 0; i < n; ++i) {
    const int k = game.num_strategies(i);
    const std::int64_t stride = game.stride(i);
    const double* pay = game.payoffs<double>(i);
    std::vector<double> gain(static_cast<std::size_t>(k) * k, 0.0), size(gain.size(), 0.0);
    for (std::int64_t s = 0; s < profiles; ++s) {
      if (w[s] == 0) continue;
      const int a = static_cast<int>((s / stride) % k);
      cert.payoffs[i] += w[s] * pay[s];
      const std::size_t row = kind == CorrelatedConcept::kCorrelated ? static_cast<std::size_t>(a) * k : 0;
      for (int b = 0; b < k; ++b) {
        if (b == a) continue;
        const double other = pay[s + (b - a) * stride];
        gain[row + b] += w[s] * (other - pay[s]);
        size[row + b] += w[s] * (std::abs(other) + std::abs(pay[s]));
      }
    }
    cert.payoffs[i] /= total;
    double best = 0;
    for (std::size_t c = 0; c < gain.size(); ++c) {
      const double upper = gain[c] + gamma * size[c] * (1 + 2 * gamma) + underflow;
      if (upper > 0) best = std::max(best, upper / total_low * (1 + 4 * u));
    }
    cert.gains[i] = best;
    cert.max_gain = std::max(cert.max_gain, best);
  }
  return cert;
}

template CorrelatedCertificate<double> certify_distribution(const StrategicGame&, const std::vector<double>&,
                                                            CorrelatedConcept);
template CorrelatedCertificate<Rational> certify_distribution(const StrategicGame&, const std::vector<Rational>&,
                                                              CorrelatedConcept);

}  // namespace equilibria
