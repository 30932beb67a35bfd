// Profile readers: strategic profiles (JSON or `NE,` lines) for games of a
// few shapes, and behaviour profiles for Kuhn poker, from the same bytes.
// What they accept must be probability distributions (exactly, when marked
// exact) that certify with non-negative regrets.
#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/io/profile_reader.hpp"
#include "equilibria/verify/exploitability.hpp"
#include "equilibria/verify/regret.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

// A fixed game of the given shape with distinct small payoffs.
StrategicGame shaped_game(std::vector<int> counts) {
  std::int64_t profiles = 1;
  for (int c : counts) profiles *= c;
  std::vector<Rational> payoffs;
  for (std::int64_t i = 0; i < profiles * static_cast<std::int64_t>(counts.size()); ++i) {
    payoffs.emplace_back(static_cast<long>((i * 7) % 11) - 5, 3);
  }
  return StrategicGame(std::move(counts), std::move(payoffs));
}

void check_distribution(std::span<const Rational> probs, bool exact) {
  Rational sum(0);
  for (const Rational& x : probs) {
    if (x < 0) finding("accepted a negative probability");
    sum += x;
  }
  if (exact && sum != 1) finding("an exact profile whose probabilities do not sum to 1");
}

void check_profiles(std::string_view text, const StrategicGame& game) {
  std::vector<ProfileInput> read;
  if (!accepts([&] { read = read_profiles(text, "fuzz.json", game.strategy_counts()); })) return;
  if (read.empty()) finding("read_profiles accepted the input but returned no profile");
  for (const ProfileInput& in : read) {
    if (in.profile.strategy_counts() != game.strategy_counts()) finding("profile of the wrong shape");
    for (int p = 0; p < game.num_players(); ++p) check_distribution(in.profile.player(p), in.exact);
    check_regrets(certify(game, in.profile).regrets, "profile read");
  }
}

void check_behaviors(std::string_view text, const GameTree& tree) {
  std::vector<BehaviorInput> read;
  if (!accepts([&] { read = read_behavior_profiles(text, "fuzz.json", tree); })) return;
  for (const BehaviorInput& in : read) {
    if (static_cast<int>(in.flat.size()) != tree.num_global_actions()) finding("behaviour of the wrong size");
    for (int i = 0; i < tree.num_infosets(); ++i) {
      // Approximate sets are normalised on reading: every set sums to 1 exactly.
      check_distribution(std::span<const Rational>(in.flat).subspan(tree.action_begin(i), tree.num_actions(i)), true);
    }
    check_regrets(certify_behavior(tree, in.flat).regrets, "behaviour read");
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  static const std::vector<StrategicGame> games{fuzz::shaped_game({2, 2}), fuzz::shaped_game({3, 3}),
                                                fuzz::shaped_game({2, 3, 2})};
  static const GameTree kuhn = builtin_game("kuhn");
  const std::string_view text = fuzz::as_text(data, size);
  for (const StrategicGame& game : games) fuzz::check_profiles(text, game);
  fuzz::check_behaviors(text, kuhn);
  return 0;
}
