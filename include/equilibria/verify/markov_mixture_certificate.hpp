#pragma once
// The CCE gap of a mixture of product policies in a finite-horizon Markov
// game (a sparse CCE candidate: a component k is drawn once with weight w_k,
// then everyone plays pi^k for the whole episode).
//
// A deviator does not see k. Its best response is a history-dependent
// policy: along the history it sees the others' actions, so it tracks the
// posterior over components, b'_k proportional to b_k pi^k_{-i}(a_{-i} | t, s)
// (states and rewards carry no information about k: they depend on the joint
// action only). Its optimal value is a recursion over (step, state, posterior),
// computed exactly in rationals with memoisation on exact posteriors. The
// posteriors can be exponentially many; past a node budget (or when the
// SolveControl says stop) a node is not expanded and contributes rigorous
// bounds instead:
//   upper: sum_k b_k BR_k(t, s), BR_k the best-response value against pi^k
//          alone (a deviator told k does at least as well);
//   lower: max over a few Markov continuation policies c of
//          sum_k b_k V^{c, pi^k_{-i}}(t, s) (each is a policy the deviator can
//          play from there on): c = the best response to the others'
//          prior-weighted average play at each (step, state), and, for
//          K <= kMaxComponentCandidates, c = each component's best response.
// Above the cut the recursion takes the maximum over actions of each bound, so
// lower <= exact <= upper at the root, with equality when nothing was cut.
#include <cstdint>
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/markov/markov_game.hpp"

namespace equilibria {

// A per-step policy profile: policy[t][p][s][a], t < horizon.
template <class T>
using FiniteHorizonPolicy = std::vector<MarkovPolicy<T>>;

struct MarkovMixture {
  std::vector<Rational> weights;                       // sum to 1
  std::vector<FiniteHorizonPolicy<Rational>> components;  // distributions at every (t, p, s)
};

// Beyond this many components the K x K candidate evaluations cost more than
// they tighten; only the average-play best response is a lower-bound candidate.
inline constexpr int kMaxComponentCandidates = 16;

struct MixtureCertificateOptions {
  std::int64_t max_nodes = 200'000;  // (step, state, posterior) nodes expanded per deviator
  SolveControl control;
};

struct MixtureDeviation {
  Rational value;            // the player's value under the mixture
  Rational informed;         // sum_k w_k BR_k: what a deviator told k gets
  Rational markov;           // the best lower-bound candidate from the root (a Markov deviation)
  Rational lower, upper;     // lower <= best uninformed deviation value <= upper
  std::int64_t nodes = 0;      // posterior nodes expanded
  std::int64_t cut_nodes = 0;  // nodes bounded instead of expanded
  int first_cut_step = -1;     // the smallest step of a cut node (-1: none, the value is exact)
  bool exact() const { return lower == upper; }
  // The CCE gaps, clamped at 0 like every deviation gain.
  Rational gap_lower() const;
  Rational gap_upper() const;
};

struct MixtureCertificate {
  std::vector<MixtureDeviation> players;
  Rational gap_lower, gap_upper;  // over players
  bool stopped = false;           // the control said stop: some nodes were cut for it
  // False when the control stopped it before every player's component values
  // were known: `players` is then incomplete and nothing is certified.
  bool complete = true;
  bool exact() const { return gap_lower == gap_upper; }
};

// Throws std::invalid_argument on a discounted game or components of the wrong shape.
MixtureCertificate certify_markov_mixture(const MarkovGame& game, const MarkovMixture& mixture,
                                          const MixtureCertificateOptions& options);

// Floating per-step policies made exact, with equal weights: each (t, p, s)
// mix rounded to a grid of 2^-30 with the largest entry taking the rest (a
// distribution exactly, held exactly by doubles too); the certificate is
// of these rounded policies.
MarkovMixture uniform_mixture(const std::vector<FiniteHorizonPolicy<double>>& policies);

}  // namespace equilibria
