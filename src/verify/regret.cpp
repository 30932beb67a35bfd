#include "equilibria/verify/regret.hpp"

#include <algorithm>
#include <cstdint>

namespace equilibria {
namespace {

template <class W>
struct SupportEntry {
  int strategy;
  W weight;
};

// Visits every profile of the players other than `player` whose strategies
// are all in the support, calling visit(offset, weight) with the profile's
// index offset and the product of the entries' weights. weight_of(p, s, prob)
// turns a probability into the weight type W. The smallest-stride player
// varies fastest. Returns false when some support is empty.
template <class W, class T, class WeightOf, class Visit>
bool walk_others(const StrategicGame& game, const MixedProfile<T>& profile, int player, WeightOf weight_of,
                 Visit visit) {
  std::vector<std::vector<SupportEntry<W>>> support;
  std::vector<std::int64_t> strides;
  for (int p = game.num_players() - 1; p >= 0; --p) {
    if (p == player) continue;
    std::vector<SupportEntry<W>> s;
    const auto probs = profile.player(p);
    for (int j = 0; j < static_cast<int>(probs.size()); ++j) {
      if (probs[j] != 0) s.push_back({j, weight_of(p, probs[j])});
    }
    if (s.empty()) return false;
    support.push_back(std::move(s));
    strides.push_back(game.stride(p));
  }
  const int m = static_cast<int>(support.size());
  std::vector<int> digit(m, 0);
  std::vector<W> weight(m + 1, W(1));
  std::vector<std::int64_t> offset(m + 1, 0);
  auto refresh_from = [&](int level) {
    for (int q = level; q < m; ++q) {
      const auto& e = support[q][digit[q]];
      weight[q + 1] = weight[q] * e.weight;
      offset[q + 1] = offset[q] + e.strategy * strides[q];
    }
  };
  refresh_from(0);
  while (true) {
    visit(offset[m], weight[m]);
    int level = m - 1;
    while (level >= 0 && ++digit[level] == static_cast<int>(support[level].size())) {
      digit[level] = 0;
      --level;
    }
    if (level < 0) return true;
    refresh_from(level);
  }
}

// Exact payoffs when the player's payoffs are integers: each other player's
// probabilities are written over a common denominator, and sums run on GMP
// integers, with one division at the end instead of a gcd per operation.
std::vector<Rational> integral_strategy_payoffs(const StrategicGame& game, const MixedProfile<Rational>& profile,
                                                int player) {
  const int k = game.num_strategies(player);
  const std::int64_t own_stride = game.stride(player);
  const Rational* u = game.payoffs<Rational>(player);
  std::vector<mpz_class> denominator(game.num_players(), mpz_class(1));
  mpz_class total_denominator = 1;
  for (int p = 0; p < game.num_players(); ++p) {
    if (p == player) continue;
    for (const auto& x : profile.player(p)) {
      mpz_lcm(denominator[p].get_mpz_t(), denominator[p].get_mpz_t(), x.get_den_mpz_t());
    }
    total_denominator *= denominator[p];
  }
  std::vector<mpz_class> sum(k, mpz_class(0));
  const bool any = walk_others<mpz_class>(
      game, profile, player,
      [&](int p, const Rational& x) { return mpz_class(x.get_num() * (denominator[p] / x.get_den())); },
      [&](std::int64_t offset, const mpz_class& w) {
        const Rational* row = u + offset;
        for (int s = 0; s < k; ++s) {
          mpz_addmul(sum[s].get_mpz_t(), w.get_mpz_t(), row[s * own_stride].get_num_mpz_t());
        }
      });
  std::vector<Rational> result(k, Rational(0));
  if (!any) return result;
  for (int s = 0; s < k; ++s) {
    result[s] = Rational(sum[s], total_denominator);
    result[s].canonicalize();
  }
  return result;
}

}  // namespace

template <class T>
std::vector<T> strategy_payoffs(const StrategicGame& game, const MixedProfile<T>& profile, int player) {
  if constexpr (std::is_same_v<T, Rational>) {
    if (game.integral_payoffs()) return integral_strategy_payoffs(game, profile, player);
  }
  const int k = game.num_strategies(player);
  const std::int64_t own_stride = game.stride(player);
  const T* u = game.payoffs<T>(player);
  std::vector<T> result(k, T(0));
  T term(0);
  walk_others<T>(
      game, profile, player, [](int, const T& x) { return x; },
      [&](std::int64_t offset, const T& w) {
        const T* row = u + offset;
        for (int s = 0; s < k; ++s) {
          term = w;
          term *= row[s * own_stride];
          result[s] += term;
        }
      });
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

template std::vector<double> strategy_payoffs(const StrategicGame&, const MixedProfile<double>&, int);
template std::vector<Rational> strategy_payoffs(const StrategicGame&, const MixedProfile<Rational>&, int);
template Certificate<double> certify(const StrategicGame&, const MixedProfile<double>&);
template Certificate<Rational> certify(const StrategicGame&, const MixedProfile<Rational>&);

}  // namespace equilibria
