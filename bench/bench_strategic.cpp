// Reading .nfg files, pure-equilibrium enumeration and exact certificates on
// the shared random games. Run: build/bench/bench_strategic
#include <benchmark/benchmark.h>

#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/pure/pure_nash.hpp"
#include "equilibria/verify/regret.hpp"

namespace {

using namespace equilibria;

std::string random_game_path(const std::string& name) {
  return std::string(EQUILIBRIA_SHARED_DIR) + "/games/random/" + name + ".nfg";
}

const char* const kGames[] = {"rand_50x50_s7", "rand_100x100_s7", "rand_200x200_s7", "rand_200x200_s20240",
                              "rand_5x5x5_s20240", "rand_4x4x4x4_s20240"};

void BM_ReadNfg(benchmark::State& state) {
  const std::string text = read_text_file(random_game_path(kGames[state.range(0)]));
  for (auto _ : state) benchmark::DoNotOptimize(read_nfg(text, "bench"));
  state.SetLabel(kGames[state.range(0)]);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadNfg)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

void BM_PureNash(benchmark::State& state) {
  const StrategicGame game = read_nfg_file(random_game_path(kGames[state.range(0)]));
  for (auto _ : state) {
    int found = 0;
    enumerate_pure_nash(game, {}, [&](const std::vector<int>&) { ++found; });
    benchmark::DoNotOptimize(found);
  }
  state.SetLabel(kGames[state.range(0)]);
}
BENCHMARK(BM_PureNash)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

void BM_ExactRegretUniformProfile(benchmark::State& state) {
  const StrategicGame game = read_nfg_file(random_game_path(kGames[state.range(0)]));
  const auto profile = MixedProfile<Rational>::uniform(game.strategy_counts());
  for (auto _ : state) benchmark::DoNotOptimize(certify(game, profile));
  state.SetLabel(kGames[state.range(0)]);
}
BENCHMARK(BM_ExactRegretUniformProfile)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

void BM_DoubleRegretUniformProfile(benchmark::State& state) {
  const StrategicGame game = read_nfg_file(random_game_path(kGames[state.range(0)]));
  const auto profile = MixedProfile<double>::uniform(game.strategy_counts());
  for (auto _ : state) benchmark::DoNotOptimize(certify(game, profile));
  state.SetLabel(kGames[state.range(0)]);
}
BENCHMARK(BM_DoubleRegretUniformProfile)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
