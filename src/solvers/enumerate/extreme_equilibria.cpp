#include "equilibria/solvers/enumerate/extreme_equilibria.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <numeric>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "../bimatrix/vertex_enumeration.hpp"
#include "equilibria/core/solve_errors.hpp"
#include "equilibria/games/bimatrix.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

using bimatrix::LabelSet;
using bimatrix::PolytopeVertex;
using bimatrix::Side;

constexpr double kEps = 1e-9;

// Checks an exact polytope point (labels, feasibility), returning it
// normalised with its exact labels; nullopt when infeasible.
std::optional<std::pair<std::vector<Rational>, LabelSet>> checked(const Bimatrix& g, Side side,
                                                                  std::optional<std::vector<Rational>> point) {
  if (!point) return std::nullopt;
  const bool row = side == Side::kRow;
  const int vars = row ? g.m : g.n, rows = row ? g.n : g.m;
  LabelSet labels;
  Rational sum(0), lhs;
  for (int c = 0; c < vars; ++c) {
    const Rational& z = (*point)[c];
    if (z < 0) return std::nullopt;
    if (z == 0) labels.insert(bimatrix::column_label(g, side, c));
    sum += z;
  }
  if (sum == 0) return std::nullopt;
  for (int r = 0; r < rows; ++r) {
    lhs = 0;
    for (int c = 0; c < vars; ++c) {
      if ((*point)[c] != 0) lhs += (row ? g.B(c, r) : g.A(r, c)) * (*point)[c];
    }
    if (lhs > 1) return std::nullopt;
    if (lhs == 1) labels.insert(bimatrix::column_label(g, side, vars + r));
  }
  for (auto& z : *point) z /= sum;
  return std::make_pair(std::move(*point), labels);
}

bool is_origin(const LabelSet& labels, int first, int count) {
  for (int k = first; k < first + count; ++k) {
    if (!labels.contains(k)) return false;
  }
  return true;
}

// The column player's point supported on `support` with (A y)_i = 1 for i in
// `tight` (|support| == |tight|), in arithmetic T, if it exists and is
// feasible: A y <= 1, y >= 0 (doubles: within a tolerance, so that the exact
// check, not rounding, has the last word).
enum class Partner { kFeasible, kInfeasible, kSingular };

template <class T>
Partner find_partner(const Bimatrix& g, const std::vector<int>& support, const std::vector<int>& tight) {
  const int k = static_cast<int>(support.size());
  if constexpr (std::is_same_v<T, Rational>) {
    auto y = bimatrix::exact_vertex(g, Side::kColumn, support, tight);
    if (!y) return Partner::kSingular;
    return checked(g, Side::kColumn, std::move(y)) ? Partner::kFeasible : Partner::kInfeasible;
  } else {
    // Gaussian elimination with partial pivoting on [A_{tight,support} | 1].
    std::vector<double> m(static_cast<std::size_t>(k) * (k + 1));
    for (int r = 0; r < k; ++r) {
      for (int c = 0; c < k; ++c) m[r * (k + 1) + c] = g.a_approx[tight[r] * g.n + support[c]];
      m[r * (k + 1) + k] = 1;
    }
    double scale = 0;
    for (double v : m) scale = std::max(scale, std::abs(v));
    for (int p = 0; p < k; ++p) {
      int best = p;
      for (int r = p + 1; r < k; ++r) {
        if (std::abs(m[r * (k + 1) + p]) > std::abs(m[best * (k + 1) + p])) best = r;
      }
      if (std::abs(m[best * (k + 1) + p]) <= kEps * scale) return Partner::kSingular;
      if (best != p) {
        for (int c = 0; c <= k; ++c) std::swap(m[p * (k + 1) + c], m[best * (k + 1) + c]);
      }
      for (int r = p + 1; r < k; ++r) {
        const double f = m[r * (k + 1) + p] / m[p * (k + 1) + p];
        if (f == 0) continue;
        for (int c = p; c <= k; ++c) m[r * (k + 1) + c] -= f * m[p * (k + 1) + c];
      }
    }
    std::vector<double> y(g.n, 0.0);
    for (int p = k - 1; p >= 0; --p) {
      double v = m[p * (k + 1) + k];
      for (int c = p + 1; c < k; ++c) v -= m[p * (k + 1) + c] * y[support[c]];
      y[support[p]] = v / m[p * (k + 1) + p];
      if (y[support[p]] < -kEps) return Partner::kInfeasible;
    }
    for (int i = 0; i < g.m; ++i) {
      double lhs = 0;
      for (int j : support) lhs += g.a_approx[i * g.n + j] * y[j];
      if (lhs > 1 + kEps * (1 + std::abs(lhs))) return Partner::kInfeasible;
    }
    return Partner::kFeasible;
  }
}

