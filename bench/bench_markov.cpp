// Markov-game solvers on seeded random games (`equilibria generate markov`):
// zero-sum discounted values (Shapley, Hoffman-Karp) to a certified width,
// against the naive baseline of Shapley iteration with every stage game
// solved as a fresh Clp LP; and finite-horizon backward-induction CCE with
// its certificate. Run: build/bench/bench_markov
#include <benchmark/benchmark.h>

#include <ClpSimplex.hpp>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "../src/solvers/markov/stage_games.hpp"
#include "equilibria/games/markov/markov_generators.hpp"
#include "equilibria/solvers/markov/backward_induction.hpp"
#include "equilibria/solvers/markov/zero_sum_markov.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"

namespace {

using namespace equilibria;

constexpr double kTolerance = 1e-6;
// Sweeps timed per benchmark iteration, from v = 0 (the first sweeps of
// every run; the Clp baseline cannot converge on 10^4 states in bench time).
constexpr int kSweeps = 20;

// `generate markov --players 2 --states N --actions 5 --branching 3
// --discount 19/20 --zero-sum --seed 1`
const MarkovGame& zero_sum_game(int states) {
  static const auto make = [](int n) {
    MarkovGeneratorOptions o;
    o.states = n;
    o.actions = 5;
    o.branching = 3;
    o.discount = Rational(19, 20);
    o.zero_sum = true;
    return generate_markov_game(o);
  };
  static const MarkovGame small = make(1'000), large = make(10'000);
  return states == 1'000 ? small : large;
}

// One Shapley sweep the way a user with a generic LP solver writes it: at
// every state the matrix game M = r + d P v as the LP
//   max u  s.t.  sum_a x_a M[a][b] >= u (every b),  sum_a x_a = 1,  x >= 0,
// in a fresh ClpSimplex. Returns max_s |tv(s) - v(s)|.
double clp_sweep(const MarkovGame& game, const std::vector<double>& v, std::vector<double>& tv) {
  const double d = game.discount_d();
  double change = 0;
  tv.resize(v.size());
  std::vector<CoinBigIndex> start;
  std::vector<int> index;
  std::vector<double> value, col_lower, col_upper, objective, row_lower, row_upper;
  for (int s = 0; s < game.num_states(); ++s) {
    const int m = game.num_actions(s, 0), n = game.num_actions(s, 1);
    start.clear();
    index.clear();
    value.clear();
    for (int a = 0; a < m; ++a) {  // column x_a: M[a][b] in row b, 1 in row n
      start.push_back(static_cast<CoinBigIndex>(index.size()));
      for (int b = 0; b < n; ++b) {
        const std::int64_t o = game.joint_begin(s) + a + static_cast<std::int64_t>(m) * b;
        double future = 0;
        for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
          future += game.transition(k).probability * v[game.transition(k).next];
        }
        index.push_back(b);
        value.push_back(game.reward_d(o, 0) + d * future);
      }
      index.push_back(n);
      value.push_back(1.0);
    }
    start.push_back(static_cast<CoinBigIndex>(index.size()));  // column u: -1 in rows 0..n-1
    for (int b = 0; b < n; ++b) {
      index.push_back(b);
      value.push_back(-1.0);
    }
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    col_lower.assign(m + 1, 0.0);
    col_upper.assign(m + 1, COIN_DBL_MAX);
    col_lower[m] = -COIN_DBL_MAX;
    objective.assign(m + 1, 0.0);
    objective[m] = -1.0;  // Clp minimises
    row_lower.assign(n + 1, 0.0);
    row_upper.assign(n + 1, COIN_DBL_MAX);
    row_lower[n] = row_upper[n] = 1.0;
    ClpSimplex lp;
    lp.setLogLevel(0);
    lp.loadProblem(m + 1, n + 1, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                   objective.data(), row_lower.data(), row_upper.data());
    lp.dual();
    if (!lp.isProvenOptimal()) throw std::runtime_error("Clp failed on a stage game");
    tv[s] = -lp.objectiveValue();
    change = std::max(change, std::abs(tv[s] - v[s]));
  }
  return change;
}

void BM_ZeroSumMarkov(benchmark::State& state) {
  const MarkovGame& game = zero_sum_game(static_cast<int>(state.range(0)));
  ZeroSumMarkovOptions options;
  options.method = static_cast<ZeroSumMarkovMethod>(state.range(1));
  options.tolerance = kTolerance;
  ZeroSumMarkovResult result;
  for (auto _ : state) result = solve_zero_sum_markov(game, options);
  state.SetLabel(options.method == ZeroSumMarkovMethod::kShapley ? "shapley" : "hoffman-karp");
  state.counters["width"] = result.width;
  state.counters["iterations"] = static_cast<double>(result.iterations);
  state.counters["stage_games"] = static_cast<double>(result.stage_games);
}
BENCHMARK(BM_ZeroSumMarkov)
    ->ArgsProduct({{1'000, 10'000},
                   {static_cast<int>(ZeroSumMarkovMethod::kShapley), static_cast<int>(ZeroSumMarkovMethod::kHoffmanKarp)}})
    ->Unit(benchmark::kMillisecond);

