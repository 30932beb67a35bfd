#pragma once
// The bilinear saddle problem max_x min_y x'Ay with x and y on simplices (a
// two-player zero-sum game, the first player maximising), as the monotone
// operator F(x, y) = (-Ay, A'x) on the product of simplices. Its finite-sum
// form, as in Cai, Alacaoglu and Diakonikolas (2024): with n = max(rows,
// columns), component k is n times column k's and row k's contributions,
// F_k(x, y) = n (-A_{.k} y_k, A_{k.}' x_k) (absent parts zero), so that
// (1/n) sum_k F_k = F. A dense row-major copy of A in doubles.
#include <vector>

#include "equilibria/games/strategic_game.hpp"
#include "equilibria/solvers/vi/monotone_operator.hpp"

namespace equilibria::vi {

class BilinearGame final : public MonotoneOperator {
 public:
  // a: rows x columns, row-major (the first player's payoffs).
  BilinearGame(int rows, int columns, std::vector<double> a);

  int rows() const { return rows_; }
  int columns() const { return columns_; }
  double entry(int i, int j) const { return a_[static_cast<std::size_t>(i) * columns_ + j]; }

  int dimension() const override { return rows_ + columns_; }
  int num_components() const override { return std::max(rows_, columns_); }
  void project(double* z) const override;
  double lipschitz() const override { return lipschitz_; }
  double component_lipschitz() const override { return frobenius_; }
  std::vector<double> start() const override;

  // The duality gap of z = (x, y) in doubles: max_i (Ay)_i - min_j (A'x)_j.
  double duality_gap(const double* z) const;

 protected:
  void evaluate_full(const double* z, double* out) const override;
  void evaluate_one(int k, const double* z, double* out) const override;

 private:
  int rows_, columns_;
  std::vector<double> a_;
  double lipschitz_ = 0;  // ||A||_2 (power iteration, rounded up)
  double frobenius_ = 0;  // ||A||_F
};

// A two-player zero-sum (or constant-sum) game's first player's payoffs, in
// the game's floating units (payoffs times 2^-double_scale_exponent()).
// Throws std::invalid_argument for other games.
BilinearGame bilinear_from_game(const StrategicGame& game);

}  // namespace equilibria::vi
