#include "switching_control.hpp"

#include <algorithm>
#include <cmath>

#include "equilibria/core/exact_linear_solve.hpp"

namespace equilibria {
namespace {

// Entries of a floating mix at most this are taken as outside its support.
constexpr double kSupportThreshold = 1e-12;
// Unknowns of the dense exact system at most.
constexpr int kMaxUnknowns = 400;

using Distribution = std::vector<std::pair<int, Rational>>;

Distribution next_states(const MarkovGame& game, std::int64_t o) {
  Distribution d;
  for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
    d.emplace_back(game.transition(k).next, game.transition_probability(k));
  }
  std::sort(d.begin(), d.end());
  return d;
}

// The player whose action alone decides the transitions at s (1 when
// neither's does matter), or -1.
int controller(const MarkovGame& game, int s) {
  const int m = game.num_actions(s, 0);
  const std::int64_t base = game.joint_begin(s);
  auto independent_of = [&](int p) {
    for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
      const std::int64_t reference = p == 0 ? j - j % m : j % m;  // the same joint action with p's action 0
      if (next_states(game, base + j) != next_states(game, base + reference)) return false;
    }
    return true;
  };
  if (independent_of(0)) return 1;
  if (independent_of(1)) return 0;
  return -1;
}

std::vector<int> support(const std::vector<double>& mix) {
  std::vector<int> out;
  for (std::size_t a = 0; a < mix.size(); ++a) {
    if (mix[a] > kSupportThreshold) out.push_back(static_cast<int>(a));
  }
  return out;
}

}  // namespace

std::optional<std::vector<Rational>> switching_control_values(const MarkovGame& game, const MarkovPolicy<double>& policy,
                                                              const SolveControl& control) {
  if (game.num_players() != 2 || !game.discounted()) return std::nullopt;
  const int S = game.num_states();
  std::vector<int> owner(S), mix_begin(S + 1, S);
  std::vector<std::vector<int>> own(S), other(S);
  for (int s = 0; s < S; ++s) {
    owner[s] = controller(game, s);
    if (owner[s] < 0) return std::nullopt;
    own[s] = support(policy[owner[s]][s]);
    other[s] = support(policy[1 - owner[s]][s]);
    if (own[s].empty() || own[s].size() != other[s].size()) return std::nullopt;
    mix_begin[s + 1] = mix_begin[s] + static_cast<int>(other[s].size());
    if (mix_begin[s + 1] > kMaxUnknowns) return std::nullopt;
  }
  // Unknowns: v(0..S-1), then per state the non-controller's mix on its support.
  const int k = mix_begin[S];
  std::vector<Rational> matrix(static_cast<std::size_t>(k) * k, Rational(0)), rhs(k, Rational(0));
  int row = 0;
  for (int s = 0; s < S; ++s) {
    const int m = game.num_actions(s, 0);
    for (int c : own[s]) {
      Rational* eq = &matrix[static_cast<std::size_t>(row) * k];
      for (std::size_t i = 0; i < other[s].size(); ++i) {
        const int w = other[s][i];
        const int a = owner[s] == 1 ? w : c, b = owner[s] == 1 ? c : w;
        eq[mix_begin[s] + i] = game.reward(game.joint_begin(s) + a + static_cast<std::int64_t>(m) * b, 0);
      }
      // The continuation of c (with the other player's first action: it does not matter).
      const std::int64_t o = game.joint_begin(s) + (owner[s] == 1 ? static_cast<std::int64_t>(m) * c : c);
      for (std::int64_t e = game.transition_begin(o); e < game.transition_end(o); ++e) {
        eq[game.transition(e).next] += game.discount() * game.transition_probability(e);
      }
      eq[s] -= 1;
      ++row;
    }
    for (int i = mix_begin[s]; i < mix_begin[s + 1]; ++i) matrix[static_cast<std::size_t>(row) * k + i] = 1;
    rhs[row++] = 1;
  }
  auto z = solve_exact(matrix, rhs, k, control);
  if (!z) return std::nullopt;
  z->resize(S);
  return z;
}

}  // namespace equilibria
