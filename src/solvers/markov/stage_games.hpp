#pragma once
// One sweep of stage games in a two-player zero-sum Markov game: at every
// state the matrix game r + discount * P v, solved for its value (the
// Shapley operator T v) and both players' optimal mixes. Flat buffers, no
// allocation per sweep.
#include <vector>

#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/solvers/markov/matrix_game.hpp"

namespace equilibria {

template <class T>
class StageGames {
 public:
  explicit StageGames(const MarkovGame& game);

  // tv = T v and the mixes at v; returns max_s |tv(s) - v(s)|.
  T sweep(const std::vector<T>& v, std::vector<T>& tv);

  // The mixes of the last sweep, as [player][state][action].
  MarkovPolicy<T> policy() const;

 private:
  const MarkovGame& game_;
  MatrixGameSolver<T> solver_;
  std::vector<T> matrix_;
  std::vector<std::int64_t> row_begin_, column_begin_;
  std::vector<T> row_, column_;
};

}  // namespace equilibria
