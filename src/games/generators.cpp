#include "equilibria/games/generators.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace equilibria {
namespace {

// SplitMix64: tiny, fast, and identical everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
  double unit() { return (next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
  double normal() {  // Box-Muller
    const double u = 1.0 - unit(), v = unit();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::pair<std::string, GeneratorKind>>& kinds() {
  static const std::vector<std::pair<std::string, GeneratorKind>> k{{"uniform", GeneratorKind::kUniform},
                                                                    {"covariant", GeneratorKind::kCovariant},
                                                                    {"zero-sum", GeneratorKind::kZeroSum},
                                                                    {"coordination", GeneratorKind::kCoordination},
                                                                    {"degenerate", GeneratorKind::kDegenerate}};
  return k;
}

}  // namespace

const std::vector<std::string>& generator_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& [name, kind] : kinds()) n.push_back(name);
    return n;
  }();
  return names;
}

GeneratorKind generator_kind(const std::string& name) {
  for (const auto& [n, kind] : kinds()) {
    if (n == name) return kind;
  }
  throw std::invalid_argument("unknown game kind '" + name + "'");
}

StrategicGame generate_game(const GeneratorOptions& o) {
  const auto& counts = o.strategies;
  const int n = static_cast<int>(counts.size());
  if (n == 0) throw std::invalid_argument("a game needs at least one player");
  const std::int64_t profiles = checked_profile_count(counts, kMaxPayoffEntries / n);
  if (profiles < 0) throw std::invalid_argument("strategy counts must be positive and the game within the size limit");
  const bool two_player_only = o.kind == GeneratorKind::kZeroSum || o.kind == GeneratorKind::kCoordination;
  if (two_player_only && n != 2) throw std::invalid_argument("this kind of game has exactly two players");
  if (o.range < 1) throw std::invalid_argument("range must be at least 1");
  if (o.kind == GeneratorKind::kCovariant && (o.rho < -1.0 / std::max(1, n - 1) || o.rho > 1)) {
    throw std::invalid_argument("rho must lie in [-1/(players-1), 1]");
  }
  Random rng(o.seed);
  std::vector<Rational> pay(static_cast<std::size_t>(n) * profiles);
  auto at = [&](int p, std::int64_t i) -> Rational& { return pay[p * profiles + i]; };
  switch (o.kind) {
    case GeneratorKind::kUniform:
    case GeneratorKind::kDegenerate: {
      const std::int64_t range = o.kind == GeneratorKind::kDegenerate ? 3 : o.range;
      for (std::int64_t i = 0; i < profiles; ++i) {
        for (int p = 0; p < n; ++p) at(p, i) = static_cast<long>(rng.below(range));
      }
      break;
    }
    case GeneratorKind::kCovariant: {
      // A common factor with weight sqrt(rho) gives pairwise correlation rho;
      // negative rho uses the sum-to-zero construction instead.
      for (std::int64_t i = 0; i < profiles; ++i) {
        std::vector<double> z(n);
        for (auto& v : z) v = rng.normal();
        if (o.rho >= 0) {
          const double common = rng.normal();
          for (int p = 0; p < n; ++p) z[p] = std::sqrt(o.rho) * common + std::sqrt(1 - o.rho) * z[p];
        } else {
          double mean = 0;
          for (double v : z) mean += v / n;
          const double lambda = -o.rho * (n - 1);  // 0..1: share of the sum-to-zero part
          for (int p = 0; p < n; ++p) {
            const double centred = (z[p] - mean) * std::sqrt(static_cast<double>(n) / (n - 1));
            z[p] = std::sqrt(lambda) * centred + std::sqrt(1 - lambda) * z[p];
          }
        }
        for (int p = 0; p < n; ++p) at(p, i) = static_cast<long>(std::llround(z[p] * 1000));
      }
      break;
    }
    case GeneratorKind::kZeroSum:
      for (std::int64_t i = 0; i < profiles; ++i) {
        at(0, i) = static_cast<long>(rng.below(o.range));
        at(1, i) = -at(0, i);
      }
      break;
    case GeneratorKind::kCoordination: {
      const int d = std::min(counts[0], counts[1]);
      for (int k = 0; k < d; ++k) {
        const std::int64_t i = k + static_cast<std::int64_t>(k) * counts[0];
        at(0, i) = static_cast<long>(1 + rng.below(o.range));
        at(1, i) = at(0, i);
      }
      break;
    }
  }
  GameLabels labels;
  labels.title = "Generated game";
  for (int p = 0; p < n; ++p) labels.players.push_back("Player " + std::to_string(p + 1));
  return StrategicGame(counts, std::move(pay), std::move(labels));
}

}  // namespace equilibria
