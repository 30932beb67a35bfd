#pragma once
// Monte-Carlo CFR (Lanctot et al. 2009) on the packed tree: external sampling
// (chance and the other players sampled, the updating player's actions all
// walked) and outcome sampling (one trajectory, epsilon-exploration at the
// updating player's nodes, importance-weighted regrets and stochastically
// weighted averaging). Each iteration updates every player in turn. The
// random stream is part of the saved state: a resumed run matches an unbroken
// one bit for bit.
#include <cstdint>
#include <string>
#include <vector>

#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/solvers/cfr/checkpoint.hpp"
#include "equilibria/solvers/cfr/packed_tree.hpp"
#include "equilibria/verify/exploitability.hpp"

namespace equilibria {

enum class MccfrSampling { kExternal, kOutcome };

struct MccfrOptions {
  MccfrSampling sampling = MccfrSampling::kExternal;
  double epsilon = 0.6;  // outcome sampling: exploration at the updating player's nodes
  std::uint64_t seed = 1;
};

class MccfrSolver {
 public:
  // Throws std::invalid_argument when the game lacks perfect recall.
  MccfrSolver(const GameTree& tree, MccfrOptions options);

  void run_iterations(std::int64_t count);
  std::int64_t iteration() const { return iteration_; }
  Behavior<double> average_policy() const;

  // As CfrSolver's: every option, the game's fingerprint and the random stream.
  std::string snapshot() const;
  void restore(const std::string& bytes);  // std::invalid_argument when it does not fit

 private:
  std::vector<cfr_detail::CheckpointField> checkpoint_options() const;
  double external(int node, int player, int depth);
  // Returns the sampled value estimate; *tail is the strategy's probability
  // of the sampled trajectory from `node` on.
  double outcome(int node, int player, double own_reach, double other_reach, double sample, double* tail, int depth);
  double uniform01();
  int sample(const double* probs, int k);

  const GameTree& tree_;
  MccfrOptions options_;
  cfr_detail::PackedTree packed_;
  std::int64_t iteration_ = 0;
  std::uint64_t rng_;
  std::vector<double> regret_, strategy_sum_;
  std::vector<double> scratch_;  // per depth: strategy, then child values
};

}  // namespace equilibria
