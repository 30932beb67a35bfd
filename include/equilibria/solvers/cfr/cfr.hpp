#pragma once
// Counterfactual regret minimisation on a flat game tree: CFR, CFR+, linear
// CFR, discounted CFR (alpha, beta, gamma) and predictive CFR+. Regrets,
// strategy sums and the current strategy are flat arrays indexed by global
// action; one iteration is a recursive sweep over preorder node numbers with
// no allocation. The whole state can be saved and restored exactly, so a
// resumed run matches an unbroken one bit for bit.
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/solvers/cfr/checkpoint.hpp"
#include "equilibria/solvers/cfr/packed_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

enum class CfrVariant { kVanilla, kPlus, kLinear, kDiscounted, kPredictivePlus };

struct CfrOptions {
  CfrVariant variant = CfrVariant::kPlus;
  // Alternating: each player's regrets are updated in turn against the
  // others' newest strategy (OpenSpiel's choice); else all at once.
  bool alternating = true;
  double alpha = 1.5, beta = 0.0, gamma = 2.0;  // discounted CFR
};

// Parses "cfr", "cfr+", "linear-cfr", "dcfr", "pcfr+"; throws std::invalid_argument.
CfrVariant cfr_variant(const std::string& name);
const char* to_string(CfrVariant v);

class CfrSolver {
 public:
  // Throws std::invalid_argument when the game lacks perfect recall.
  CfrSolver(const GameTree& tree, CfrOptions options);

  void run_iterations(std::int64_t count);
  std::int64_t iteration() const { return iteration_; }

  Behavior<double> average_policy() const;
  Behavior<double> current_policy() const;

  // The whole state with every option and the game's fingerprint, in the
  // checkpoint format (checkpoint.hpp); restore() refuses (std::invalid_argument,
  // state untouched) a damaged one or one taken on another game or with
  // other options.
  std::string snapshot() const;
  void restore(const std::string& bytes);

 private:
  std::vector<cfr_detail::CheckpointField> checkpoint_options() const;
  double traverse(int node, int player, double other_reach, int depth);
  void accumulate_average(int player);
  void traverse_all(int node, const double* reach, double* values, int depth);
  void update_strategy(int player);
  void finish_player(int player);

  const GameTree& tree_;
  CfrOptions options_;
  std::int64_t iteration_ = 0;
  double average_weight_ = 1;
  std::vector<double> regret_, strategy_sum_, current_, instant_, prediction_, sequence_reach_;
  cfr_detail::PackedTree packed_;
  std::vector<double> scratch_;     // child values, max_width per depth
  std::vector<double> optimistic_;  // predictive CFR+: regret + prediction of one set
};

}  // namespace equilibria
