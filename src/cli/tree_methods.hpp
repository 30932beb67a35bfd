#pragma once
// Solution methods for game trees, by name: the CFR family, with logging,
// progress, checkpoints and exact certificates.
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria::cli {

struct TreeMethodOptions {
  std::int64_t iterations = 1000;  // total, counting those of a resumed checkpoint
  SolveControl control;            // the command's --time-limit, counted from its start
  bool simultaneous = false;
  double alpha = 1.5, beta = 0.0, gamma = 2.0;
  double epsilon = 0.6;            // mccfr-os exploration
  std::uint64_t seed = 1;          // mccfr
  std::string log_path;            // CSV: iteration, seconds, exploitability
  std::int64_t log_every = 0;      // 0: 1-2-5 steps per decade
  std::string checkpoint_path;     // written when the run ends or stops (SIGINT, SIGTERM, time limit)
  double checkpoint_every = 0;     // seconds; > 0: also written this often while running
  std::string resume_path;
};

struct TreeMethodResult {
  // CFR: the average policy made exact (each set's vector divided by its sum);
  // lp: the LP's answer, exact when `exact`.
  Behavior<Rational> behavior;
  TreeCertificate<Rational> cert;     // exact, of that behaviour
  SolveStatus status = SolveStatus::kComplete;
  int stop_signal = 0;                // SIGINT or SIGTERM when one stopped the run
  std::int64_t iterations = 0;
  double seconds = 0;                 // solver time, logging excluded
  bool exact = false;                 // behaviour exact with zero exact exploitability
  std::vector<std::pair<std::string, double>> stats;
};

const std::vector<std::string>& tree_method_names();

TreeMethodResult run_tree_method(const std::string& name, const GameTree& tree, const TreeMethodOptions& options,
                                 const std::string& game_name);

}  // namespace equilibria::cli
