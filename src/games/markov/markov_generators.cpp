#include "equilibria/games/markov/markov_generators.hpp"

#include <algorithm>
#include <limits>
#include <random>
#include <stdexcept>

namespace equilibria {
namespace {

constexpr std::int64_t kMaxWeight = 10;

// Uniform in [0, n) by rejection: std::uniform_int_distribution differs
// between standard libraries.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  std::int64_t below(std::int64_t n) {
    const auto span = static_cast<std::uint64_t>(n);
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % span;
    std::uint64_t x;
    do {
      x = engine_();
    } while (x >= limit);
    return static_cast<std::int64_t>(x % span);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace

MarkovGame generate_markov_game(const MarkovGeneratorOptions& o) {
  if (o.players < 1) throw std::invalid_argument("a Markov game needs at least one player");
  if (o.states < 1) throw std::invalid_argument("a Markov game needs at least one state");
  if (o.actions < 1) throw std::invalid_argument("every player needs at least one action");
  if (o.branching < 1 || o.branching > o.states) throw std::invalid_argument("the branching must lie between 1 and the number of states");
  if (o.zero_sum && o.players != 2) throw std::invalid_argument("a zero-sum game has exactly two players");
  if (o.range < 1) throw std::invalid_argument("range must be at least 1");
  if (o.discount.has_value() == o.horizon.has_value()) throw std::invalid_argument("give exactly one of a discount and a horizon");
  // Sizes are checked before anything is allocated.
  std::int64_t joint = 1;
  for (int p = 0; p < o.players; ++p) {
    if (joint > kMaxMarkovEntries / o.actions) throw std::invalid_argument("too many joint actions per state");
    joint *= o.actions;
  }
  if (joint > kMaxMarkovEntries / o.states || joint * o.states > kMaxMarkovEntries / o.branching) {
    throw std::invalid_argument("the game would exceed " + std::to_string(kMaxMarkovEntries) + " joint actions or transitions");
  }
  std::vector<std::string> players, labels;
  for (int p = 0; p < o.players; ++p) players.push_back("P" + std::to_string(p + 1));
  for (int a = 0; a < o.actions; ++a) labels.push_back("a" + std::to_string(a));
  std::vector<MarkovState> states(o.states);
  for (int s = 0; s < o.states; ++s) states[s] = {"s" + std::to_string(s), std::vector<std::vector<std::string>>(o.players, labels)};
  Draw draw(o.seed);
  std::vector<std::vector<MarkovOutcome>> outcomes(o.states);
  std::vector<int> next(o.branching);
  std::vector<std::int64_t> weight(o.branching);
  for (int s = 0; s < o.states; ++s) {
    outcomes[s].resize(joint);
    for (auto& out : outcomes[s]) {
      out.rewards.reserve(o.players);
      for (int p = 0; p < o.players; ++p) {
        out.rewards.emplace_back(o.zero_sum && p == 1 ? -out.rewards[0] : Rational(static_cast<long>(draw.below(o.range))));
      }
      // Floyd's sampling: `branching` distinct states, each set equally likely.
      for (int k = 0, top = o.states - o.branching; k < o.branching; ++k, ++top) {
        const int t = static_cast<int>(draw.below(top + 1));
        next[k] = std::find(next.begin(), next.begin() + k, t) == next.begin() + k ? t : top;
      }
      std::int64_t total = 0;
      for (auto& w : weight) total += w = 1 + draw.below(kMaxWeight);
      out.next.reserve(o.branching);
      for (int k = 0; k < o.branching; ++k) {
        Rational q(static_cast<long>(weight[k]), static_cast<unsigned long>(total));
        q.canonicalize();
        out.next.emplace_back(next[k], std::move(q));
      }
    }
  }
  std::vector<Rational> initial(o.states, Rational(0));
  initial[0] = 1;
  return MarkovGame(std::move(players), std::move(states), std::move(outcomes), o.discount, o.horizon, std::move(initial));
}

}  // namespace equilibria
