// First-order methods at scale (issue 11): dense n x n zero-sum games with
// payoffs uniform in [0, 1) (std::mt19937_64 seeded with n), solved to
// duality gap <= 1e-6 times the payoff range by eg, ogda, eag and halpern
// (restarts on) with multithreaded products, against Clp's dual simplex on
// the same game in the same run.
//
// Exit rule: the methods stop on their natural residual; the tolerance
// starts at the gap target and, while the returned iterate's duality gap
// (BilinearGame::duality_gap) misses the target, is divided by 10 and the
// method rerun from the start. The seconds reported add up every attempt
// plus building the operator (its Lipschitz estimate).
//
// The LP is the floating stage of solve_zero_sum_lp (min sum u s.t.
// A'^T u >= 1, A' = A / max A), timed from building the matrix to Clp's
// optimum; not the exact certification that follows it there, which on
// supports of hundreds of strategies costs far more than either. Its value
// and support sizes are printed as the cross-check.
//
// Run: build/bench/vi_dense_scale [THREADS [CAP_SECONDS [n ...]]]
// (defaults 2, 600, 1000 3000 5000; CAP_SECONDS bounds each method and the LP).
#include <ClpSimplex.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "equilibria/solvers/vi/bilinear_game.hpp"
#include "equilibria/solvers/vi/first_order_methods.hpp"

namespace {

using namespace equilibria;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::vector<double> uniform_game(int n) {
  std::mt19937_64 rng(n);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<double> a(static_cast<std::size_t>(n) * n);
  for (double& x : a) x = uniform(rng);
  return a;
}

struct LpRun {
  bool optimal = false;
  double seconds = 0, value = 0;
  int iterations = 0, row_support = 0, column_support = 0;
};

LpRun clp_lp(int n, const std::vector<double>& a, double cap) {
  const auto started = Clock::now();
  double scale = 0;
  for (double v : a) scale = std::max(scale, v);
  std::vector<CoinBigIndex> start(n + 1);
  std::vector<int> index(static_cast<std::size_t>(n) * n);
  std::vector<double> value(static_cast<std::size_t>(n) * n);
  for (int i = 0; i < n; ++i) {  // column i of the LP: row i of A
    start[i] = static_cast<CoinBigIndex>(static_cast<std::size_t>(i) * n);
    for (int j = 0; j < n; ++j) {
      index[static_cast<std::size_t>(i) * n + j] = j;
      value[static_cast<std::size_t>(i) * n + j] = a[static_cast<std::size_t>(i) * n + j] / scale;
    }
  }
  start[n] = static_cast<CoinBigIndex>(static_cast<std::size_t>(n) * n);
  std::vector<double> col_lower(n, 0.0), col_upper(n, COIN_DBL_MAX), objective(n, 1.0);
  std::vector<double> row_lower(n, 1.0), row_upper(n, COIN_DBL_MAX);
  ClpSimplex lp;
  lp.setLogLevel(0);
  lp.setMaximumSeconds(cap);
  lp.loadProblem(n, n, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                 objective.data(), row_lower.data(), row_upper.data());
  lp.dual();
  LpRun run;
  run.seconds = seconds_since(started);
  run.optimal = lp.isProvenOptimal();
  run.iterations = lp.numberIterations();
  if (!run.optimal) return run;
  run.value = scale / lp.objectiveValue();  // A' = A / scale has value 1 / sum(u)
  for (int i = 0; i < n; ++i) run.row_support += lp.getColSolution()[i] > 1e-12;
  for (int j = 0; j < n; ++j) run.column_support += std::abs(lp.getRowPrice()[j]) > 1e-12;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
  const double cap = argc > 2 ? std::atof(argv[2]) : 600;
  std::vector<int> sizes;
  for (int k = 3; k < argc; ++k) sizes.push_back(std::atoi(argv[k]));
  if (sizes.empty()) sizes = {1000, 3000, 5000};
  if (threads < 1 || !(cap > 0) || std::any_of(sizes.begin(), sizes.end(), [](int n) { return n < 2; })) {
    std::fprintf(stderr, "usage: %s [THREADS [CAP_SECONDS [n ...]]]\n", argv[0]);
    return 2;
  }
  std::printf("%6s %-8s %10s %10s %9s %11s %12s %9s %s\n", "n", "method", "seconds", "iters", "attempts", "gap",
              "value", "LP/this", "status");
  for (int n : sizes) {
    const std::vector<double> a = uniform_game(n);
    const auto [low, high] = std::minmax_element(a.begin(), a.end());
    const double target = 1e-6 * (*high - *low);
    const LpRun lp = clp_lp(n, a, cap);
    if (lp.optimal) {
      std::printf("%6d %-8s %10.2f %10d %9s %11s %12.8f %9s supports %d x %d\n", n, "clp", lp.seconds, lp.iterations,
                  "", "", lp.value, "1", lp.row_support, lp.column_support);
    } else {
      std::printf("%6d %-8s %10s %10d %9s %11s %12s %9s not optimal within the cap\n", n, "clp",
                  ("> " + std::to_string(static_cast<int>(cap))).c_str(), lp.iterations, "", "", "", "");
    }
    const auto built = Clock::now();
    const vi::BilinearGame game(n, n, a, threads);
    const double setup = seconds_since(built);
    std::vector<double> f(2 * n);
    for (const char* name : {"eg", "ogda", "eag", "halpern"}) {
      const auto started = Clock::now();
      vi::FirstOrderOptions options;
      options.method = vi::first_order_method_from_name(name);
      options.control = SolveControl::with_time_limit(cap);  // all attempts together
      options.max_iterations = 1'000'000'000;
      vi::FirstOrderResult r;
      double gap = 0;
      int attempts = 0;
      std::int64_t iterations = 0;  // over every attempt
      for (double tolerance = target;; tolerance /= 10) {
        options.tolerance = tolerance;
        r = vi::solve_first_order(game, options);
        ++attempts;
        iterations += r.iterations;
        gap = game.duality_gap(r.z.data());
        if (gap <= target || r.status != SolveStatus::kComplete) break;
      }
      const double seconds = setup + seconds_since(started);
      game.evaluate(r.z.data(), f.data());
      double value = 0;  // x'Ay = -x . (-Ay)
      for (int i = 0; i < n; ++i) value -= r.z[i] * f[i];
      const bool met = gap <= target;
      char ratio[32] = "";
      if (lp.optimal && met) std::snprintf(ratio, sizeof ratio, "%.2f", lp.seconds / seconds);
      if (!lp.optimal && met) std::snprintf(ratio, sizeof ratio, "> %.2f", cap / seconds);
      std::printf("%6d %-8s %10.2f %10lld %9d %11.3g %12.8f %9s %s\n", n, name, seconds,
                  static_cast<long long>(iterations), attempts, gap, value, ratio,
                  met ? "gap met" : (std::string("gap missed, ") + to_string(r.status)).c_str());
      std::fflush(stdout);
    }
    std::printf("%6d (operator built in %.2f s, included above; %d threads; gap target %.3g)\n", n, setup,
                game.threads(), target);
    std::fflush(stdout);
  }
  return 0;
}
