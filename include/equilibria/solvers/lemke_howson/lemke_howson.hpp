#pragma once
// Lemke-Howson for two-player games: complementary pivoting from the
// artificial equilibrium, dropping one label. Pivots run in doubles with the
// lexicographic rule (no cycling on degenerate games); the final basis is
// solved exactly and the equilibrium verified with zero exact regret. A path
// whose floating answer fails that check is re-run in exact rationals.
#include <cstdint>
#include <functional>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

struct LemkeHowsonOptions {
  SolveControl control;
  int label = -1;           // 0-based label to drop (strategies of player 1, then 2); -1: every label
  std::int64_t limit = 0;   // stop after this many distinct equilibria; 0: no limit
  int threads = 0;          // 0: one per hardware thread
  bool exact_pivoting = false;  // pivot in rationals from the start
};

struct LemkeHowsonEquilibrium {
  MixedProfile<Rational> profile;  // exact, verified: zero regret
  int label = 0;                   // first label whose path reached it
  std::int64_t pivots = 0;         // pivots on that path
};

struct LemkeHowsonReport {
  SolveStatus status = SolveStatus::kComplete;
  std::int64_t pivots = 0;       // over all paths
  std::int64_t exact_pivots = 0; // of those, pivots in rationals (--exact-pivoting, or reruns)
  int paths = 0;
  int threads = 1;               // paths run side by side
  int exact_reruns = 0;          // paths whose floating answer failed verification
};

// Throws std::invalid_argument unless the game has two players. Distinct
// equilibria are reported once each, in order of the label that found them.
LemkeHowsonReport lemke_howson(const StrategicGame& game, const LemkeHowsonOptions& options,
                               const std::function<void(const LemkeHowsonEquilibrium&)>& found);

}  // namespace equilibria