// CPU seconds per sweep (rates count CPU time: the machine is shared), from
// the time of one benchmark iteration of kSweeps sweeps.
benchmark::Counter per_sweep() {
  return benchmark::Counter(kSweeps, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_ShapleySweeps(benchmark::State& state) {
  const MarkovGame& game = zero_sum_game(static_cast<int>(state.range(0)));
  StageGames<double> stages(game);
  std::vector<double> v, tv;
  for (auto _ : state) {
    v.assign(game.num_states(), 0.0);
    for (int k = 0; k < kSweeps; ++k) {
      benchmark::DoNotOptimize(stages.sweep(v, tv));
      v.swap(tv);
    }
  }
  state.counters["seconds_per_sweep"] = per_sweep();
}
BENCHMARK(BM_ShapleySweeps)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_ClpShapleySweeps(benchmark::State& state) {
  const MarkovGame& game = zero_sum_game(static_cast<int>(state.range(0)));
  std::vector<double> v, tv;
  for (auto _ : state) {
    v.assign(game.num_states(), 0.0);
    for (int k = 0; k < kSweeps; ++k) {
      benchmark::DoNotOptimize(clp_sweep(game, v, tv));
      v.swap(tv);
    }
  }
  state.counters["seconds_per_sweep"] = per_sweep();
}
BENCHMARK(BM_ClpShapleySweeps)->Arg(1'000)->Arg(10'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// The baseline to an answer: sweeps until the a-priori interval around v,
// of width 2 d |Tv - v| / (1 - d), is within kTolerance. `outside` checks
// it against our certified interval: how far any state's value lies beyond it.
void BM_ClpShapleySolve(benchmark::State& state) {
  const MarkovGame& game = zero_sum_game(static_cast<int>(state.range(0)));
  const double d = game.discount_d();
  std::vector<double> v, tv;
  std::int64_t sweeps = 0;
  double bound = 0;
  for (auto _ : state) {
    v.assign(game.num_states(), 0.0);
    sweeps = 0;
    do {
      bound = 2 * d * clp_sweep(game, v, tv) / (1 - d);
      v.swap(tv);
      ++sweeps;
    } while (bound > kTolerance);
  }
  ZeroSumMarkovOptions options;
  options.tolerance = kTolerance;
  const ZeroSumMarkovResult certified = solve_zero_sum_markov(game, options);
  double outside = 0;
  for (int s = 0; s < game.num_states(); ++s) {
    outside = std::max({outside, certified.lower[s].get_d() - v[s], v[s] - certified.upper[s].get_d()});
  }
  state.counters["width"] = bound;
  state.counters["iterations"] = static_cast<double>(sweeps);
  state.counters["outside_certified"] = outside;
}
BENCHMARK(BM_ClpShapleySolve)->Arg(1'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// `generate markov --players 3 --states 1000 --actions 2 --branching 3
// --horizon 10 --seed 1`
const MarkovGame& finite_horizon_game() {
  static const MarkovGame game = [] {
    MarkovGeneratorOptions o;
    o.players = 3;
    o.states = 1'000;
    o.actions = 2;
    o.branching = 3;
    o.horizon = 10;
    return generate_markov_game(o);
  }();
  return game;
}

BackwardInductionOptions cce_options() {
  BackwardInductionOptions options;
  options.stage = StageConcept::kCoarseCorrelated;
  return options;
}

void BM_BackwardInductionCce(benchmark::State& state) {
  const MarkovGame& game = finite_horizon_game();
  BackwardInductionResult result;
  for (auto _ : state) result = backward_induction(game, cce_options());
  state.counters["stages"] = static_cast<double>(result.stages);
  state.counters["on_doubles"] = result.on_doubles;
  state.counters["stages_exact"] = result.stages_exact;
}
BENCHMARK(BM_BackwardInductionCce)->Unit(benchmark::kMillisecond);

void BM_FiniteHorizonCertificate(benchmark::State& state) {
  const MarkovGame& game = finite_horizon_game();
  const BackwardInductionResult result = backward_induction(game, cce_options());
  FiniteHorizonCertificate certificate;
  for (auto _ : state) {
    certificate = certify_finite_horizon(game, result.joint, CorrelatedConcept::kCoarseCorrelated);
  }
  state.counters["max_regret"] = certificate.max_regret.get_d();
  // A regret below the doubles' range would also print as 0.
  state.counters["regret_exactly_zero"] = certificate.max_regret == 0;
}
BENCHMARK(BM_FiniteHorizonCertificate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
