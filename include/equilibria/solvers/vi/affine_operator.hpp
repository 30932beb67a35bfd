#pragma once
// F(z) = M z + q on the whole space or a box, M monotone (M + M'
// positive semidefinite, checked by the caller's data, not here). Its
// finite sum is by rows: component i is n times row i's contribution, so
// (1/n) sum_i F_i = F.
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "equilibria/solvers/vi/monotone_operator.hpp"

namespace equilibria::vi {

class AffineOperator final : public MonotoneOperator {
 public:
  // m: d x d row-major; `box` (lo, hi) for every coordinate, or none.
  AffineOperator(int d, std::vector<double> m, std::vector<double> q, std::optional<std::pair<double, double>> box = {});

  int dimension() const override { return d_; }
  int num_components() const override { return d_; }
  void project(double* z) const override;
  double lipschitz() const override { return lipschitz_; }
  // Component i (d times row i) has Lipschitz d ||M_i.||: mean square sqrt(d) ||M||_F.
  double component_lipschitz() const override { return std::sqrt(static_cast<double>(d_)) * frobenius_; }
  // A symmetric monotone M makes F the gradient of a convex quadratic.
  bool cocoercive() const override { return symmetric_; }
  std::vector<double> start() const override;

 protected:
  void evaluate_full(const double* z, double* out) const override;
  void evaluate_one(int i, const double* z, double* out) const override;

 private:
  int d_;
  std::vector<double> m_, q_;
  std::optional<std::pair<double, double>> box_;
  double lipschitz_ = 0, frobenius_ = 0;
  bool symmetric_ = false;
};

}  // namespace equilibria::vi
