// Preference-CSV reader. The game it builds must be symmetric zero-sum
// (M[a][b] = -M[b][a], the column player's payoff the negated row payoff)
// and, when small, certify the uniform profile with non-negative regrets.
#include "equilibria/io/preference_csv.hpp"
#include "equilibria/verify/regret.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {

void check_margin_game(const StrategicGame& game) {
  if (game.num_players() != 2 || game.num_strategies(0) != game.num_strategies(1)) finding("margin game not square");
  const int n = game.num_strategies(0);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      const std::int64_t ab = game.profile_index({a, b}), ba = game.profile_index({b, a});
      if (game.payoff(0, ab) != -game.payoff(1, ab)) finding("margin game not zero-sum");
      if (game.payoff(0, ab) != -game.payoff(0, ba)) finding("margin game not antisymmetric");
    }
  }
  constexpr int kCertifyAlternatives = 64;
  if (n > kCertifyAlternatives) return;
  check_regrets(certify(game, MixedProfile<Rational>::uniform(game.strategy_counts())).regrets, "uniform profile");
}

}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  std::optional<StrategicGame> game;
  if (fuzz::accepts([&] { game.emplace(read_preference_csv(fuzz::as_text(data, size), "fuzz.csv")); })) {
    fuzz::check_margin_game(*game);
  }
  return 0;
}
