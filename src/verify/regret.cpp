#include "equilibria/verify/regret.hpp"

#include <algorithm>
#include <cstdint>

namespace equilibria {
namespace {

template <class T>
struct SupportEntry {
  int strategy;
  T prob;
};

}  // namespace

template <class T>
std::vector<T> strategy_payoffs(const StrategicGame& game, const MixedProfile<T>& profile, int player) {
  const int n = game.num_players();
  const int k = game.num_strategies(player);
  const std::int64_t own_stride = game.stride(player);
  const T* u = game.payoffs<T>(player);
  std::vector<T> result(k, T(0));

  // Walk only the others' supports; the smallest-stride player varies fastest.
  std::vector<std::vector<SupportEntry<T>>> support;
  std::vector<std::int64_t> strides;
  for (int p = n - 1; p >= 0; --p) {
    if (p == player) continue;
    std::vector<SupportEntry<T>> s;
    const auto probs = profile.player(p);
    for (int j = 0; j < static_cast<int>(probs.size()); ++j) {
      if (probs[j] != 0) s.push_back({j, probs[j]});
    }
    if (s.empty()) return result;
    support.push_back(std::move(s));
    strides.push_back(game.stride(p));
  }
  const int m = static_cast<int>(support.size());
  std::vector<int> digit(m, 0);
  std::vector<T> weight(m + 1, T(1));
  std::vector<std::int64_t> offset(m + 1, 0);
  auto refresh_from = [&](int level) {
    for (int q = level; q < m; ++q) {
      const auto& e = support[q][digit[q]];
      weight[q + 1] = weight[q] * e.prob;
      offset[q + 1] = offset[q] + e.strategy * strides[q];
    }
  };
  refresh_from(0);
  T term(0);
  while (true) {
    const T& w = weight[m];
    const T* row = u + offset[m];
    for (int s = 0; s < k; ++s) {
      term = w;
      term *= row[s * own_stride];
      result[s] += term;
    }
    int level = m - 1;
    while (level >= 0 && ++digit[level] == static_cast<int>(support[level].size())) {
      digit[level] = 0;
      --level;
    }
    if (level < 0) break;
    refresh_from(level);
  }
  return result;
}

template <class T>
Certificate<T> certify(const StrategicGame& game, const MixedProfile<T>& profile) {
  const int n = game.num_players();
  Certificate<T> cert;
  cert.payoffs.assign(n, T(0));
  cert.regrets.assign(n, T(0));
  for (int p = 0; p < n; ++p) {
    const std::vector<T> values = strategy_payoffs(game, profile, p);
    const auto probs = profile.player(p);
    T expected(0);
    for (std::size_t s = 0; s < values.size(); ++s) {
      if (probs[s] != 0) expected += probs[s] * values[s];
    }
    const T best = *std::max_element(values.begin(), values.end());
    cert.payoffs[p] = expected;
    cert.regrets[p] = best - expected;
    if (cert.regrets[p] < 0) cert.regrets[p] = 0;  // only rounding can make it negative
    if (p == 0 || cert.regrets[p] > cert.max_regret) cert.max_regret = cert.regrets[p];
  }
  return cert;
}

MixedProfile<Rational> normalised(const MixedProfile<Rational>& profile) {
  MixedProfile<Rational> out = profile;
  for (int p = 0; p < out.num_players(); ++p) {
    Rational sum(0);
    for (auto& x : out.player(p)) {
      if (x < 0) x = 0;
      sum += x;
    }
    if (sum == 0 || sum == 1) continue;
    for (auto& x : out.player(p)) x /= sum;
  }
  return out;
}

template std::vector<double> strategy_payoffs(const StrategicGame&, const MixedProfile<double>&, int);
template std::vector<Rational> strategy_payoffs(const StrategicGame&, const MixedProfile<Rational>&, int);
template Certificate<double> certify(const StrategicGame&, const MixedProfile<double>&);
template Certificate<Rational> certify(const StrategicGame&, const MixedProfile<Rational>&);

}  // namespace equilibria
