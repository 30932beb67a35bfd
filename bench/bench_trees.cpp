// CFR iterations, exact best responses and exploitability on Kuhn and Leduc
// poker. Run: build/bench/bench_trees
#include <benchmark/benchmark.h>

#include "equilibria/games/extensive/poker.hpp"
#include "equilibria/solvers/cfr/cfr.hpp"
#include "equilibria/solvers/cfr/mccfr.hpp"

namespace {

using namespace equilibria;

const GameTree& game(int which) {
  static const GameTree kuhn = kuhn_poker(), leduc = leduc_poker();
  return which == 0 ? kuhn : leduc;
}

void BM_CfrIteration(benchmark::State& state) {
  const GameTree& tree = game(static_cast<int>(state.range(0)));
  CfrOptions options;
  options.variant = static_cast<CfrVariant>(state.range(1));
  CfrSolver solver(tree, options);
  solver.run_iterations(100);  // past the first, cheapest iterations
  for (auto _ : state) solver.run_iterations(1);
  state.SetLabel(tree.labels().title + " " + to_string(options.variant));
  // Solver state: regret, strategy sum, current strategy, instantaneous
  // regret, prediction and sequence reach, one double each per action; and
  // the solver's packed copy of the tree (16 bytes a node; child, chance
  // probability and leaf payoffs per edge).
  const double state_bytes = 6.0 * sizeof(double) * tree.num_global_actions();
  const double tree_bytes = 16.0 * tree.num_nodes() + (4.0 + 8.0 + 8.0 * tree.num_players()) * (tree.num_nodes() - 1);
  state.counters["state_bytes_per_infoset"] = state_bytes / tree.num_infosets();
  state.counters["tree_bytes_per_infoset"] = tree_bytes / tree.num_infosets();
}
BENCHMARK(BM_CfrIteration)
    ->ArgsProduct({{0, 1},
                   {static_cast<int>(CfrVariant::kVanilla), static_cast<int>(CfrVariant::kPlus),
                    static_cast<int>(CfrVariant::kDiscounted), static_cast<int>(CfrVariant::kPredictivePlus)}})
    ->Unit(benchmark::kMicrosecond);

void BM_MccfrIteration(benchmark::State& state) {
  const GameTree& tree = game(static_cast<int>(state.range(0)));
  MccfrOptions options;
  options.sampling = static_cast<MccfrSampling>(state.range(1));
  MccfrSolver solver(tree, options);
  for (auto _ : state) solver.run_iterations(1);
  state.SetLabel(tree.labels().title + (options.sampling == MccfrSampling::kExternal ? " external" : " outcome"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MccfrIteration)->ArgsProduct({{0, 1}, {0, 1}})->Unit(benchmark::kMicrosecond);

void BM_Exploitability(benchmark::State& state) {
  const GameTree& tree = game(static_cast<int>(state.range(0)));
  CfrSolver solver(tree, {});
  solver.run_iterations(100);
  const auto policy = solver.average_policy();
  for (auto _ : state) benchmark::DoNotOptimize(certify_behavior(tree, policy));
  state.SetLabel(tree.labels().title + " (doubles)");
}
BENCHMARK(BM_Exploitability)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_ExactExploitability(benchmark::State& state) {
  const GameTree& tree = game(static_cast<int>(state.range(0)));
  const auto policy = uniform_behavior<Rational>(tree);
  for (auto _ : state) benchmark::DoNotOptimize(certify_behavior(tree, policy));
  state.SetLabel(tree.labels().title + " (rationals)");
}
BENCHMARK(BM_ExactExploitability)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
