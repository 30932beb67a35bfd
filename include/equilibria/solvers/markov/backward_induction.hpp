#pragma once
// Equilibria of finite-horizon Markov games by backward induction: with
// V^{H+1} = 0, for h = H..1 and every state s reachable at step h,
//   Q_i(s, a) = r_i(s, a) + sum_s' P(s' | s, a) V_i^{h+1}(s'),
// an equilibrium sigma_h(s) of the stage game Q(s, .) is solved and
// V_i^h(s) = E_sigma Q_i. Stage CE/CCE (by the exact LP of correlated_lp.hpp,
// with its objective applied to Q stage by stage) give a CE/CCE of the whole
// game; stage Nash equilibria (Lemke-Howson for two players, exact;
// simplicial subdivision otherwise, certified) a Markov perfect equilibrium.
// A state is reachable at step h when some sequence of joint actions reaches
// it with positive probability from the initial distribution: a deviator may
// lead play anywhere the game allows, so the policy plays at all of them.
// Values are exact rationals throughout. Mixed stage answers multiply the
// length of these numbers at every step (an LP vertex of Q has the length of
// a determinant of Q's entries, and a value's denominator is an lcm over the
// states play reaches): on random games exact denominators pass 10^5 bits
// within five steps. Once a stage game's numbers pass exact_stage_bits the
// induction therefore starts again with every stage game solved on its
// doubles and each answer rounded to multiples of 2^-52 (values then grow by
// some 52 bits a step); the exact regret of such an answer, tiny (about
// 2^-52 times the payoff range), is reported, never assumed zero.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/solvers/correlated/correlated_lp.hpp"
#include "equilibria/verify/markov_finite_horizon.hpp"

namespace equilibria {

enum class StageConcept { kCorrelated, kCoarseCorrelated, kNash };

struct BackwardInductionOptions {
  SolveControl control;  // polled between stages and inside each stage's solver
  StageConcept stage = StageConcept::kCorrelated;
  CorrelatedObjective objective;  // ce/cce: what each stage LP optimises
  // Once a stage game's exact payoffs need more bits than this (numerator
  // or denominator) beyond four times the game's own longest number, every
  // stage is solved on its doubles instead; each answer's values and
  // exactness are still taken on the exact stage game. (Rewards such as
  // 1e-300 are 1000-bit numbers already.)
  std::size_t exact_stage_bits = 1024;
};

struct BackwardInductionResult {
  // kStopped: the control stopped the run; policies and values are then empty.
  SolveStatus status = SolveStatus::kComplete;
  StepJointPolicy joint;      // ce/cce
  StepProductPolicy product;  // nash
  std::vector<Rational> values;  // per player, at the initial distribution, as the induction computed them
  // Every stage answer was an exact equilibrium of its stage game (the
  // stage LP exact, or a stage Nash profile of zero exact regret).
  bool stages_exact = true;
  std::int64_t stages = 0;  // stage games solved (by the last pass)
  // The exact numbers grew past exact_stage_bits, and the induction was
  // run again with every stage game solved on its doubles.
  bool on_doubles = false;
  std::int64_t simplex_iterations = 0;
  std::int64_t pivots = 0;  // Lemke-Howson or simplicial subdivision
};

// Throws std::invalid_argument when the game is discounted or a stage game
// is too large for its solver; SolverFailure when a stage solver fails.
BackwardInductionResult backward_induction(const MarkovGame& game, const BackwardInductionOptions& options);

}  // namespace equilibria
