#pragma once
// Seeded game generators for tests and benchmarks. The same seed gives the
// same game on every platform (own integer sampling, no std distributions).
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

enum class GeneratorKind {
  kUniform,       // independent integer payoffs U[0, range)
  kCovariant,     // each profile's payoffs jointly normal, pairwise correlation rho, x1000 rounded
  kZeroSum,       // two players, B = -A, A uniform
  kCoordination,  // two players, A = B, positive diagonal U[1, range], zero elsewhere
  kDegenerate,    // uniform payoffs from a tiny range {0, 1, 2}: many ties
};

struct GeneratorOptions {
  GeneratorKind kind = GeneratorKind::kUniform;
  std::vector<int> strategies{10, 10};
  std::uint64_t seed = 1;
  std::int64_t range = 100;
  double rho = 0.0;
};

// Throws std::invalid_argument for parameters that make no game.
StrategicGame generate_game(const GeneratorOptions& options);

GeneratorKind generator_kind(const std::string& name);  // throws std::invalid_argument
const std::vector<std::string>& generator_names();

}  // namespace equilibria
