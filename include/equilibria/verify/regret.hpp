#pragma once
// The certificate every answer carries: each player's expected payoff and
// regret (the gain of their best pure deviation). Exact for Rational profiles.
#include <vector>

#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

// Expected payoff of each pure strategy of `player` against the others' mix.
template <class T>
std::vector<T> strategy_payoffs(const StrategicGame& game, const MixedProfile<T>& profile, int player);

template <class T>
struct Certificate {
  std::vector<T> payoffs;  // each player's expected payoff
  std::vector<T> regrets;  // each player's best deviation gain, >= 0
  T max_regret{};
};

template <class T>
Certificate<T> certify(const StrategicGame& game, const MixedProfile<T>& profile);

extern template std::vector<double> strategy_payoffs(const StrategicGame&, const MixedProfile<double>&, int);
extern template std::vector<Rational> strategy_payoffs(const StrategicGame&, const MixedProfile<Rational>&, int);
extern template Certificate<double> certify(const StrategicGame&, const MixedProfile<double>&);
extern template Certificate<Rational> certify(const StrategicGame&, const MixedProfile<Rational>&);

}  // namespace equilibria
