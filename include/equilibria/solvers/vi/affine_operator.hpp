#pragma once
// F(z) = M z + q on the whole space or a box, M monotone (M + M'
// positive semidefinite, checked by the caller's data, not here). Its
// finite sum is by rows: component i is n times row i's contribution, so
// (1/n) sum_i F_i = F.
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
  double component_lipschitz() const override { return frobenius_; }
  std::vector<double> start() const override;

 protected:
  void evaluate_full(const double* z, double* out) const override;
  void evaluate_one(int i, const double* z, double* out) const override;

 private:
  int d_;
  std::vector<double> m_, q_;
  std::optional<std::pair<double, double>> box_;
  double lipschitz_ = 0, frobenius_ = 0;
};

}  // namespace equilibria::vi
