#pragma once
// Sparse coarse correlated equilibria: a mixture of at most k product
// profiles. No-regret dynamics propose product profiles (their iterates); an
// LP (Clp) weights them to minimise the largest deviation gain, the k
// heaviest are kept and re-weighted, and the mixture's gap is certified
// exactly.
#include <vector>

#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/solvers/no_regret/no_regret_dynamics.hpp"

namespace equilibria {

struct SparseCceOptions {
  NoRegretOptions dynamics;  // the learner proposing candidates
  int support = 4;           // at most this many product profiles
};

struct SparseCceResult {
  std::vector<double> weights;
  std::vector<MixedProfile<double>> components;
  CorrelatedCertificate<Rational> cert;  // exact, of the mixture (as a joint distribution)
  std::int64_t candidates = 0;
  SolveStatus status = SolveStatus::kComplete;  // stopped: the dynamics ran out of time
};

SparseCceResult sparse_cce(const StrategicGame& game, const SparseCceOptions& options);

}  // namespace equilibria
