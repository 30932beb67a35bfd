// Checkpoint readers (--resume): CfrSolver::restore for every variant and
// MccfrSolver::restore for both samplings, on Kuhn poker. restore() refuses
// with std::invalid_argument, which the CLI turns into an InputError; a
// checkpoint it accepts must run on and give a finite average policy. Each
// input is tried as it is and with its length and checksum made right, so
// that mutations reach the fields and arrays behind the checksum.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/solvers/cfr/cfr.hpp"
#include "equilibria/solvers/cfr/checkpoint.hpp"
#include "equilibria/solvers/cfr/mccfr.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

template <class Solver>
void check_restore(Solver& solver, const std::string& bytes) {
  const bool restored = accepts([&] {
    try {
      solver.restore(bytes);
    } catch (const std::invalid_argument& e) {
      throw InputError("fuzz.ckpt", 0, e.what());  // as the CLI does
    }
  });
  if (!restored) return;
  // The CLI runs on up to --iterations, an int64 like the counter.
  solver.run_iterations(std::min<std::int64_t>(2, INT64_MAX - solver.iteration()));
  for (double x : solver.average_policy()) {
    if (!std::isfinite(x) || x < 0 || x > 1) finding("a restored checkpoint gives an average policy entry " + std::to_string(x));
  }
}

// The input with its header's payload length and checksum set to match.
std::string with_valid_checksum(std::string bytes) {
  constexpr std::size_t kPrefix = 24;  // magic, length, checksum
  if (bytes.size() < kPrefix) return bytes;
  const std::uint64_t length = bytes.size() - kPrefix;
  const std::uint64_t hash = cfr_detail::fnv1a(bytes.data() + kPrefix, length);
  std::memcpy(bytes.data() + 8, &length, sizeof length);
  std::memcpy(bytes.data() + 16, &hash, sizeof hash);
  return bytes;
}

template <class Solver, class Options>
void check_both(const GameTree& tree, const Options& options, const std::string& raw, const std::string& fixed) {
  for (const std::string* bytes : {&raw, &fixed}) {
    Solver solver(tree, options);
    check_restore(solver, *bytes);
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  static const GameTree kuhn = builtin_game("kuhn");
  const std::string raw(fuzz::as_text(data, size)), fixed = fuzz::with_valid_checksum(raw);
  for (CfrVariant v : {CfrVariant::kVanilla, CfrVariant::kPlus, CfrVariant::kLinear, CfrVariant::kDiscounted,
                       CfrVariant::kPredictivePlus}) {
    CfrOptions options;
    options.variant = v;
    fuzz::check_both<CfrSolver>(kuhn, options, raw, fixed);
  }
  for (MccfrSampling s : {MccfrSampling::kExternal, MccfrSampling::kOutcome}) {
    MccfrOptions options;
    options.sampling = s;
    fuzz::check_both<MccfrSolver>(kuhn, options, raw, fixed);
  }
  return 0;
}
