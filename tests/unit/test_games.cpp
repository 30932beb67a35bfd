#include "test_games.hpp"

#include <algorithm>
#include <filesystem>

namespace equilibria::test {

std::string shared_dir() { return EQUILIBRIA_SHARED_DIR; }
std::string test_data_dir() { return EQUILIBRIA_TEST_DATA; }

std::vector<std::string> files_with_extension(const std::string& dir, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == extension) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

StrategicGame bimatrix(const std::vector<std::vector<Rational>>& a, const std::vector<std::vector<Rational>>& b) {
  const int m = static_cast<int>(a.size()), n = static_cast<int>(a[0].size());
  std::vector<Rational> payoffs(2 * m * n);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      payoffs[i + j * m] = a[i][j];
      payoffs[m * n + i + j * m] = b[i][j];
    }
  }
  return StrategicGame({m, n}, std::move(payoffs));
}

StrategicGame random_game(const std::vector<int>& counts, int range, std::mt19937_64& rng) {
  std::int64_t profiles = 1;
  for (int c : counts) profiles *= c;
  std::uniform_int_distribution<int> pick(0, range - 1);
  std::vector<Rational> payoffs(counts.size() * profiles);
  for (auto& x : payoffs) x = pick(rng);
  return StrategicGame(counts, std::move(payoffs));
}

MixedProfile<Rational> profile(const std::vector<std::vector<Rational>>& per_player) {
  std::vector<int> counts;
  for (const auto& v : per_player) counts.push_back(static_cast<int>(v.size()));
  MixedProfile<Rational> x(counts);
  for (std::size_t p = 0; p < per_player.size(); ++p) {
    for (std::size_t s = 0; s < per_player[p].size(); ++s) x.player(static_cast<int>(p))[s] = per_player[p][s];
  }
  return x;
}

}  // namespace equilibria::test
