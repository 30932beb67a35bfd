#include "equilibria/solvers/vi/affine_operator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "equilibria/solvers/vi/projections.hpp"

namespace equilibria::vi {

AffineOperator::AffineOperator(int d, std::vector<double> m, std::vector<double> q,
                               std::optional<std::pair<double, double>> box)
    : d_(d), m_(std::move(m)), q_(std::move(q)), box_(box) {
  if (d < 1 || m_.size() != static_cast<std::size_t>(d) * d || q_.size() != static_cast<std::size_t>(d)) {
    throw std::invalid_argument("an affine operator needs a d x d matrix and a vector of d");
  }
  if (box_ && !(box_->first <= box_->second)) throw std::invalid_argument("the box needs lo <= hi");
  double f = 0;
  for (double x : m_) f += x * x;
  frobenius_ = std::sqrt(f);
  // ||M||_2 <= ||M||_F: safe for step sizes, tight enough for small d.
  lipschitz_ = frobenius_;
  symmetric_ = true;
  for (int i = 0; i < d && symmetric_; ++i) {
    for (int j = 0; j < i; ++j) symmetric_ = symmetric_ && m_[static_cast<std::size_t>(i) * d + j] == m_[static_cast<std::size_t>(j) * d + i];
  }
}

void AffineOperator::project(double* z) const {
  if (box_) project_to_box(z, d_, box_->first, box_->second);
}

std::vector<double> AffineOperator::start() const {
  std::vector<double> z(d_, 0.0);
  project(z.data());
  return z;
}

void AffineOperator::evaluate_full(const double* z, double* out) const {
  for (int i = 0; i < d_; ++i) {
    const double* row = &m_[static_cast<std::size_t>(i) * d_];
    double s = q_[i];
    for (int j = 0; j < d_; ++j) s += row[j] * z[j];
    out[i] = s;
  }
}

void AffineOperator::evaluate_one(int i, const double* z, double* out) const {
  std::fill(out, out + d_, 0.0);
  const double* row = &m_[static_cast<std::size_t>(i) * d_];
  double s = q_[i];
  for (int j = 0; j < d_; ++j) s += row[j] * z[j];
  out[i] = d_ * s;
}

}  // namespace equilibria::vi
