#pragma once
// The solution methods the CLI offers, by name: one dispatch point shared by
// `solve` and `bench`.
#include <functional>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/solvers/enumerate/extreme_equilibria.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria::cli {

struct MethodOptions {
  SolveControl control;     // the command's --time-limit, counted from its start
  std::int64_t limit = 0;   // equilibria, 0 = all
  int label = 0;            // Lemke-Howson: 1-based label to drop, 0 = every label
  bool exact_pivoting = false;
  int threads = 0;          // 0 = one per hardware thread
  Arithmetic arithmetic = Arithmetic::kAuto;  // enumerate
  bool cliques = false;                       // enumerate: maximal cliques and components
  double lambda = 0;                          // logit: report the QRE at this lambda instead of Nash
  int starts = 1;                             // simpdiv: start points (the centroid, then random ones)
  std::uint64_t seed = 1;                     // simpdiv: random start points; vr-halpern: sampling
  // First-order methods (eg, ogda, halpern, eag, vr-halpern, pg):
  double tolerance = 0;           // natural residual to reach (0: 1e-6 times the payoff range)
  std::int64_t iterations = 0;    // at most (0: the method's cap)
  std::function<void(std::int64_t iteration, std::int64_t component_calls, double residual)> log;
  std::string checkpoint_path;    // written when the run ends (also at the time limit)
  double checkpoint_every = 0;    // seconds; > 0: also written this often while running
  std::string resume_path;        // continue from this checkpoint
};

struct CertifiedEquilibrium {
  MixedProfile<Rational> profile;
  Certificate<Rational> cert;
};

struct MethodResult {
  std::vector<CertifiedEquilibrium> equilibria;
  SolveStatus status = SolveStatus::kComplete;
  bool exact = true;
  std::vector<std::pair<std::string, double>> stats;  // method-specific counts (pivots, ...)
  std::string concept_name = "nash";                   // logit --lambda: "logit-qre"
  // enumerate --cliques: maximal convex sets conv(rows) x conv(columns) of
  // equilibria, and connected components as indices into `equilibria`.
  struct Clique {
    std::vector<std::vector<Rational>> rows, columns;
  };
  std::vector<Clique> cliques;
  std::vector<std::vector<int>> components;
};

const std::vector<std::string>& method_names();

// The last check before any strategic answer is printed: a profile that is
// not exactly a distribution is normalised and re-certified by `recertify`,
// and the answer is exact exactly when every profile is a distribution with
// zero regret: a solver's own claim is never taken on trust.
void settle_exactness(MethodResult& result,
                      const std::function<Certificate<Rational>(const MixedProfile<Rational>&)>& recertify);

// Runs the named method; throws InputError when it does not apply to the game.
MethodResult run_method(const std::string& name, const StrategicGame& game, const MethodOptions& options,
                        const std::string& file);

}  // namespace equilibria::cli
