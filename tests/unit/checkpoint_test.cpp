// Checkpoints of the CFR and MCCFR solvers refuse damage and other options
// with one line naming what differs, and leave the solver's state untouched.
#include "equilibria/solvers/cfr/checkpoint.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "equilibria/games/extensive/poker.hpp"
#include "equilibria/solvers/cfr/cfr.hpp"
#include "equilibria/solvers/cfr/mccfr.hpp"

namespace equilibria {
namespace {

template <class Solver>
std::string refusal(Solver& solver, const std::string& bytes) {
  try {
    solver.restore(bytes);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

// The payload's checksum made right again, as a deliberate forger would.
std::string resealed(std::string bytes) {
  const std::uint64_t sum = cfr_detail::fnv1a(bytes.data() + 24, bytes.size() - 24);
  std::memcpy(bytes.data() + 16, &sum, sizeof sum);
  return bytes;
}

TEST(Checkpoint, EveryFlippedByteIsRefusedAndTheStateKept) {
  const auto kuhn = kuhn_poker();
  CfrSolver first(kuhn, {});
  first.run_iterations(30);
  const std::string good = first.snapshot();
  CfrSolver target(kuhn, {});
  target.run_iterations(7);
  const std::string before = target.snapshot();
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    EXPECT_NE(refusal(target, bad), "accepted") << "byte " << i;
  }
  for (std::size_t n : {std::size_t{0}, std::size_t{5}, std::size_t{30}, good.size() - 1}) {
    EXPECT_NE(refusal(target, good.substr(0, n)), "accepted") << n << " bytes";
  }
  EXPECT_NE(refusal(target, good + "x"), "accepted");
  EXPECT_EQ(target.snapshot(), before);
  EXPECT_EQ(refusal(target, good), "accepted");
  EXPECT_EQ(target.iteration(), 30);
}

TEST(Checkpoint, DamagedNumbersAreRefusedEvenWithARightChecksum) {
  const auto kuhn = kuhn_poker();
  CfrSolver solver(kuhn, {});
  solver.run_iterations(10);
  const std::string good = solver.snapshot();
  const double nan = std::numeric_limits<double>::quiet_NaN(), negative = -1;
  std::string with_nan = good, with_negative = good;
  // The last array is the prediction, the one before the strategy sums.
  const std::size_t arrays = 3 * static_cast<std::size_t>(kuhn.num_global_actions()) * sizeof(double);
  const std::size_t sums = good.size() - arrays + arrays / 3;
  std::memcpy(with_nan.data() + good.size() - arrays, &nan, sizeof nan);
  std::memcpy(with_negative.data() + sums, &negative, sizeof negative);
  EXPECT_NE(refusal(solver, with_nan).find("checksum"), std::string::npos);
  EXPECT_NE(refusal(solver, resealed(with_nan)).find("non-finite"), std::string::npos);
  EXPECT_NE(refusal(solver, resealed(with_negative)).find("negative"), std::string::npos);
  std::string forged_iteration = good;
  const std::size_t at = forged_iteration.find("iteration=10\n");
  ASSERT_NE(at, std::string::npos);
  forged_iteration.replace(at, 13, "iteration=-1\n");
  EXPECT_NE(refusal(solver, resealed(forged_iteration)).find("damaged"), std::string::npos);
  EXPECT_EQ(solver.snapshot(), good);
}

TEST(Checkpoint, OtherOptionsAreNamed) {
  const auto kuhn = kuhn_poker();
  CfrOptions dcfr;
  dcfr.variant = CfrVariant::kDiscounted;
  CfrSolver taken(kuhn, dcfr);
  taken.run_iterations(5);
  CfrOptions other = dcfr;
  other.alpha = 2;
  other.alternating = false;
  CfrSolver differs(kuhn, other);
  EXPECT_EQ(refusal(differs, taken.snapshot()),
            "the checkpoint was taken with updates alternating, --alpha 1.5; this run has updates simultaneous, --alpha 2");
  CfrSolver plus(kuhn, {});
  EXPECT_EQ(refusal(plus, taken.snapshot()), "the checkpoint was taken with method dcfr; this run has method cfr+");
  CfrSolver leduc(leduc_poker(), dcfr);
  EXPECT_EQ(refusal(leduc, taken.snapshot()), "the checkpoint was taken on a different game");

  MccfrOptions os;
  os.sampling = MccfrSampling::kOutcome;
  MccfrSolver sampled(kuhn, os);
  sampled.run_iterations(100);
  MccfrOptions reseeded = os;
  reseeded.seed = 9;
  reseeded.epsilon = 0.5;
  MccfrSolver again(kuhn, reseeded);
  EXPECT_EQ(refusal(again, sampled.snapshot()),
            "the checkpoint was taken with --epsilon 0.6, --seed 1; this run has --epsilon 0.5, --seed 9");
  EXPECT_EQ(refusal(again, taken.snapshot()), "the checkpoint was taken with method dcfr; this run has method mccfr-os");
  EXPECT_EQ(again.iteration(), 0);
}

TEST(Checkpoint, NumbersAreWrittenToReadBackExactly) {
  for (double x : {1.5, 0.1, 1.0 / 3, 3e-308, -0.0, 1e300}) {
    const std::string text = cfr_detail::checkpoint_number(x);
    EXPECT_EQ(std::stod(text), x) << text;
  }
  EXPECT_EQ(cfr_detail::checkpoint_number(2), "2");
  // FNV-1a's published test vectors.
  EXPECT_EQ(cfr_detail::fnv1a("", 0), 0xcbf29ce484222325ull);
  EXPECT_EQ(cfr_detail::fnv1a("a", 1), 0xaf63dc4c8601ec8cull);
}

}  // namespace
}  // namespace equilibria
