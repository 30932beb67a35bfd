// The comparison of Cai, Alacaoglu and Diakonikolas (ICLR 2024) on the
// policeman-burglar matrix game A_ij = w_j (1 - exp(-0.8 |i - j|)), n = 500,
// w_j = |N(0,1)| (std::mt19937_64 seed 1): natural residual against
// component calls for each first-order method, run to residual 1e-4 or 20
// million component calls. Writes every logged point, thinned evenly in
// log(component calls) to about 300 per method, as CSV
// method,iteration,component_calls,residual to the path in argv[1], and
// prints per method the calls and seconds to 1e-4, the final residual and
// the status. Run: build/bench/vi_policeman_burglar curve.csv
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <vector>

#include "equilibria/solvers/vi/bilinear_game.hpp"
#include "equilibria/solvers/vi/first_order_methods.hpp"

namespace {

using namespace equilibria;

constexpr int kSize = 500;
constexpr double kTolerance = 1e-4;
constexpr std::int64_t kCallCap = 20'000'000;
constexpr int kPointsPerMethod = 300;

vi::BilinearGame policeman_burglar() {
  std::mt19937_64 rng(1);
  std::normal_distribution<double> normal;
  std::vector<double> w(kSize);
  for (double& x : w) x = std::abs(normal(rng));
  std::vector<double> a(static_cast<std::size_t>(kSize) * kSize);
  for (int i = 0; i < kSize; ++i) {
    for (int j = 0; j < kSize; ++j) a[static_cast<std::size_t>(i) * kSize + j] = w[j] * (1 - std::exp(-0.8 * std::abs(i - j)));
  }
  return vi::BilinearGame(kSize, kSize, std::move(a));
}

struct Point {
  std::int64_t iteration, component_calls;
  double residual;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CURVE.csv\n", argv[0]);
    return 2;
  }
  std::ofstream csv(argv[1]);
  csv << "method,iteration,component_calls,residual\n";
  csv.precision(10);
  const vi::BilinearGame game = policeman_burglar();
  std::printf("policeman-burglar %dx%d, L = %.6g, components' mean-square L_c = %.6g, tolerance %g, cap %lld component calls\n",
              kSize, kSize, game.lipschitz(), game.component_lipschitz(), kTolerance, static_cast<long long>(kCallCap));
  std::printf("%-11s %15s %10s %14s %s\n", "method", "calls", "seconds", "residual", "status");
  // Log-spaced thinning: a point is kept once the calls have grown by this
  // factor since the last kept one, so the cap's range holds ~300 points.
  const double growth = std::pow(static_cast<double>(kCallCap), 1.0 / kPointsPerMethod);
  for (const char* name : {"eg", "ogda", "eag", "halpern", "vr-halpern"}) {
    std::atomic<bool> cap_reached{false};
    std::vector<Point> points;
    Point last{};
    double next_kept = 0;
    vi::FirstOrderOptions options;
    options.method = vi::first_order_method_from_name(name);
    options.tolerance = kTolerance;
    options.max_iterations = kCallCap;  // every iteration costs calls: the cap below binds first
    options.control.set_cancel_flag(&cap_reached);
    options.log = [&](std::int64_t iteration, std::int64_t calls, double residual) {
      last = {iteration, calls, residual};
      if (static_cast<double>(calls) >= next_kept) {
        points.push_back(last);
        next_kept = std::max(1.0, calls * growth);
      }
      if (calls >= kCallCap) cap_reached = true;
    };
    const auto started = std::chrono::steady_clock::now();
    const vi::FirstOrderResult r = vi::solve_first_order(game, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (points.empty() || points.back().iteration != last.iteration) points.push_back(last);
    for (const Point& p : points) csv << name << ',' << p.iteration << ',' << p.component_calls << ',' << p.residual << '\n';
    std::printf("%-11s %15lld %10.2f %14.6g %s\n", name, static_cast<long long>(r.component_calls), seconds, r.residual,
                to_string(r.status));
  }
  return csv.good() ? 0 : 1;
}
