#include "equilibria/solvers/sequence_form/sequence_form_lemke.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "../bimatrix/pivot_tableau.hpp"
#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/solvers/sequence_form/sequence_form.hpp"

namespace equilibria {
namespace {

using bimatrix::PivotTableau;

// The LCP  w = q + M z >= 0, z >= 0, z^T w = 0  with z = (x, y, p, q),
//   w_x = -A y - E^T p,  w_y = -B^T x - F^T q,  w_p = E x - e,  w_q = F y - f:
// the optimality conditions of each player's best response, min x^T (-A y)
// s.t. E x >= e, x >= 0, whose costs are positive once the payoffs are
// shifted below zero, so that E x = e holds at the optimum. The shift
// changes no equilibrium: every pair of plans reaches the leaves with total
// probability one.
// M is sparse (payoff and constraint entries only): kept by rows, each
// row's entries sorted by column, so a big tree's LCP costs memory in its
// nonzeros rather than size^2 rationals.
struct LcpEntry {
  int col;
  Rational value;
};

struct Lcp {
  int n1, n2, m1, m2, size;
  std::vector<std::vector<LcpEntry>> rows;
  std::vector<Rational> q;
  int x0() const { return 0; }
  int y0() const { return n1; }
};

Lcp build_lcp(const SequenceForm& sf, const GameTree& tree) {
  Lcp l;
  l.n1 = sf.sequences[0];
  l.n2 = sf.sequences[1];
  l.m1 = sf.constraints[0];
  l.m2 = sf.constraints[1];
  l.size = l.n1 + l.n2 + l.m1 + l.m2;
  l.q.assign(l.size, Rational(0));
  struct Triplet {
    int row, col;
    Rational value;
  };
  std::vector<Triplet> entries;
  // Shift: payoffs minus (max + 1), so every leaf pays less than zero.
  Rational top(0);
  bool any = false;
  for (int v = 0; v < tree.num_nodes(); ++v) {
    if (tree.kind(v) != NodeKind::kTerminal) continue;
    for (int p = 0; p < 2; ++p) {
      if (!any || tree.payoff<Rational>(v, p) > top) top = tree.payoff<Rational>(v, p);
      any = true;
    }
  }
  const Rational shift = top + 1;
  auto add = [&](int r, int c, const Rational& v) { entries.push_back({r, c, v}); };
  const int p0 = l.n1 + l.n2, q0 = p0 + l.m1;
  for (const auto& e : sf.payoff[0]) add(e.row, l.y0() + e.col, -e.value);          // -A y
  for (const auto& e : sf.payoff[1]) add(l.y0() + e.col, e.row, -e.value);          // -B^T x
  // The shift adds -shift times each leaf's chance reach at its sequence pair.
  for (const auto& leaf : leaf_sequences(tree, sf)) {
    add(leaf.sequence[0], l.y0() + leaf.sequence[1], shift * leaf.chance);
    add(l.y0() + leaf.sequence[1], leaf.sequence[0], shift * leaf.chance);
  }
  for (const auto& e : sf.constraint_matrix[0]) {  // E: rows = constraints, cols = sequences
    add(e.col, p0 + e.row, -e.value);
    add(p0 + e.row, e.col, e.value);
  }
  for (const auto& e : sf.constraint_matrix[1]) {
    add(l.y0() + e.col, q0 + e.row, -e.value);
    add(q0 + e.row, l.y0() + e.col, e.value);
  }
  l.q[p0] = -1;  // e and f are 1 on the empty sequence's row
  l.q[q0] = -1;
  std::sort(entries.begin(), entries.end(),
            [](const Triplet& a, const Triplet& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  l.rows.resize(l.size);
  for (auto& e : entries) {  // one entry per position, summed
    auto& row = l.rows[e.row];
    if (!row.empty() && row.back().col == e.col) {
      row.back().value += e.value;
    } else {
      row.push_back({e.col, std::move(e.value)});
    }
  }
  return l;
}

struct LemkeOutcome {
  std::vector<int> basis;   // tableau columns: w_i = i, z_i = size + i, z0 = 2 size
  std::vector<double> z;    // floating values of z (doubles path)
  long pivots = 0;
  bool solved = false;
  bool stopped = false;
};

// Tableau  w - M z - d z0 = q  with d = 1; w starts basic.
template <class T>
LemkeOutcome run_lemke(const Lcp& l, const SolveControl& control) {
  const int n = l.size, cols = 2 * n + 1;
  double scale = 1;
  if constexpr (std::is_same_v<T, double>) {
    scale = 0;
    for (const auto& row : l.rows) {
      for (const auto& e : row) scale = std::max(scale, std::abs(e.value.get_d()));
    }
    if (scale == 0) scale = 1;
  }
  std::vector<T> t(static_cast<std::size_t>(n) * cols, T(0)), rhs(n);
  for (int r = 0; r < n; ++r) {
    if ((r & 63) == 0 && control.should_stop()) {
      LemkeOutcome stopped;
      stopped.stopped = true;
      return stopped;
    }
    t[static_cast<std::size_t>(r) * cols + r] = T(1);
    for (const auto& e : l.rows[r]) {
      if (e.value == 0) continue;
      if constexpr (std::is_same_v<T, double>) {
        t[static_cast<std::size_t>(r) * cols + n + e.col] = -e.value.get_d() / scale;
      } else {
        t[static_cast<std::size_t>(r) * cols + n + e.col] = -e.value;
      }
    }
    t[static_cast<std::size_t>(r) * cols + 2 * n] = T(-1);
    if constexpr (std::is_same_v<T, double>) {
      rhs[r] = l.q[r].get_d() / scale;
    } else {
      rhs[r] = l.q[r];
    }
  }
  PivotTableau<T> tab(n, cols, 0, std::move(t), std::move(rhs));
  LemkeOutcome out;
  const int z0 = 2 * n;
  int row = tab.most_infeasible_row(z0);
  if (row < 0) return out;  // q >= 0 cannot happen here: E x = e is violated at x = 0
  int leaving = tab.basic(row);
  tab.pivot(row, z0);
  ++out.pivots;
  const long max_pivots = std::is_same_v<T, double> ? 50L * n * n + 1000 : -1;
  while (true) {
    const int entering = leaving < n ? leaving + n : leaving - n;  // the complement
    row = tab.leaving_row(entering);
    if (row < 0) return out;  // ray: Lemke failed
    leaving = tab.basic(row);
    tab.pivot(row, entering);
    ++out.pivots;
    if (leaving == z0) break;
    if (control.should_stop()) {
      out.stopped = true;
      return out;
    }
    if (max_pivots > 0 && out.pivots > max_pivots) return out;
  }
  out.solved = true;
  out.basis = tab.basis();
  out.z.assign(n, 0.0);
  for (int r = 0; r < n; ++r) {
    const int c = tab.basic(r);
    if (c >= n && c < 2 * n) {
      if constexpr (std::is_same_v<T, double>) {
        out.z[c - n] = tab.rhs(r) * scale;  // values of z scale back with q
      } else {
        out.z[c - n] = tab.rhs(r).get_d();
      }
    }
  }
  return out;
}

// The exact z of a final basis: rows whose w is nonbasic (w = 0) give
// -M_{R,S} z_S = q_R over the basic z's S.
std::optional<std::vector<Rational>> exact_z(const Lcp& l, const std::vector<int>& basis) {
  const int n = l.size;
  std::vector<char> w_basic(n, 0);
  std::vector<int> support;
  for (int c : basis) {
    if (c < n) w_basic[c] = 1;
    else if (c < 2 * n) support.push_back(c - n);
  }
  std::vector<int> rows;
  for (int r = 0; r < n; ++r) {
    if (!w_basic[r]) rows.push_back(r);
  }
  const int k = static_cast<int>(support.size());
  if (k != static_cast<int>(rows.size())) return std::nullopt;
  std::vector<int> position(n, -1);  // column of M -> index in the support
  for (int j = 0; j < k; ++j) position[support[j]] = j;
  std::vector<Rational> a(static_cast<std::size_t>(k) * k), b(k);
  for (int i = 0; i < k; ++i) {
    for (const auto& e : l.rows[rows[i]]) {
      if (position[e.col] >= 0) a[static_cast<std::size_t>(i) * k + position[e.col]] = -e.value;
    }
    b[i] = l.q[rows[i]];
  }
  const auto s = solve_exact(a, b, k);
  if (!s) return std::nullopt;
  std::vector<Rational> z(n, Rational(0));
  for (int j = 0; j < k; ++j) z[support[j]] = (*s)[j];
  return z;
}

}  // namespace

SequenceFormLemkeResult solve_sequence_form_lemke(const GameTree& tree, const SolveControl& control) {
  const SequenceForm sf = sequence_form(tree);
  const Lcp lcp = build_lcp(sf, tree);
  SequenceFormLemkeResult result;
  auto plans = [&](const std::vector<Rational>& z) {
    return behavior_from_plans(tree, sf, std::vector<Rational>(z.begin(), z.begin() + lcp.n1),
                               std::vector<Rational>(z.begin() + lcp.n1, z.begin() + lcp.n1 + lcp.n2));
  };
  auto accept = [&](Behavior<Rational> b) { return keep_if_exact_equilibrium(tree, std::move(b), result); };
  // Stopped early: the uniform profile stands in, with its certificate.
  auto stopped = [&] {
    result.status = SolveStatus::kStopped;
    result.behavior = uniform_behavior<Rational>(tree);
    result.cert = certify_behavior(tree, result.behavior);
    return result;
  };
  const LemkeOutcome fast = run_lemke<double>(lcp, control);
  result.pivots = fast.pivots;
  if (fast.stopped) return stopped();
  if (fast.solved) {
    std::vector<Rational> rounded(lcp.size);
    for (int i = 0; i < lcp.size; ++i) rounded[i] = simple_fraction(fast.z[i]);
    if (accept(plans(rounded))) return result;
    if (const auto z = exact_z(lcp, fast.basis); z && accept(plans(*z))) return result;
  }
  result.exact_rerun = true;
  const LemkeOutcome slow = run_lemke<Rational>(lcp, control);
  result.pivots += slow.pivots;
  if (slow.stopped) return stopped();
  if (slow.solved) {
    if (const auto z = exact_z(lcp, slow.basis); z && accept(plans(*z))) return result;
  }
  // Lemke's path ended on a ray (or the answer did not verify): report the
  // floating answer with its certified exploitability.
  std::vector<Rational> approx(lcp.size);
  for (int i = 0; i < lcp.size; ++i) {
    const bool usable = !fast.z.empty() && std::isfinite(fast.z[i]) && fast.z[i] > 0;
    approx[i] = usable ? Rational(fast.z[i]) : Rational(0);
  }
  result.behavior = plans(approx);
  result.cert = certify_behavior(tree, result.behavior);
  return result;
}

}  // namespace equilibria
