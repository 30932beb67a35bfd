// .nfg reader. A game it accepts must survive write/read unchanged (writing
// is a fixed point) and, when small, certify the uniform profile exactly
// with non-negative regrets.
#include "equilibria/io/nfg.hpp"
#include "equilibria/verify/regret.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {

void check_game(const StrategicGame& game) {
  const std::string once = write_nfg(game);
  std::string twice;
  if (!accepts([&] { twice = write_nfg(read_nfg(once, "written.nfg")); })) finding("the written game does not read back");
  if (twice != once) finding("write_nfg(read_nfg(write_nfg(g))) differs from write_nfg(g)");
  constexpr std::int64_t kCertifyEntries = 4096;
  if (game.num_profiles() * game.num_players() > kCertifyEntries) return;
  check_regrets(certify(game, MixedProfile<Rational>::uniform(game.strategy_counts())).regrets, "uniform profile");
}

}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  std::optional<StrategicGame> game;
  if (fuzz::accepts([&] { game.emplace(read_nfg(fuzz::as_text(data, size), "fuzz.nfg")); })) fuzz::check_game(*game);
  return 0;
}
