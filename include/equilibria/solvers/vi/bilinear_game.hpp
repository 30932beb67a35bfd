#pragma once
// The bilinear saddle problem max_x min_y x'Ay with x and y on simplices (a
// two-player zero-sum game, the first player maximising), as the monotone
// operator F(x, y) = (-Ay, A'x) on the product of simplices. Its finite-sum
// form, as in Cai, Alacaoglu and Diakonikolas (2024): with n = max(rows,
// columns), component k is n times column k's and row k's contributions,
// F_k(x, y) = n (-A_{.k} y_k, A_{k.}' x_k) (absent parts zero), so that
// (1/n) sum_k F_k = F. A dense row-major copy of A in doubles.
//
// Full evaluations (and duality_gap) split the rows across threads, each
// accumulating its own part of A'x, summed in thread order: results are
// bit-identical for a given thread count. They use buffers held by the
// object, so one object must not be evaluated from two threads at once.
#include <cstdint>
#include <thread>
#include <vector>

#include "equilibria/games/strategic_game.hpp"
#include "equilibria/solvers/vi/monotone_operator.hpp"

namespace equilibria::vi {

class BilinearGame final : public MonotoneOperator {
 public:
  // a: rows x columns, row-major (the first player's payoffs). threads: for
  // full evaluations, 0 for the hardware's; see set_threads.
  BilinearGame(int rows, int columns, std::vector<double> a, int threads = 0);

  // Games below kParallelEntries entries stay single-threaded (a pass is
  // then shorter than starting threads), as do games with fewer rows than
  // threads; threads <= 0 means std::thread::hardware_concurrency().
  static constexpr std::int64_t kParallelEntries = 250'000;
  void set_threads(int threads);
  int threads() const { return threads_; }  // the count in use

  int rows() const { return rows_; }
  int columns() const { return columns_; }
  double entry(int i, int j) const { return a_[static_cast<std::size_t>(i) * columns_ + j]; }

  int dimension() const override { return rows_ + columns_; }
  int num_components() const override { return std::max(rows_, columns_); }
  void project(double* z) const override;
  double lipschitz() const override { return lipschitz_; }
  double component_lipschitz() const override { return component_lipschitz_; }
  std::vector<double> start() const override;

  // The duality gap of z = (x, y) in doubles: max_i (Ay)_i - min_j (A'x)_j.
  double duality_gap(const double* z) const;

 protected:
  void evaluate_full(const double* z, double* out) const override;
  void evaluate_one(int k, const double* z, double* out) const override;

 private:
  // gx[i] = -(Ay)_i for rows [begin, end), and gy = their part of A'x.
  void evaluate_rows(int begin, int end, const double* z, double* gx, double* gy) const;

  int rows_, columns_;
  std::vector<double> a_;
  int threads_ = 1;
  mutable std::vector<double> partials_;      // threads 1.. : their parts of A'x, columns_ each
  mutable std::vector<std::thread> workers_;  // threads_ - 1
  mutable std::vector<double> gap_scratch_;   // duality_gap's F(z)
  double lipschitz_ = 0;  // ||A||_2 (power iteration, rounded up)
  double frobenius_ = 0;  // ||A||_F
  double component_lipschitz_ = 0;
};

// A two-player zero-sum (or constant-sum) game's first player's payoffs, in
// the game's floating units (payoffs times 2^-double_scale_exponent()).
// Throws std::invalid_argument for other games.
BilinearGame bilinear_from_game(const StrategicGame& game);

}  // namespace equilibria::vi
