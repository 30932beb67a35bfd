// Markov-game reader. A game it accepts must survive write/read unchanged
// (writing is a fixed point) and, when small, certify the uniform stationary
// (discounted) or per-step (finite-horizon) policy exactly with
// non-negative regrets.
#include "equilibria/io/markov_json.hpp"
#include "equilibria/verify/markov_best_response.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

constexpr int kCertifyStates = 8;
constexpr std::int64_t kCertifyOutcomes = 200;

MarkovPolicy<Rational> uniform_policy(const MarkovGame& game) {
  MarkovPolicy<Rational> policy(game.num_players());
  for (int p = 0; p < game.num_players(); ++p) {
    for (int s = 0; s < game.num_states(); ++s) {
      const int k = game.num_actions(s, p);
      policy[p].emplace_back(k, Rational(1, k));
    }
  }
  return policy;
}

void check_game(const MarkovGame& game) {
  const std::string once = write_markov_json(game);
  std::string twice;
  if (!accepts([&] { twice = write_markov_json(read_markov_json(once, "written.json")); })) {
    finding("the written game does not read back");
  }
  if (twice != once) finding("write(read(write(g))) differs from write(g)");
  if (game.num_states() > kCertifyStates || game.num_outcomes() > kCertifyOutcomes) return;
  const MarkovPolicy<Rational> uniform = uniform_policy(game);
  if (game.discounted()) {
    const auto values = exact_profile_values(game, uniform, {});
    if (!values) finding("exact_profile_values refused a small game");
    std::vector<Rational> regrets;
    for (int p = 0; p < game.num_players(); ++p) {
      const auto best = exact_best_response(game, uniform, p, {});
      if (!best) finding("exact_best_response refused a small game");
      for (int s = 0; s < game.num_states(); ++s) regrets.push_back(best->value[s] - (*values)[p][s]);
    }
    check_regrets(regrets, "uniform stationary policy");
  } else if (game.horizon() <= 4) {
    const StepProductPolicy steps(game.horizon(), uniform);
    check_regrets(certify_finite_horizon(game, steps).regrets, "uniform per-step policy");
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  std::optional<MarkovGame> game;
  if (fuzz::accepts([&] { game.emplace(read_markov_json(std::string(fuzz::as_text(data, size)), "fuzz.json")); })) {
    fuzz::check_game(*game);
  }
  return 0;
}
