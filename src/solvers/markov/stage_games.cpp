#include "stage_games.hpp"

#include <algorithm>
#include <cmath>

namespace equilibria {
namespace {

const Rational& reward_of(const MarkovGame& g, std::int64_t o, const Rational*) { return g.reward(o, 0); }
double reward_of(const MarkovGame& g, std::int64_t o, const double*) { return g.reward_d(o, 0); }
const Rational& probability_of(const MarkovGame& g, std::int64_t k, const Rational*) { return g.transition_probability(k); }
double probability_of(const MarkovGame& g, std::int64_t k, const double*) { return g.transition(k).probability; }
const Rational& discount_of(const MarkovGame& g, const Rational*) { return g.discount(); }
double discount_of(const MarkovGame& g, const double*) { return g.discount_d(); }

}  // namespace

template <class T>
StageGames<T>::StageGames(const MarkovGame& game) : game_(game) {
  std::int64_t largest = 1;
  row_begin_.assign(1, 0);
  column_begin_.assign(1, 0);
  for (int s = 0; s < game.num_states(); ++s) {
    largest = std::max(largest, game.num_joint(s));
    row_begin_.push_back(row_begin_.back() + game.num_actions(s, 0));
    column_begin_.push_back(column_begin_.back() + game.num_actions(s, 1));
  }
  matrix_.assign(largest, T(0));
  row_.assign(row_begin_.back(), T(0));
  column_.assign(column_begin_.back(), T(0));
}

template <class T>
T StageGames<T>::sweep(const std::vector<T>& v, std::vector<T>& tv) {
  constexpr const T* tag = nullptr;
  const T& d = discount_of(game_, tag);
  T change(0);
  tv.resize(v.size());
  for (int s = 0; s < game_.num_states(); ++s) {
    const int m = game_.num_actions(s, 0), n = game_.num_actions(s, 1);
    // Joint index a + m * b (first player fastest) is entry (a, b) of the
    // row-major matrix at a * n + b.
    for (int b = 0; b < n; ++b) {
      for (int a = 0; a < m; ++a) {
        const std::int64_t o = game_.joint_begin(s) + a + static_cast<std::int64_t>(m) * b;
        T future(0);
        for (std::int64_t k = game_.transition_begin(o); k < game_.transition_end(o); ++k) {
          future += probability_of(game_, k, tag) * v[game_.transition(k).next];
        }
        matrix_[a * n + b] = reward_of(game_, o, tag) + d * future;
      }
    }
    solver_.solve(matrix_.data(), m, n, tv[s], &row_[row_begin_[s]], &column_[column_begin_[s]]);
    T diff = tv[s] - v[s];
    if (diff < 0) diff = -diff;
    if (diff > change) change = diff;
  }
  return change;
}

template <class T>
MarkovPolicy<T> StageGames<T>::policy() const {
  MarkovPolicy<T> p(2);
  for (int s = 0; s < game_.num_states(); ++s) {
    p[0].emplace_back(row_.begin() + row_begin_[s], row_.begin() + row_begin_[s + 1]);
    p[1].emplace_back(column_.begin() + column_begin_[s], column_.begin() + column_begin_[s + 1]);
  }
  return p;
}

template class StageGames<double>;
template class StageGames<Rational>;

}  // namespace equilibria