// nullopt: stopped. Sets `inconsistent` when a floating result fails its
// exact check. The row player's polytope P is enumerated; for each vertex x
// the partners y lie on the face of Q with the labels x lacks. When x is
// nondegenerate that face is at most one point, found by one linear solve;
// otherwise (or when that system is singular) the vertices of Q are
// enumerated once and scanned.
template <class T>
std::optional<ExtremeEquilibriaReport> run(const StrategicGame& game, const Bimatrix& g,
                                           const ExtremeEquilibriaOptions& options, bool& inconsistent) {
  const auto xs = bimatrix::enumerate_vertices<T>(g, Side::kRow, options.control);
  if (!xs) return std::nullopt;
  ExtremeEquilibriaReport report;
  report.row_polytope_vertices = xs->size();
  report.exact_arithmetic = std::is_same_v<T, Rational>;
  const int all = g.m + g.n;
  std::optional<std::vector<PolytopeVertex>> ys;
  std::map<std::vector<Rational>, int> column_index;
  auto add_column_point = [&](std::vector<Rational> y) {
    const auto [it, fresh] = column_index.emplace(y, static_cast<int>(report.column_points.size()));
    if (fresh) report.column_points.push_back(std::move(y));
    return it->second;
  };
  for (const PolytopeVertex& x : *xs) {
    if (is_origin(x.labels, 0, g.m)) continue;
    if (options.control.should_stop()) return std::nullopt;
    std::vector<int> partner_support, partner_tight;
    for (int i = 0; i < g.m; ++i) {
      if (!x.labels.contains(i)) partner_tight.push_back(i);  // x_i > 0: (A y)_i = 1
    }
    for (int j = 0; j < g.n; ++j) {
      if (x.labels.contains(g.m + j)) partner_support.push_back(j);  // (B^T x)_j = 1: y_j may be positive
    }
    std::vector<std::vector<Rational>> partners;
    const bool square = x.labels.size() == g.m && partner_support.size() == partner_tight.size();
    bool scan = !square;
    if (square) {
      switch (find_partner<T>(g, partner_support, partner_tight)) {
        case Partner::kFeasible: {
          // Rounding may call a boundary point feasible: the exact check decides.
          auto y = checked(g, Side::kColumn, bimatrix::exact_vertex(g, Side::kColumn, partner_support, partner_tight));
          if (y) partners.push_back(std::move(y->first));
          break;
        }
        case Partner::kInfeasible: break;
        case Partner::kSingular: scan = true; break;  // degenerate games: the face may hold several vertices
      }
    }
    if (scan) {
      if (!ys) {
        ys = bimatrix::enumerate_vertices<T>(g, Side::kColumn, options.control);
        if (!ys) return std::nullopt;
        report.column_polytope_vertices = ys->size();
      }
      for (const PolytopeVertex& y : *ys) {
        if (is_origin(y.labels, g.m, g.n) || !x.labels.covers_with(y.labels, all)) continue;
        auto point = checked(g, Side::kColumn, bimatrix::exact_vertex_of_basis(g, Side::kColumn,
                                                                               bimatrix::columns_of(y.basis, all)));
        if (!point || !(point->second == y.labels)) {
          inconsistent = true;
          return report;
        }
        partners.push_back(std::move(point->first));
      }
    }
    if (partners.empty()) continue;
    auto point = checked(g, Side::kRow, bimatrix::exact_vertex_of_basis(g, Side::kRow, bimatrix::columns_of(x.basis, all)));
    if (!point || !(point->second == x.labels)) {
      inconsistent = true;
      return report;
    }
    report.row_points.push_back(std::move(point->first));
    const int a = static_cast<int>(report.row_points.size()) - 1;
    for (auto& y : partners) report.equilibria.emplace_back(a, add_column_point(std::move(y)));
  }
  for (const auto& profile : equilibrium_profiles(report)) {
    if (certify(game, profile).max_regret != 0) {
      inconsistent = true;
      return report;
    }
  }
  return report;
}

