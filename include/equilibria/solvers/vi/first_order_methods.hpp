#pragma once
// First-order methods for monotone inclusions 0 in F(z) + N_Z(z), each run
// until its natural residual ||z - P_Z(z - F(z))|| (a full pass, computable,
// zero exactly at solutions) is at most the tolerance, with the last iterate
// returned (notes/algorithms.md has the papers):
//   pg                  z <- P(z - h F(z)) (forward-backward; converges for
//                       cocoercive F, not for bilinear games)
//   eg                  w = P(z - h F(z)), z <- P(z - h F(w))  (Korpelevich)
//   ogda                w = P(z - h F(w_prev)), z <- P(z - h F(w))  (Popov)
//   halpern             inexact Halpern (below)
//   eag                 EAG (Yoon and Ryu 2021) with projections:
//                       w = P(z + b_k (z0 - z) - h F(z)),
//                       z <- P(z + b_k (z0 - z) - h F(w)), b_k = 1/(k+2)
//   vr-halpern          variance-reduced Halpern (Cai, Alacaoglu and
//                       Diakonikolas 2024), batches of floor(sqrt(n)):
//                       on a cocoercive F their Algorithm 1, one-step
//                       Halpern on a PAGE estimate; otherwise (bilinear
//                       games) the inexact Halpern below with its
//                       resolvent's steps on a loopless-SVRG estimate
//                       (after their Algorithm 2; not its VR-FoRB inner
//                       solver, whose stopping rule is not computable)
// halpern is the inexact Halpern iteration z <- l_j z0 + (1 - l_j) J(z),
// l_j = 1/(j+2), J the resolvent of h(F + N_Z) by fixed-point steps (a
// contraction for h L = 1/2). Anchored methods (halpern, eag, vr-halpern)
// restart their anchor whenever the residual halves. Step sizes come from
// the operator's Lipschitz estimates unless given.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/solvers/vi/monotone_operator.hpp"

namespace equilibria::vi {

enum class FirstOrderMethod { kProjectedGradient, kExtragradient, kOptimistic, kHalpern, kExtraAnchored, kVrHalpern };

// The CLI's names, in FirstOrderMethod's order; throws std::invalid_argument for another.
const std::vector<std::string>& first_order_method_names();
FirstOrderMethod first_order_method_from_name(const std::string& name);

// What a run carries from one iteration to the next, so that a run resumed
// from it continues exactly as an unbroken one would.
struct FirstOrderState {
  std::vector<double> z, anchor, w, fw, g, prev;  // the iterate, Halpern/EAG anchor, and method scratch carried over
  std::int64_t iteration = 0, anchor_age = 0, restarts = 0, component_calls = 0;
  double restart_residual = 0;  // the residual at the last restart
};

struct FirstOrderOptions {
  FirstOrderMethod method = FirstOrderMethod::kExtragradient;
  double tolerance = 1e-6;         // on the natural residual
  double step = 0;                 // 0: from the Lipschitz estimates
  std::int64_t max_iterations = 1'000'000;
  std::uint64_t seed = 1;          // vr-halpern's sampling
  SolveControl control;
  // Called at every residual check (every iteration; every n / (2 sqrt(n))
  // for vr-halpern's Algorithm 1) with the method's component
  // calls so far (residual checks not counted) and the residual.
  std::function<void(std::int64_t iteration, std::int64_t component_calls, double residual)> log;
  // Continue from this state (max_iterations counts its iterations too);
  // throws std::invalid_argument when its sizes are not the operator's.
  const FirstOrderState* resume = nullptr;
  // Called after every iteration with the state, and once more (final =
  // true) when the run ends, however it ends.
  std::function<void(const FirstOrderState& state, bool final)> checkpoint;
};

struct FirstOrderResult {
  SolveStatus status = SolveStatus::kComplete;  // kLimitReached: max_iterations before the tolerance
  std::vector<double> z;                        // the last iterate (in Z)
  double residual = 0;                          // its natural residual
  std::int64_t iterations = 0;
  std::int64_t component_calls = 0;             // by the method, residual checks excluded
  std::int64_t restarts = 0;                    // anchored methods: anchor moved to the iterate
  double step = 0;
};

FirstOrderResult solve_first_order(const MonotoneOperator& op, const FirstOrderOptions& options);

// The step solve_first_order takes: options.step, or the method's default from the Lipschitz estimates.
double first_order_step(const MonotoneOperator& op, const FirstOrderOptions& options);

// ||z - P_Z(z - F(z))|| (one full evaluation).
double natural_residual(const MonotoneOperator& op, const std::vector<double>& z);

}  // namespace equilibria::vi
