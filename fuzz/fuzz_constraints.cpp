// Constraints reader (--constraints) for a two-player and a three-player
// game. What it accepts must refer only to the game's joint profiles.
#include "equilibria/io/distribution_constraints.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

StrategicGame zero_game(std::vector<int> counts) {
  std::int64_t profiles = 1;
  for (int c : counts) profiles *= c;
  std::vector<Rational> payoffs(profiles * counts.size(), Rational(0));
  return StrategicGame(std::move(counts), std::move(payoffs));
}

void check_constraints(const std::string& text, const StrategicGame& game) {
  std::vector<DistributionConstraint> read;
  if (!accepts([&] { read = read_distribution_constraints(text, "fuzz.json", game); })) return;
  for (const DistributionConstraint& c : read) {
    for (const auto& [profile, coefficient] : c.terms) {
      if (profile < 0 || profile >= game.num_profiles()) finding("a constraint term outside the game's profiles");
    }
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  static const StrategicGame two = fuzz::zero_game({2, 3}), three = fuzz::zero_game({2, 2, 2});
  const std::string text(fuzz::as_text(data, size));
  fuzz::check_constraints(text, two);
  fuzz::check_constraints(text, three);
  return 0;
}
