#include "equilibria/solvers/sequence_form/sequence_form_lp.hpp"

#include <ClpSimplex.hpp>
#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

#include "../lp/clp_stop.hpp"
#include "equilibria/core/exact_linear_solve.hpp"
#include "equilibria/core/solve_errors.hpp"
#include "equilibria/solvers/sequence_form/sequence_form.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lemke.hpp"

namespace equilibria {
namespace {

// Bases up to this size are solved exactly.
constexpr int kExactBasisLimit = 400;

// Scaled payoffs (largest magnitude in [1, 2)) below this are left out of
// Clp's copy of the LP.
constexpr double kNegligible = 1e-14;

// Trees whose sequence-form LCP has at most this many rows (Kuhn poker: 40).
constexpr int kSmallLcp = 100;

// The power of two that brings the largest payoff magnitude to [1, 2): the
// binary length of its numerator minus that of its denominator.
long payoff_exponent(const SequenceForm& sf) {
  long top = LONG_MIN;
  for (const auto& entries : sf.payoff) {
    for (const auto& e : entries) {
      if (sgn(e.value) == 0) continue;
      top = std::max(top, static_cast<long>(mpz_sizeinbase(e.value.get_num_mpz_t(), 2)) -
                              static_cast<long>(mpz_sizeinbase(e.value.get_den_mpz_t(), 2)));
    }
  }
  return top == LONG_MIN ? 0 : top;
}

// value * 2^-exponent, exactly.
Rational scaled(const Rational& value, long exponent) {
  Rational out;
  if (exponent >= 0) {
    mpq_div_2exp(out.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpq_mul_2exp(out.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(-exponent));
  }
  return out;
}

struct PlayerLp {
  LpOutcome outcome = LpOutcome::kFailed;
  int clp_status = 0;
  std::vector<double> plan;  // the player's realization plan (floating)
  std::optional<std::vector<Rational>> exact_plan;
  double value = 0;  // in scaled payoffs
};

// The LP of player `own`: max q_0 s.t. G x = e, W^T x - H^T q >= 0, x >= 0,
// q free, where W is own's payoff (own sequences x other sequences) times
// 2^-exponent.
PlayerLp solve_player(const SequenceForm& sf, int own, long exponent, const SolveControl& control) {
  const int other = 1 - own;
  const int nx = sf.sequences[own], nq = sf.constraints[other];
  const int rows_g = sf.constraints[own], rows_w = sf.sequences[other];
  const int cols = nx + nq, rows = rows_g + rows_w;
  // Exact entries by column, summed where they repeat (Clp wants them summed too).
  std::vector<std::vector<std::pair<int, Rational>>> column(cols);
  for (const auto& e : sf.constraint_matrix[own]) column[e.col].emplace_back(e.row, e.value);
  for (const auto& e : sf.payoff[own]) {
    const int i = own == 0 ? e.row : e.col, j = own == 0 ? e.col : e.row;
    column[i].emplace_back(rows_g + j, scaled(e.value, exponent));
  }
  for (const auto& e : sf.constraint_matrix[other]) column[nx + e.row].emplace_back(rows_g + e.col, -e.value);
  std::vector<CoinBigIndex> start(cols + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  for (int c = 0; c < cols; ++c) {
    auto& entries = column[c];
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (kept > 0 && entries[kept - 1].first == entries[k].first) {
        entries[kept - 1].second += entries[k].second;
      } else {
        entries[kept++] = std::move(entries[k]);
      }
    }
    entries.resize(kept);
    start[c] = static_cast<CoinBigIndex>(index.size());
    for (const auto& [r, v] : entries) {
      // Entries far below Clp's tolerances only upset its own scaling; the
      // exact basis solve and the exact check still see them.
      const double d = v.get_d();
      if (std::abs(d) < kNegligible) continue;
      index.push_back(r);
      value.push_back(d);
    }
  }
  start[cols] = static_cast<CoinBigIndex>(index.size());
  std::vector<double> col_lower(cols, 0.0), col_upper(cols, COIN_DBL_MAX), objective(cols, 0.0);
  for (int c = nx; c < cols; ++c) col_lower[c] = -COIN_DBL_MAX;
  objective[nx] = -1.0;  // maximise q_0
  std::vector<double> row_lower(rows, 0.0), row_upper(rows, COIN_DBL_MAX);
  row_lower[0] = row_upper[0] = 1.0;
  for (int r = 1; r < rows_g; ++r) row_upper[r] = 0.0;
  PlayerLp out;
  if (control.should_stop()) {
    out.outcome = LpOutcome::kStopped;
    return out;
  }
  ClpSimplex lp;
  lp.setLogLevel(0);
  // Tight tolerances: the value of Leduc is wanted to 12 digits.
  lp.setPrimalTolerance(1e-11);
  lp.setDualTolerance(1e-11);
  const ClpStopHandler stop(control);
  lp.passInEventHandler(&stop);
  lp.loadProblem(cols, rows, start.data(), index.data(), value.data(), col_lower.data(), col_upper.data(),
                 objective.data(), row_lower.data(), row_upper.data());
  lp.primal();
  out.clp_status = lp.status();
  out.outcome = lp_outcome(lp, control);
  // The sequence-form LP is always feasible: a claim otherwise is Clp failing.
  if (out.outcome == LpOutcome::kInfeasible) out.outcome = LpOutcome::kFailed;
  if (out.outcome != LpOutcome::kOptimal) return out;
  const double* solution = lp.getColSolution();
  out.plan.assign(solution, solution + nx);
  out.value = solution[nx];
  std::vector<int> basic, tight_row(rows, -1);
  for (int c = 0; c < cols; ++c) {
    if (lp.getColumnStatus(c) == ClpSimplex::basic) basic.push_back(c);
  }
  int k = 0;
  for (int r = 0; r < rows; ++r) {
    if (lp.getRowStatus(r) != ClpSimplex::basic) tight_row[r] = k++;
  }
  if (k != static_cast<int>(basic.size()) || k > kExactBasisLimit) return out;
  // The basis equations: tight rows over basic columns, right-hand side e.
  std::vector<Rational> system(static_cast<std::size_t>(k) * k), rhs(k);
  for (int b = 0; b < k; ++b) {
    for (const auto& [r, v] : column[basic[b]]) {
      if (tight_row[r] >= 0) system[static_cast<std::size_t>(tight_row[r]) * k + b] = v;
    }
  }
  if (tight_row[0] >= 0) rhs[tight_row[0]] = 1;
  const auto z = solve_exact(system, rhs, k, control);
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
  for (double v : plan) out.push_back(std::isfinite(v) && v > 0 ? Rational(v) : Rational(0));
  return out;
}

// Lemke's algorithm finds an equilibrium, which in a constant-sum game is a
// minimax solution.
SequenceFormLpResult lemke_answer(const GameTree& tree, const SolveControl& control) {
  SequenceFormLemkeResult lemke = solve_sequence_form_lemke(tree, control);
  SequenceFormLpResult result;
  result.status = lemke.status;
  result.behavior = std::move(lemke.behavior);
  result.cert = std::move(lemke.cert);
  result.exact = lemke.exact;
  result.value = result.cert.payoffs[0].get_d();
  result.lemke_fallback = true;
  return result;
}

SequenceFormLpResult after_clp_failure(const GameTree& tree, const SolveControl& control, int clp_status) {
  try {
    return lemke_answer(tree, control);
  } catch (const std::exception& e) {
    throw SolverFailure("lp: Clp failed on the sequence-form LP (status " + std::to_string(clp_status) +
                        ") and so did the Lemke fallback: " + e.what());
  }
}

}  // namespace

SequenceFormLpResult solve_sequence_form_lp(const GameTree& tree, const SolveControl& control) {
  const SequenceForm sf = sequence_form(tree);
  std::optional<Rational> total;
  for (int v = 0; v < tree.num_nodes(); ++v) {
    if (tree.kind(v) != NodeKind::kTerminal) continue;
    const Rational sum = tree.payoff<Rational>(v, 0) + tree.payoff<Rational>(v, 1);
    if (total && *total != sum) throw std::invalid_argument("lp needs a constant-sum game (payoffs summing to a constant)");
    total = sum;
  }
  const long exponent = payoff_exponent(sf);
  const PlayerLp first = solve_player(sf, 0, exponent, control);
  PlayerLp second;
  if (first.outcome == LpOutcome::kOptimal) {
    second = solve_player(sf, 1, exponent, control);
  } else {
    second.outcome = first.outcome;
  }
  if (first.outcome == LpOutcome::kFailed) return after_clp_failure(tree, control, first.clp_status);
  if (second.outcome == LpOutcome::kFailed) return after_clp_failure(tree, control, second.clp_status);
  SequenceFormLpResult result;
  result.value = first.outcome == LpOutcome::kOptimal ? std::ldexp(first.value, static_cast<int>(exponent)) : std::nan("");
  if (second.outcome == LpOutcome::kStopped) {
    // The finished LP's plan (uniform for a player whose LP did not finish).
    result.status = SolveStatus::kStopped;
    const std::vector<Rational> none0(sf.sequences[0], Rational(0)), none1(sf.sequences[1], Rational(0));
    result.behavior = behavior_from_plans(tree, sf, first.outcome == LpOutcome::kOptimal ? rounded(first.plan) : none0, none1);
    result.cert = certify_behavior(tree, result.behavior);
    return result;
  }
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
  // Payoffs too far apart for doubles (1e-300 next to 1) defeat Clp on small
  // trees too; there Lemke's exact re-run is cheap and gives the exact answer.
  if (sf.sequences[0] + sf.sequences[1] + sf.constraints[0] + sf.constraints[1] <= kSmallLcp) {
    SequenceFormLpResult lemke = lemke_answer(tree, control);
    if (lemke.exact) return lemke;
  }
  result.behavior = std::move(approx);
  result.cert = certify_behavior(tree, result.behavior);
  return result;
}

}  // namespace equilibria
