#include "equilibria/solvers/markov/backward_induction.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <stdexcept>

#include "equilibria/core/solve_errors.hpp"
#include "equilibria/solvers/lemke_howson/lemke_howson.hpp"
#include "equilibria/solvers/simpdiv/simplicial_subdivision.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

// reachable[t][s]: some joint actions lead from the initial distribution to s at step t + 1.
std::vector<std::vector<char>> reachable_states(const MarkovGame& game) {
  const int H = game.horizon();
  const int S = game.num_states();
  std::vector<std::vector<char>> reachable(H, std::vector<char>(S, 0));
  for (int s = 0; s < S; ++s) reachable[0][s] = game.initial()[s] > 0;
  for (int t = 0; t + 1 < H; ++t) {
    for (int s = 0; s < S; ++s) {
      if (!reachable[t][s]) continue;
      const std::int64_t end = game.joint_begin(s) + game.num_joint(s);
      for (std::int64_t o = game.joint_begin(s); o < end; ++o) {
        for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
          reachable[t + 1][game.transition(k).next] = 1;
        }
      }
    }
  }
  return reachable;
}

// The stage game at state s: Q_i = r_i + P V_i^{next} (no continuation at
// the last step, next == nullptr), payoffs player-major over the state's
// joint actions, which are in the stage game's profile order.
StrategicGame stage_game(const MarkovGame& game, int s, const std::vector<Rational>* next) {
  const int n = game.num_players();
  const std::int64_t J = game.num_joint(s);
  std::vector<Rational> q(static_cast<std::size_t>(J) * n);
  Rational term;
  for (std::int64_t j = 0; j < J; ++j) {
    const std::int64_t o = game.joint_begin(s) + j;
    for (int i = 0; i < n; ++i) q[i * J + j] = game.reward(o, i);
    if (next == nullptr) continue;
    for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
      const Rational& p = game.transition_probability(k);
      const Rational* v = next->data() + static_cast<std::size_t>(game.transition(k).next) * n;
      for (int i = 0; i < n; ++i) {
        term = p * v[i];
        q[i * J + j] += term;
      }
    }
  }
  std::vector<int> counts(n);
  for (int i = 0; i < n; ++i) counts[i] = game.num_actions(s, i);
  return StrategicGame(std::move(counts), std::move(q));
}

// The payoffs of `exact` rounded to its doubles (a power-of-two scale
// changes no equilibrium): a game a solver handles at the speed of doubles.
StrategicGame rounded(const StrategicGame& exact) {
  std::vector<Rational> q;
  q.reserve(static_cast<std::size_t>(exact.num_players()) * exact.num_profiles());
  for (int i = 0; i < exact.num_players(); ++i) {
    const double* d = exact.payoffs<double>(i);
    for (std::int64_t j = 0; j < exact.num_profiles(); ++j) q.emplace_back(d[j]);
  }
  return StrategicGame(exact.strategy_counts(), std::move(q));
}

// Bits of the longest numerator or denominator among the payoffs.
// Bits of the game's longest reward or probability (numerator or denominator).
std::size_t longest_number_bits(const MarkovGame& game) {
  std::size_t bits = 0;
  auto take = [&](const Rational& q) {
    bits = std::max({bits, mpz_sizeinbase(q.get_num_mpz_t(), 2), mpz_sizeinbase(q.get_den_mpz_t(), 2)});
  };
  for (std::int64_t o = 0; o < game.num_outcomes(); ++o) {
    for (int p = 0; p < game.num_players(); ++p) take(game.reward(o, p));
    for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) take(game.transition_probability(k));
  }
  return bits;
}

std::size_t payoff_bits(const StrategicGame& game) {
  std::size_t bits = 0;
  for (int i = 0; i < game.num_players(); ++i) {
    const Rational* q = game.payoffs<Rational>(i);
    for (std::int64_t j = 0; j < game.num_profiles(); ++j) {
      bits = std::max({bits, mpz_sizeinbase(q[j].get_num_mpz_t(), 2), mpz_sizeinbase(q[j].get_den_mpz_t(), 2)});
    }
  }
  return bits;
}

// Answers on rounded stage games are rounded down to multiples of
// 2^-kDyadicBits, the mass left over going to the largest entry: still
// exactly distributions, and with power-of-two denominators the values'
// denominators (an lcm over every state play reaches) grow by about this
// many bits a step instead of by the length of every state's answer.
constexpr int kDyadicBits = 52;

void round_dyadic(std::span<Rational> p) {
  const mpz_class scale = mpz_class(1) << kDyadicBits;
  mpz_class total = 0, m;
  std::size_t largest = 0;
  std::vector<mpz_class> units(p.size());
  for (std::size_t a = 0; a < p.size(); ++a) {
    m = p[a].get_num() * scale;
    mpz_fdiv_q(units[a].get_mpz_t(), m.get_mpz_t(), p[a].get_den_mpz_t());
    total += units[a];
    if (p[a] > p[largest]) largest = a;
  }
  units[largest] += scale - total;
  for (std::size_t a = 0; a < p.size(); ++a) {
    p[a] = Rational(units[a], scale);
    p[a].canonicalize();
  }
}

// One stage equilibrium: its joint distribution (ce/cce) or mixed profile
// (nash), and each player's expected Q under it; nullopt when stopped.
struct StageAnswer {
  std::vector<Rational> joint;
  MixedProfile<Rational> profile;
  std::vector<Rational> values;
};

