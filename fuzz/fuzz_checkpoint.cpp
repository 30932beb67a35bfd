// Checkpoint readers (--resume): CfrSolver::restore for every variant and
// MccfrSolver::restore for both samplings, on Kuhn poker. restore() refuses
// with std::invalid_argument (the CLI makes it an InputError); a checkpoint
// it accepts must run on and give a finite average policy.
#include <cmath>
#include <stdexcept>

#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/solvers/cfr/cfr.hpp"
#include "equilibria/solvers/cfr/mccfr.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

template <class Solver>
void check_restore(Solver& solver, const std::string& bytes) {
  try {
    solver.restore(bytes);
  } catch (const std::invalid_argument& e) {
    check_message(e.what());
    return;
  } catch (const std::exception& e) {
    finding(std::string("restore threw something other than invalid_argument: ") + e.what());
  }
  solver.run_iterations(2);
  for (double x : solver.average_policy()) {
    if (!std::isfinite(x) || x < 0 || x > 1) finding("a restored checkpoint gives an average policy entry " + std::to_string(x));
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  static const GameTree kuhn = builtin_game("kuhn");
  const std::string bytes(fuzz::as_text(data, size));
  for (CfrVariant v : {CfrVariant::kVanilla, CfrVariant::kPlus, CfrVariant::kLinear, CfrVariant::kDiscounted,
                       CfrVariant::kPredictivePlus}) {
    CfrOptions options;
    options.variant = v;
    CfrSolver solver(kuhn, options);
    fuzz::check_restore(solver, bytes);
  }
  for (MccfrSampling s : {MccfrSampling::kExternal, MccfrSampling::kOutcome}) {
    MccfrOptions options;
    options.sampling = s;
    MccfrSolver solver(kuhn, options);
    fuzz::check_restore(solver, bytes);
  }
  return 0;
}
