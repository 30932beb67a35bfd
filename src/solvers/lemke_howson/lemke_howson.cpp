#include "equilibria/solvers/lemke_howson/lemke_howson.hpp"

#include <set>
#include <thread>

#include "../bimatrix/best_response_polytope.hpp"
#include "equilibria/games/bimatrix.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

using bimatrix::PivotTableau;
using bimatrix::Side;

struct PathResult {
  std::optional<MixedProfile<Rational>> profile;  // verified equilibrium
  std::int64_t pivots = 0;        // in all
  std::int64_t exact_pivots = 0;  // of those, in rationals
  bool stopped = false;
  bool reran_exact = false;
};

// Follows the path that drops `label`, in arithmetic T. Returns the exact
// profile of the basis it ends in (unverified), or nullopt if it stopped.
template <class T>
std::optional<MixedProfile<Rational>> follow_path(const Bimatrix& g, int label, const SolveControl& control,
                                                  std::int64_t& pivots) {
  PivotTableau<T> tx = bimatrix::polytope_tableau<T>(g, Side::kRow);
  PivotTableau<T> ty = bimatrix::polytope_tableau<T>(g, Side::kColumn);
  Side side = label < g.m ? Side::kRow : Side::kColumn;
  int entering = bimatrix::label_column(g, side, label);
  // An exact lexicographic path visits each basis at most once; in doubles
  // this bound guards against rounding trouble (the exact re-run has none).
  const std::int64_t max_pivots = 64 + 16 * static_cast<std::int64_t>(g.m + g.n) * (g.m + g.n);
  while (true) {
    PivotTableau<T>& t = side == Side::kRow ? tx : ty;
    const int row = t.leaving_row(entering);
    if (row < 0) return std::nullopt;  // unbounded: impossible for positive payoffs
    const int leaving = t.basic(row);
    t.pivot(row, entering);
    ++pivots;
    const int left_label = bimatrix::column_label(g, side, leaving);
    if (left_label == label) break;
    if ((pivots & 63) == 0 && control.should_stop()) return std::nullopt;
    if (std::is_same_v<T, double> && pivots > max_pivots) return std::nullopt;
    side = side == Side::kRow ? Side::kColumn : Side::kRow;
    entering = bimatrix::label_column(g, side, left_label);
  }
  const auto x = bimatrix::exact_vertex_of_basis(g, Side::kRow, tx.basis());
  const auto y = bimatrix::exact_vertex_of_basis(g, Side::kColumn, ty.basis());
  if (!x || !y) return std::nullopt;
  for (const auto* v : {&*x, &*y}) {
    Rational sum(0);
    for (const auto& e : *v) {
      if (e < 0) return std::nullopt;
      sum += e;
    }
    if (sum == 0) return std::nullopt;
  }
  return bimatrix::normalised_profile(*x, *y);
}

PathResult run_path(const StrategicGame& game, const Bimatrix& g, int label, const LemkeHowsonOptions& options) {
  PathResult result;
  auto verified = [&](const std::optional<MixedProfile<Rational>>& p) {
    return p && certify(game, *p).max_regret == 0;
  };
  if (!options.exact_pivoting) {
    auto p = follow_path<double>(g, label, options.control, result.pivots);
    if (verified(p)) {
      result.profile = std::move(p);
      return result;
    }
    if (options.control.should_stop()) {
      result.stopped = true;
      return result;
    }
    result.reran_exact = true;
  }
  auto p = follow_path<Rational>(g, label, options.control, result.exact_pivots);
  result.pivots += result.exact_pivots;
  if (verified(p)) {
    result.profile = std::move(p);
  } else {
    result.stopped = true;  // only a stop request ends an exact path early
  }
  return result;
}

std::string key_of(const MixedProfile<Rational>& p) {
  std::string key;
  for (const auto& v : p.flat()) key += to_string(v) + ",";
  return key;
}

}  // namespace

LemkeHowsonReport lemke_howson(const StrategicGame& game, const LemkeHowsonOptions& options,
                               const std::function<void(const LemkeHowsonEquilibrium&)>& found) {
  const Bimatrix g = shifted_positive(bimatrix_of(game));
  std::vector<int> labels;
  if (options.label >= 0) {
    labels.push_back(options.label);
  } else {
    for (int k = 0; k < g.m + g.n; ++k) labels.push_back(k);
  }
  // Paths are independent: a batch of labels runs on parallel threads, then
  // is merged in label order, so output does not depend on scheduling and a
  // limit is met exactly.
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);
  std::set<std::string> seen;
  LemkeHowsonReport report;
  report.threads = threads;
  std::vector<PathResult> batch;
  for (std::size_t start = 0; start < labels.size(); start += threads) {
    const std::size_t end = std::min(labels.size(), start + threads);
    batch.assign(end - start, PathResult{});
    if (end - start == 1) {
      batch[0] = run_path(game, g, labels[start], options);
    } else {
      std::vector<std::thread> pool;
      for (std::size_t i = start; i < end; ++i) {
        pool.emplace_back([&, i] { batch[i - start] = run_path(game, g, labels[i], options); });
      }
      for (auto& th : pool) th.join();
    }
    for (std::size_t i = start; i < end; ++i) {
      const PathResult& r = batch[i - start];
      report.pivots += r.pivots;
      report.exact_pivots += r.exact_pivots;
      report.exact_reruns += r.reran_exact;
      if (r.stopped) {
        report.status = SolveStatus::kStopped;
        return report;
      }
      ++report.paths;
      if (!seen.insert(key_of(*r.profile)).second) continue;
      found({*r.profile, labels[i], r.pivots});
      if (options.limit > 0 && static_cast<std::int64_t>(seen.size()) >= options.limit) {
        report.status = SolveStatus::kLimitReached;
        return report;
      }
    }
  }
  return report;
}

}  // namespace equilibria
