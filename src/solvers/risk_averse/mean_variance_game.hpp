#pragma once
// A two-player game whose players maximise mean - gamma * variance (see
// risk_averse_equilibrium.hpp), in doubles: both players' gradients over the
// flat profile (x, then y) and their Jacobian.
#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "../nash_refinement/scaled_game.hpp"
#include "../nash_refinement/support_system.hpp"
#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_errors.hpp"
#include "mean_variance_payoffs.hpp"

namespace equilibria {

// Player i's matrix, own strategies by the opponent's, row-major.
template <class T>
std::vector<T> own_matrix(const StrategicGame& game, int player) {
  const int rows = game.num_strategies(player), cols = game.num_strategies(1 - player);
  std::vector<T> m(static_cast<std::size_t>(rows) * cols);
  for (int a = 0; a < rows; ++a) {
    for (int b = 0; b < cols; ++b) {
      const std::int64_t profile = player == 0 ? a * game.stride(0) + b * game.stride(1)
                                               : b * game.stride(0) + a * game.stride(1);
      m[static_cast<std::size_t>(a) * cols + b] = game.payoffs<T>(player)[profile];
    }
  }
  return m;
}

// The game in doubles: gradients of both players' U over the flat profile
// (x, then y), and their Jacobian.
class MeanVarianceGame {
 public:
  MeanVarianceGame(const StrategicGame& game, const std::array<Rational, 2>& gamma)
      : layout_(game), rows_{game.num_strategies(0), game.num_strategies(1)} {
    for (int i = 0; i < 2; ++i) {
      m_[i] = own_matrix<double>(game, i);
      // The doubles are payoffs times 2^-e, variances times 2^-2e: the same
      // utility up to scale needs gamma times 2^e.
      Rational scaled = gamma[i];
      mpq_mul_2exp(scaled.get_mpq_t(), scaled.get_mpq_t(), static_cast<mp_bitcnt_t>(game.double_scale_exponent()));
      gamma_[i] = scaled.get_d();
    }
    const double range = game.payoff_range() > 0 ? game.payoff_range() : 1.0;
    // Beyond this, mean differences vanish in rounding beside the variance term.
    constexpr double kMaxAversion = 1e12;
    const double aversion = std::max(gamma_[0], gamma_[1]) * range;
    if (!(aversion <= kMaxAversion)) {
      throw ResourceLimit("risk-averse: the aversion times the payoff range is " + std::to_string(aversion) +
                          ", above the " + std::to_string(kMaxAversion) + " that doubles resolve");
    }
    scale_ = range * (1 + 2 * aversion);
  }

  int size() const { return rows_[0] + rows_[1]; }
  // The size of the gradients: the payoff range, grown by the variance term.
  double scale() const { return scale_; }

  void gradient(const ScaledGame::Vec& z, ScaledGame::Vec& g) const {
    g.resize(size());
    const auto [x, y] = split(z);
    const auto g0 = mean_variance(m_[0], rows_[0], rows_[1], gamma_[0], x, y).gradient;
    const auto g1 = mean_variance(m_[1], rows_[1], rows_[0], gamma_[1], y, x).gradient;
    for (int a = 0; a < rows_[0]; ++a) g[a] = g0[a];
    for (int b = 0; b < rows_[1]; ++b) g[rows_[0] + b] = g1[b];
  }

  ScaledGame::Mat jacobian(const ScaledGame::Vec& z) const {
    const auto [x, y] = split(z);
    ScaledGame::Mat j(size(), size()), own, other;
    mean_variance_jacobian(m_[0], rows_[0], rows_[1], gamma_[0], x, y, own, other);
    j.topLeftCorner(rows_[0], rows_[0]) = own;
    j.topRightCorner(rows_[0], rows_[1]) = other;
    mean_variance_jacobian(m_[1], rows_[1], rows_[0], gamma_[1], y, x, own, other);
    j.bottomRightCorner(rows_[1], rows_[1]) = own;
    j.bottomLeftCorner(rows_[1], rows_[0]) = other;
    return j;
  }

  // Gradient and Jacobian together, for the solvers on a support.
  MarginalPayoffs marginal() const {
    return [this](const ScaledGame::Vec& z, ScaledGame::Vec& g, ScaledGame::Mat& j) {
      gradient(z, g);
      j = jacobian(z);
    };
  }

  const ScaledGame& layout() const { return layout_; }
  int begin(int player) const { return layout_.begin(player); }
  int count(int player) const { return layout_.count(player); }

 private:
  std::pair<std::vector<double>, std::vector<double>> split(const ScaledGame::Vec& z) const {
    return {std::vector<double>(z.data(), z.data() + rows_[0]),
            std::vector<double>(z.data() + rows_[0], z.data() + size())};
  }

  ScaledGame layout_;  // the players' strategy ranges in the flat profile
  std::array<int, 2> rows_;
  std::array<std::vector<double>, 2> m_;
  std::array<double, 2> gamma_{};
  double scale_ = 1;
};

}  // namespace equilibria
