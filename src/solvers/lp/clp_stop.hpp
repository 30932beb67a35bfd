#pragma once
// Stopping Clp on a SolveControl, and reading why Clp returned. Clp's own
// setMaximumSeconds counts CPU seconds and is checked rarely, so a wall-clock
// limit (or a cancel flag) is polled here after every simplex iteration.
#include <ClpEventHandler.hpp>
#include <ClpSimplex.hpp>

#include "equilibria/core/solve_control.hpp"

namespace equilibria {

class ClpStopHandler : public ClpEventHandler {
 public:
  explicit ClpStopHandler(const SolveControl& control) : control_(&control) {}
  int event(Event which) override { return which == endOfIteration && control_->should_stop() ? 0 : -1; }
  ClpEventHandler* clone() const override { return new ClpStopHandler(*this); }

 private:
  const SolveControl* control_;
};

enum class LpOutcome { kOptimal, kInfeasible, kStopped, kFailed };

// A return that is neither proven optimal nor proven infeasible is a stop only
// when the control says so; anything else (numerical trouble, an unbounded
// ray, overflowing data) is a failure, never reported as the time limit.
inline LpOutcome lp_outcome(const ClpSimplex& clp, const SolveControl& control) {
  if (clp.isProvenOptimal()) return LpOutcome::kOptimal;
  if (clp.isProvenPrimalInfeasible()) return LpOutcome::kInfeasible;
  return control.should_stop() ? LpOutcome::kStopped : LpOutcome::kFailed;
}

}  // namespace equilibria