void add_cliques(ExtremeEquilibriaReport& report) {
  const int rows = static_cast<int>(report.row_points.size());
  std::vector<std::set<int>> neighbours(rows);
  for (const auto& [a, b] : report.equilibria) neighbours[a].insert(b);
  // Maximal bicliques are the closed sets: intersections of neighbourhoods.
  std::set<std::set<int>> closed;
  for (const auto& n : neighbours) {
    if (!n.empty()) closed.insert(n);
  }
  for (bool grew = true; grew;) {
    grew = false;
    const std::vector<std::set<int>> current(closed.begin(), closed.end());
    for (std::size_t u = 0; u < current.size(); ++u) {
      for (std::size_t v = u + 1; v < current.size(); ++v) {
        std::set<int> both;
        std::set_intersection(current[u].begin(), current[u].end(), current[v].begin(), current[v].end(),
                              std::inserter(both, both.begin()));
        if (!both.empty() && closed.insert(both).second) grew = true;
      }
    }
  }
  for (const auto& ys : closed) {
    EquilibriumClique clique;
    for (int a = 0; a < rows; ++a) {
      if (std::includes(neighbours[a].begin(), neighbours[a].end(), ys.begin(), ys.end())) {
        clique.row_vertices.push_back(a);
      }
    }
    clique.column_vertices.assign(ys.begin(), ys.end());
    report.cliques.push_back(std::move(clique));
  }
  // Components: union-find over row and column points joined by equilibria.
  std::vector<int> parent(rows + report.column_points.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const auto& [a, b] : report.equilibria) parent[find(a)] = find(rows + b);
  std::map<int, std::vector<int>> groups;
  for (int e = 0; e < static_cast<int>(report.equilibria.size()); ++e) {
    groups[find(report.equilibria[e].first)].push_back(e);
  }
  for (auto& [root, members] : groups) report.components.push_back(std::move(members));
}

}  // namespace

ExtremeEquilibriaReport extreme_equilibria(const StrategicGame& game, const ExtremeEquilibriaOptions& options) {
  const Bimatrix g = shifted_positive(bimatrix_of(game));
  // Doubles are exact for the payoffs of most games; when they are not, or
  // when asked, the whole enumeration runs in rationals.
  bool exact = options.arithmetic == Arithmetic::kExact ||
               (options.arithmetic == Arithmetic::kAuto && !game.doubles_are_exact());
  if (g.m + g.n > bimatrix::kMaxLabels) {
    // Label sets are fixed-size bitsets; a game this wide has more vertices
    // than any enumeration reaches anyway.
    throw ResourceLimit("enumerate: the game has " + std::to_string(g.m + g.n) + " strategies in all, above the " +
                        std::to_string(bimatrix::kMaxLabels) + " vertex enumeration handles (lemke-howson, lp and "
                        "simpdiv have no such limit)");
  }
  std::optional<ExtremeEquilibriaReport> report;
  bool rerun = false;
  if (!exact) {
    bool inconsistent = false;
    report = run<double>(game, g, options, inconsistent);
    if (inconsistent) {
      exact = true;
      rerun = true;
    }
  }
  if (exact) {
    bool inconsistent = false;
    report = run<Rational>(game, g, options, inconsistent);
  }
  if (!report) {
    ExtremeEquilibriaReport stopped;
    stopped.status = SolveStatus::kStopped;
    return stopped;
  }
  report->exact_rerun = rerun;
  if (options.cliques) add_cliques(*report);
  return std::move(*report);
}

std::vector<MixedProfile<Rational>> equilibrium_profiles(const ExtremeEquilibriaReport& report) {
  std::vector<MixedProfile<Rational>> out;
  for (const auto& [a, b] : report.equilibria) {
    const auto& x = report.row_points[a];
    const auto& y = report.column_points[b];
    MixedProfile<Rational> p({static_cast<int>(x.size()), static_cast<int>(y.size())});
    std::copy(x.begin(), x.end(), p.player(0).begin());
    std::copy(y.begin(), y.end(), p.player(1).begin());
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace equilibria
