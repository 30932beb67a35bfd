#pragma once
// Helpers shared by the unit tests: corpus paths and small games.
#include <random>
#include <string>
#include <vector>

#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria::test {

std::string shared_dir();
std::string test_data_dir();
// Every file in `dir` ending with `extension`, sorted.
std::vector<std::string> files_with_extension(const std::string& dir, const std::string& extension);

// A bimatrix game from row-major matrices A (player 1) and B (player 2).
StrategicGame bimatrix(const std::vector<std::vector<Rational>>& a, const std::vector<std::vector<Rational>>& b);

// A mixed profile from one probability vector per player.
MixedProfile<Rational> profile(const std::vector<std::vector<Rational>>& per_player);

// Integer payoffs drawn uniformly from [0, range).
StrategicGame random_game(const std::vector<int>& counts, int range, std::mt19937_64& rng);

}  // namespace equilibria::test