// An equilibrium of `solved` (the stage game `exact`, or its rounding), its
// values and exactness judged on `exact`.
std::optional<StageAnswer> solve_stage(const StrategicGame& exact, const StrategicGame& solved,
                                       const BackwardInductionOptions& options, BackwardInductionResult& result) {
  const bool same = &exact == &solved;
  StageAnswer answer;
  if (options.stage != StageConcept::kNash) {
    const CorrelatedConcept kind =
        options.stage == StageConcept::kCorrelated ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
    CorrelatedResult r = solve_correlated_lp(solved, kind, options.objective, {}, options.control);
    result.simplex_iterations += r.simplex_iterations;
    if (r.status == SolveStatus::kStopped) return std::nullopt;
    answer.joint = std::move(r.distribution);
    if (!same) round_dyadic(answer.joint);
    CorrelatedCertificate<Rational> cert = same ? std::move(r.cert) : certify_distribution(exact, answer.joint, kind);
    result.stages_exact = result.stages_exact && (same ? r.exact : cert.max_gain == 0);
    answer.values = std::move(cert.payoffs);
    return answer;
  }
  if (solved.num_players() == 2) {
    LemkeHowsonOptions lh;
    lh.control = options.control;
    lh.label = 0;
    lh.limit = 1;
    lh.threads = 1;
    std::optional<MixedProfile<Rational>> found;
    const LemkeHowsonReport report = lemke_howson(solved, lh, [&](const LemkeHowsonEquilibrium& e) { found = e.profile; });
    result.pivots += report.pivots;
    if (!found) {
      if (report.status == SolveStatus::kStopped) return std::nullopt;
      throw SolverFailure("backward-induction: Lemke-Howson found no stage equilibrium");
    }
    answer.profile = std::move(*found);
  } else {
    SimplicialSubdivisionOptions sd;
    sd.control = options.control;
    SimplicialSubdivisionResult r = simplicial_subdivision(solved, sd);
    result.pivots += r.pivots;
    if (r.status == SolveStatus::kStopped) return std::nullopt;
    answer.profile = std::move(r.profile);
  }
  if (!same) {
    for (int i = 0; i < answer.profile.num_players(); ++i) round_dyadic(answer.profile.player(i));
  }
  Certificate<Rational> cert = certify(exact, answer.profile);
  result.stages_exact = result.stages_exact && cert.max_regret == 0;
  answer.values = std::move(cert.payoffs);
  return answer;
}

enum class Induction { kDone, kStopped, kTooLong };

// One pass of the induction, every stage solved exactly (kTooLong as soon as
// a stage's numbers pass options.exact_stage_bits) or on its doubles.
Induction induct(const MarkovGame& game, const BackwardInductionOptions& options, bool on_doubles,
                 BackwardInductionResult& result) {
  const int n = game.num_players();
  const int S = game.num_states();
  const int H = game.horizon();
  const bool nash = options.stage == StageConcept::kNash;
  const auto reachable = reachable_states(game);
  const std::size_t bit_limit = options.exact_stage_bits + 4 * longest_number_bits(game);
  if (nash) {
    result.product.assign(H, MarkovPolicy<Rational>(n, std::vector<std::vector<Rational>>(S)));
  } else {
    result.joint.assign(H, std::vector<std::vector<Rational>>(S));
  }
  // V^{t+2} (next) and V^{t+1} (current), state-major: S * n.
  std::vector<Rational> next(static_cast<std::size_t>(S) * n), current(next.size());
  for (int t = H - 1; t >= 0; --t) {
    for (int s = 0; s < S; ++s) {
      if (!reachable[t][s]) continue;
      if (options.control.should_stop()) return Induction::kStopped;
      const StrategicGame stage = stage_game(game, s, t + 1 < H ? &next : nullptr);
      if (!on_doubles && payoff_bits(stage) > bit_limit) return Induction::kTooLong;
      const std::optional<StrategicGame> approx = on_doubles ? std::optional<StrategicGame>(rounded(stage)) : std::nullopt;
      std::optional<StageAnswer> answer = solve_stage(stage, approx ? *approx : stage, options, result);
      if (!answer) return Induction::kStopped;
      ++result.stages;
      for (int i = 0; i < n; ++i) current[static_cast<std::size_t>(s) * n + i] = answer->values[i];
      if (nash) {
        for (int i = 0; i < n; ++i) {
          const auto mix = answer->profile.player(i);
          result.product[t][i][s].assign(mix.begin(), mix.end());
        }
      } else {
        result.joint[t][s] = std::move(answer->joint);
      }
    }
    std::swap(next, current);
  }
  result.values.assign(n, Rational(0));
  for (int s = 0; s < S; ++s) {
    if (game.initial()[s] == 0) continue;
    for (int i = 0; i < n; ++i) result.values[i] += game.initial()[s] * next[static_cast<std::size_t>(s) * n + i];
  }
  return Induction::kDone;
}

}  // namespace

BackwardInductionResult backward_induction(const MarkovGame& game, const BackwardInductionOptions& options) {
  if (game.discounted()) throw std::invalid_argument("backward induction needs a finite horizon");
  BackwardInductionResult result;
  Induction outcome = induct(game, options, false, result);
  if (outcome == Induction::kTooLong) {
    // Mixing exact and rounded stages would keep the exact stages' long
    // denominators in every later value: start again, all on doubles.
    result = BackwardInductionResult{};
    result.on_doubles = true;
    outcome = induct(game, options, true, result);
  }
  if (outcome == Induction::kStopped) {
    result.status = SolveStatus::kStopped;
    result.joint.clear();
    result.product.clear();
    result.values.clear();
  }
  return result;
}

}  // namespace equilibria
