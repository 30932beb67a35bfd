#include "equilibria/solvers/vi/bilinear_game.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "equilibria/games/game_properties.hpp"
#include "equilibria/solvers/vi/projections.hpp"

namespace equilibria::vi {
namespace {

// ||A||_2 from below by power iteration on A'A; the caller pads it.
double spectral_norm(int m, int n, const std::vector<double>& a) {
  std::vector<double> v(n, 1.0 / std::sqrt(static_cast<double>(n))), w(m);
  double norm = 0;
  for (int step = 0; step < 100; ++step) {
    for (int i = 0; i < m; ++i) {
      double s = 0;
      for (int j = 0; j < n; ++j) s += a[static_cast<std::size_t>(i) * n + j] * v[j];
      w[i] = s;
    }
    std::fill(v.begin(), v.end(), 0.0);
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) v[j] += a[static_cast<std::size_t>(i) * n + j] * w[i];
    }
    double length = 0;
    for (double x : v) length += x * x;
    length = std::sqrt(length);
    if (length == 0) return 0;
    const double next = std::sqrt(length);  // ||A'A v|| -> sigma^2 for unit v
    for (double& x : v) x /= length;
    if (std::abs(next - norm) <= 1e-9 * next) return next;
    norm = next;
  }
  return norm;
}

}  // namespace

BilinearGame::BilinearGame(int rows, int columns, std::vector<double> a, int threads)
    : rows_(rows), columns_(columns), a_(std::move(a)) {
  if (rows < 1 || columns < 1 || a_.size() != static_cast<std::size_t>(rows) * columns) {
    throw std::invalid_argument("a bilinear game needs a rows x columns matrix");
  }
  double f = 0;
  for (double x : a_) f += x * x;
  frobenius_ = std::sqrt(f);
  // Power iteration approaches ||A||_2 from below: pad it; ||A||_F bounds it from above.
  lipschitz_ = std::min(frobenius_, 1.01 * spectral_norm(rows, columns, a_));
  // Component k is n times column k's and row k's blocks: Lipschitz
  // n max(||A_.k||, ||A_k.||); the mean square of those.
  const int n = num_components();
  double square_sum = 0;
  for (int k = 0; k < n; ++k) {
    double column = 0, row = 0;
    for (int i = 0; k < columns && i < rows; ++i) column += entry(i, k) * entry(i, k);
    for (int j = 0; k < rows && j < columns; ++j) row += entry(k, j) * entry(k, j);
    square_sum += static_cast<double>(n) * n * std::max(column, row);
  }
  component_lipschitz_ = std::sqrt(square_sum / n);
  gap_scratch_.resize(dimension());
  set_threads(threads);
}

void BilinearGame::set_threads(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (static_cast<std::int64_t>(rows_) * columns_ < kParallelEntries) threads = 1;
  threads_ = std::min(threads, rows_);
  partials_.assign(static_cast<std::size_t>(threads_ - 1) * columns_, 0.0);
  workers_.resize(threads_ - 1);
}

void BilinearGame::project(double* z) const {
  project_to_simplex(z, rows_);
  project_to_simplex(z + rows_, columns_);
}

std::vector<double> BilinearGame::start() const {
  std::vector<double> z(dimension());
  std::fill(z.begin(), z.begin() + rows_, 1.0 / rows_);
  std::fill(z.begin() + rows_, z.end(), 1.0 / columns_);
  return z;
}

void BilinearGame::evaluate_rows(int begin, int end, const double* z, double* gx, double* gy) const {
  const double* x = z;
  const double* y = z + rows_;
  std::fill(gy, gy + columns_, 0.0);
  for (int i = begin; i < end; ++i) {
    const double* row = &a_[static_cast<std::size_t>(i) * columns_];
    double s = 0;
    for (int j = 0; j < columns_; ++j) {
      s += row[j] * y[j];
      gy[j] += row[j] * x[i];
    }
    gx[i] = -s;
  }
}

void BilinearGame::evaluate_full(const double* z, double* out) const {
  double* gy = out + rows_;
  const auto row_end = [&](int t) { return static_cast<int>(static_cast<std::int64_t>(rows_) * (t + 1) / threads_); };
  for (int t = 1; t < threads_; ++t) {
    workers_[t - 1] = std::thread([this, z, out, t, &row_end] {
      evaluate_rows(row_end(t - 1), row_end(t), z, out, &partials_[static_cast<std::size_t>(t - 1) * columns_]);
    });
  }
  evaluate_rows(0, row_end(0), z, out, gy);
  for (std::thread& w : workers_) w.join();
  // Fixed order: the sum does not depend on which thread finished first.
  for (int t = 1; t < threads_; ++t) {
    const double* part = &partials_[static_cast<std::size_t>(t - 1) * columns_];
    for (int j = 0; j < columns_; ++j) gy[j] += part[j];
  }
}

void BilinearGame::evaluate_one(int k, const double* z, double* out) const {
  const double n = num_components();
  std::fill(out, out + dimension(), 0.0);
  if (k < columns_) {
    const double yk = n * z[rows_ + k];
    for (int i = 0; i < rows_; ++i) out[i] = -a_[static_cast<std::size_t>(i) * columns_ + k] * yk;
  }
  if (k < rows_) {
    const double xk = n * z[k];
    const double* row = &a_[static_cast<std::size_t>(k) * columns_];
    for (int j = 0; j < columns_; ++j) out[rows_ + j] = row[j] * xk;
  }
}

double BilinearGame::duality_gap(const double* z) const {
  // F(z) = (-Ay, A'x): one (threaded) row-major pass gives both sides.
  evaluate_full(z, gap_scratch_.data());
  const double* gx = gap_scratch_.data();
  const double* gy = gx + rows_;
  const double best_row = -*std::min_element(gx, gx + rows_);
  const double best_column = *std::min_element(gy, gy + columns_);
  return best_row - best_column;
}

BilinearGame bilinear_from_game(const StrategicGame& game) {
  if (game.num_players() != 2 || !constant_sum(game).has_value()) {
    throw std::invalid_argument("first-order methods solve two-player zero-sum (or constant-sum) games");
  }
  const int m = game.num_strategies(0), n = game.num_strategies(1);
  const double* u = game.payoffs<double>(0);
  std::vector<double> a(static_cast<std::size_t>(m) * n);
  // Profile index i + m j (the first player fastest) is entry (i, j).
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) a[static_cast<std::size_t>(i) * n + j] = u[i + static_cast<std::int64_t>(m) * j];
  }
  return BilinearGame(m, n, std::move(a));
}

}  // namespace equilibria::vi
