#include "equilibria/solvers/sequence_form/sequence_form_lp.hpp"

#include <ClpSimplex.hpp>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/solvers/sequence_form/sequence_form.hpp"

namespace equilibria {
namespace {

// Bases up to this size are solved exactly as dense systems.
constexpr int kDenseExactLimit = 400;

struct PlayerLp {
  std::vector<double> plan;                 // the player's realization plan (floating)
  std::optional<std::vector<Rational>> exact_plan;
  double value = 0;
};

// The LP of player `own`: max q_0 s.t. G x = e, W^T x - H^T q >= 0, x >= 0,
// q free, where W is own's payoff (own sequences x other sequences).
PlayerLp solve_player(const SequenceForm& sf, int own) {
  const int other = 1 - own;
  const int nx = sf.sequences[own], nq = sf.constraints[other];
  const int rows_g = sf.constraints[own], rows_w = sf.sequences[other];
  const int cols = nx + nq, rows = rows_g + rows_w;
  // Dense exact matrix kept only while small enough for the exact solve.
  const bool dense = rows <= 4 * kDenseExactLimit && cols <= 4 * kDenseExactLimit;
  std::vector<Rational> m;
  if (dense) m.assign(static_cast<std::size_t>(rows) * cols, Rational(0));
  std::vector<std::vector<std::pair<int, double>>> column(cols);  // (row, value)
  auto add = [&](int r, int c, const Rational& v) {
    column[c].emplace_back(r, v.get_d());
    if (dense) m[static_cast<std::size_t>(r) * cols + c] += v;
  };
  for (const auto& e : sf.constraint_matrix[own]) add(e.row, e.col, e.value);
  for (const auto& e : sf.payoff[own]) {
    const int i = own == 0 ? e.row : e.col, j = own == 0 ? e.col : e.row;
    add(rows_g + j, i, e.value);
  }
  for (const auto& e : sf.constraint_matrix[other]) add(rows_g + e.col, nx + e.row, -e.value);
  std::vector<CoinBigIndex> start(cols + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  for (int c = 0; c < cols; ++c) {
    start[c] = static_cast<CoinBigIndex>(index.size());
    // Entries may repeat (the dense matrix sums them); Clp wants them summed too.
    std::map<int, double> merged;
    for (const auto& [r, v] : column[c]) merged[r] += v;
    for (const auto& [r, v] : merged) {
      index.push_back(r);
      value.push_back(v);
    }
  }
  start[cols] = static_cast<CoinBigIndex>(index.size());
  std::vector<double> col_lower(cols, 0.0), col_upper(cols, COIN_DBL_MAX), objective(cols, 0.0);
  for (int c = nx; c < cols; ++c) col_lower[c] = -COIN_DBL_MAX;
  objective[nx] = -1.0;  // maximise q_0
  std::vector<double> row_lower(rows, 0.0), row_upper(rows, COIN_DBL_MAX);
  row_lower[0] = row_upper[0] = 1.0;
  for (int r = 1; r < rows_g; ++r) row_upper[r] = 0.0;
  ClpSimplex lp;
  lp.setLogLevel(0);
  // Tight tolerances: the value of Leduc is wanted to 12 digits.
  lp.setPrimalTolerance(1e-11);
  lp.setDualTolerance(1e-11);
  lp.loadProblem(cols, rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                 objective.data(), row_lower.data(), row_upper.data());
  lp.primal();
  if (!lp.isProvenOptimal()) throw std::runtime_error("the sequence-form LP was not solved to optimality");
  PlayerLp out;
  const double* solution = lp.getColSolution();
  out.plan.assign(solution, solution + nx);
  out.value = solution[nx];
  if (!dense) return out;
  std::vector<int> basic, tight;
  for (int c = 0; c < cols; ++c) {
    if (lp.getColumnStatus(c) == ClpSimplex::basic) basic.push_back(c);
  }
  for (int r = 0; r < rows; ++r) {
    if (lp.getRowStatus(r) != ClpSimplex::basic) tight.push_back(r);
  }
  const int k = static_cast<int>(basic.size());
  if (k != static_cast<int>(tight.size()) || k > kDenseExactLimit) return out;
  std::vector<Rational> system(static_cast<std::size_t>(k) * k), rhs(k);
  for (int a = 0; a < k; ++a) {
    for (int b = 0; b < k; ++b) system[a * k + b] = m[static_cast<std::size_t>(tight[a]) * cols + basic[b]];
    rhs[a] = tight[a] == 0 ? 1 : 0;
  }
  const auto z = solve_exact(system, rhs, k);
  if (!z) return out;
  std::vector<Rational> plan(nx, Rational(0));
  for (int b = 0; b < k; ++b) {
    if (basic[b] < nx) plan[basic[b]] = (*z)[b];
  }
  out.exact_plan = std::move(plan);
  return out;
}

std::vector<Rational> rounded(const std::vector<double>& plan) {
  std::vector<Rational> out;
  for (double v : plan) out.push_back(v > 0 ? Rational(v) : Rational(0));
  return out;
}

}  // namespace

SequenceFormLpResult solve_sequence_form_lp(const GameTree& tree) {
  const SequenceForm sf = sequence_form(tree);
  std::optional<Rational> total;
  for (int v = 0; v < tree.num_nodes(); ++v) {
    if (tree.kind(v) != NodeKind::kTerminal) continue;
    const Rational sum = tree.payoff<Rational>(v, 0) + tree.payoff<Rational>(v, 1);
    if (total && *total != sum) throw std::invalid_argument("lp needs a constant-sum game (payoffs summing to a constant)");
    total = sum;
  }
  const PlayerLp first = solve_player(sf, 0), second = solve_player(sf, 1);
  SequenceFormLpResult result;
  result.value = first.value;
  auto accept = [&](Behavior<Rational> b) { return keep_if_exact_equilibrium(tree, std::move(b), result); };
  if (first.exact_plan && second.exact_plan &&
      accept(behavior_from_plans(tree, sf, *first.exact_plan, *second.exact_plan))) {
    return result;
  }
  // Round each behaviour probability to a simple fraction and check.
  Behavior<Rational> approx = behavior_from_plans(tree, sf, rounded(first.plan), rounded(second.plan));
  Behavior<Rational> simple(approx.size());
  for (int i = 0; i < tree.num_infosets(); ++i) {
    const int b = tree.action_begin(i), k = tree.num_actions(i);
    Rational sum(0);
    for (int a = b; a < b + k; ++a) sum += simple[a] = simple_fraction(approx[a].get_d());
    for (int a = b; a < b + k; ++a) simple[a] = sum > 0 ? Rational(simple[a] / sum) : Rational(1, k);
  }
  if (accept(std::move(simple))) return result;
  result.behavior = std::move(approx);
  result.cert = certify_behavior(tree, result.behavior);
  return result;
}

}  // namespace equilibria
