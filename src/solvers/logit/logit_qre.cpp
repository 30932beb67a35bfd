#include "equilibria/solvers/logit/logit_qre.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "../bimatrix/best_response_polytope.hpp"
#include "equilibria/games/bimatrix.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;

// The game with payoffs scaled to a range of 1: expected payoffs U and their
// derivatives D[(i,s),(j,t)] = u_i(s, t, x_-ij), from one pass over profiles.
class ScaledGame {
 public:
  explicit ScaledGame(const StrategicGame& g) : g_(g), n_(g.num_players()), offset_(n_ + 1, 0) {
    for (int i = 0; i < n_; ++i) offset_[i + 1] = offset_[i] + g.num_strategies(i);
    const double range = g.payoff_range();
    scale_ = range > 0 ? 1.0 / range : 1.0;
  }

  double range() const { return 1.0 / scale_; }

  int size() const { return offset_[n_]; }
  int players() const { return n_; }
  int begin(int i) const { return offset_[i]; }
  int count(int i) const { return offset_[i + 1] - offset_[i]; }

  // U (size N) and, if wanted, D (N x N).
  void evaluate(const Vec& x, Vec& u, Mat* d) const {
    u.setZero(size());
    if (d != nullptr) d->setZero(size(), size());
    std::vector<int> digit(n_, 0);
    std::vector<double> prob(n_);
    for (std::int64_t p = 0; p < g_.num_profiles(); ++p) {
      for (int i = 0; i < n_; ++i) prob[i] = x[offset_[i] + digit[i]];
      for (int i = 0; i < n_; ++i) {
        const double pay = g_.payoffs<double>(i)[p] * scale_;
        double others = 1;
        for (int l = 0; l < n_; ++l) {
          if (l != i) others *= prob[l];
        }
        u[offset_[i] + digit[i]] += others * pay;
        if (d == nullptr) continue;
        for (int j = 0; j < n_; ++j) {
          if (j == i) continue;
          double w = 1;
          for (int l = 0; l < n_; ++l) {
            if (l != i && l != j) w *= prob[l];
          }
          (*d)(offset_[i] + digit[i], offset_[j] + digit[j]) += w * pay;
        }
      }
      for (int i = 0; i < n_ && ++digit[i] == g_.num_strategies(i); ++i) digit[i] = 0;
    }
  }

  MixedProfile<double> profile(const Vec& x) const {
    MixedProfile<double> m(g_.strategy_counts());
    for (int k = 0; k < size(); ++k) m.flat()[k] = x[k];
    return m;
  }

 private:
  const StrategicGame& g_;
  int n_;
  std::vector<int> offset_;
  double scale_ = 1;
};

// z = (omega, lambda): H(z) and its Jacobian (N x N+1).
void system(const ScaledGame& sg, const Vec& z, Vec& h, Mat& jac) {
  const int n = sg.size();
  const double lambda = z[n];
  const Vec x = z.head(n).array().exp();
  Vec u;
  Mat d;
  sg.evaluate(x, u, &d);
  h.setZero(n);
  jac.setZero(n, n + 1);
  for (int i = 0; i < sg.players(); ++i) {
    const int b = sg.begin(i), k = sg.count(i);
    h[b] = x.segment(b, k).sum() - 1;
    for (int s = 0; s < k; ++s) jac(b, b + s) = x[b + s];
    for (int s = 1; s < k; ++s) {
      const int r = b + s;
      h[r] = z[r] - z[b] - lambda * (u[r] - u[b]);
      jac(r, r) += 1;
      jac(r, b) -= 1;
      for (int j = 0; j < sg.players(); ++j) {
        if (j == i) continue;
        for (int t = 0; t < sg.count(j); ++t) {
          const int c = sg.begin(j) + t;
          jac(r, c) -= lambda * (d(r, c) - d(b, c)) * x[c];
        }
      }
      jac(r, n) = -(u[r] - u[b]);
    }
  }
}

// H(z) alone.
void system_value(const ScaledGame& sg, const Vec& z, Vec& h) {
  const int n = sg.size();
  const double lambda = z[n];
  const Vec x = z.head(n).array().exp();
  Vec u;
  sg.evaluate(x, u, nullptr);
  h.setZero(n);
  for (int i = 0; i < sg.players(); ++i) {
    const int b = sg.begin(i), k = sg.count(i);
    h[b] = x.segment(b, k).sum() - 1;
    for (int s = 1; s < k; ++s) h[b + s] = z[b + s] - z[b] - lambda * (u[b + s] - u[b]);
  }
}

// [J; last row] as one square matrix.
Mat bordered(const Mat& jac, const Vec& last_row) {
  Mat a(jac.rows() + 1, jac.cols());
  a.topRows(jac.rows()) = jac;
  a.row(jac.rows()) = last_row.transpose();
  return a;
}

// The chord method (Newton with the Jacobian of the first point, factored
// once) on [H(z); t.(z - anchor)] = 0, or with lambda fixed when
// fixed_lambda. Returns false when it does not converge.
bool correct(const ScaledGame& sg, Vec& z, const Vec& t, const Vec& anchor, bool fixed_lambda, int& iterations) {
  const int n = sg.size();
  Vec h;
  Mat jac;
  system(sg, z, h, jac);
  const Eigen::PartialPivLU<Mat> lu(bordered(jac, fixed_lambda ? Vec(Vec::Unit(n + 1, n)) : t));
  Vec rhs(n + 1);
  double last = std::numeric_limits<double>::infinity();
  for (iterations = 1; iterations <= 20; ++iterations) {
    if (iterations > 1) system_value(sg, z, h);
    rhs.head(n) = -h;
    rhs[n] = fixed_lambda ? 0.0 : -t.dot(z - anchor);
    const Vec dz = lu.solve(rhs);
    if (!dz.allFinite()) return false;
    z += dz;
    const double size = dz.norm();
    if (size < 1e-11 * (1 + z.norm())) return true;
    if (iterations > 2 && size > 0.7 * last) return false;  // not contracting: a smaller step is needed
    last = size;
  }
  return false;
}

Vec tangent(const ScaledGame& sg, const Vec& z, const Vec& previous) {
  const int n = sg.size();
  Vec h;
  Mat jac;
  system(sg, z, h, jac);
  Vec t = bordered(jac, previous).partialPivLu().solve(Vec(Vec::Unit(n + 1, n)));
  t.normalize();
  if (t.dot(previous) < 0) t = -t;
  return t;
}

using Support = std::vector<std::vector<int>>;

// Strategies whose probability on the path is not vanishing.
Support support_of(const ScaledGame& sg, const Vec& x) {
  Support support(sg.players());
  for (int i = 0; i < sg.players(); ++i) {
    for (int s = 0; s < sg.count(i); ++s) {
      if (x[sg.begin(i) + s] > 1e-6) support[i].push_back(s);
    }
  }
  return support;
}

// The Nash equilibrium on `support` the path is heading to: Newton's method
// on the indifference equations from x, kept if its regret is negligible in
// doubles; for two players then solved exactly. `exact` when the rational
// answer has zero regret.
std::optional<MixedProfile<Rational>> refine(const StrategicGame& game, const ScaledGame& sg, const Vec& x,
                                             const Support& support, bool& exact) {
  exact = false;
  Vec y = Vec::Zero(sg.size());
  std::vector<int> var;
  for (int i = 0; i < sg.players(); ++i) {
    for (int s : support[i]) {
      var.push_back(sg.begin(i) + s);
      y[sg.begin(i) + s] = x[sg.begin(i) + s];
    }
  }
  const int m = static_cast<int>(var.size());
  for (int it = 0; it < 30; ++it) {
    Vec u;
    Mat d;
    sg.evaluate(y, u, &d);
    Vec f(m);
    Mat jf = Mat::Zero(m, m);
    int row = 0;
    for (int i = 0; i < sg.players(); ++i) {
      const int b = sg.begin(i), base = b + support[i][0];
      f[row] = -1;
      for (int s : support[i]) f[row] += y[b + s];
      for (int c = 0; c < m; ++c) {
        if (var[c] >= b && var[c] < b + sg.count(i)) jf(row, c) = 1;
      }
      ++row;
      for (std::size_t q = 1; q < support[i].size(); ++q) {
        const int r = b + support[i][q];
        f[row] = u[r] - u[base];
        for (int c = 0; c < m; ++c) {
          if (var[c] < b || var[c] >= b + sg.count(i)) jf(row, c) = d(r, var[c]) - d(base, var[c]);
        }
        ++row;
      }
    }
    if (row != m) return std::nullopt;
    const Vec step = jf.partialPivLu().solve(-f);
    if (!step.allFinite()) return std::nullopt;
    for (int c = 0; c < m; ++c) y[var[c]] += step[c];
    if (step.norm() < 1e-14) break;
  }
  MixedProfile<double> candidate(game.strategy_counts());
  for (int k = 0; k < sg.size(); ++k) {
    if (!(y[k] >= -1e-12)) return std::nullopt;
    candidate.flat()[k] = std::max(0.0, y[k]);
  }
  // Scaled payoffs: a regret of 1e-9 is 1e-9 of the payoff range.
  const double range = sg.range();
  if (certify(game, candidate).max_regret > 1e-9 * range) return std::nullopt;
  if (game.num_players() == 2 && support[0].size() == support[1].size()) {
    const Bimatrix g = shifted_positive(bimatrix_of(game));
    const auto px = bimatrix::exact_vertex(g, bimatrix::Side::kRow, support[0], support[1]);
    const auto py = bimatrix::exact_vertex(g, bimatrix::Side::kColumn, support[1], support[0]);
    if (px && py) {
      auto p = bimatrix::normalised_profile(*px, *py);
      bool nonnegative = true;
      for (const auto& e : p.flat()) nonnegative = nonnegative && e >= 0;
      if (nonnegative && certify(game, p).max_regret == 0) {
        exact = true;
        return p;
      }
    }
  }
  return normalised(candidate.convert<Rational>());
}

}  // namespace

LogitResult trace_logit(const StrategicGame& game, const LogitOptions& options) {
  const ScaledGame sg(game);
  const int n = sg.size();
  Vec z(n + 1);
  for (int i = 0; i < sg.players(); ++i) {
    for (int s = 0; s < sg.count(i); ++s) z[sg.begin(i) + s] = -std::log(static_cast<double>(sg.count(i)));
  }
  z[n] = 0;
  Vec t = Vec::Zero(n + 1);
  t[n] = 1;
  t = tangent(sg, z, t);
  LogitResult result;
  const bool qre_only = options.final_lambda > 0;
  const double stop = qre_only ? options.final_lambda : options.max_lambda;
  double h = 0.05;
  Support seen;            // the support at the previous step
  Support failed;          // a support whose refinement failed ...
  double retry_lambda = 0; // ... is tried again only beyond this lambda
  while (z[n] < stop) {
    if (options.control.should_stop()) {
      result.status = SolveStatus::kStopped;
      break;
    }
    Vec next = z + h * t;
    int iterations = 0;
    bool landed = false;
    if (next[n] >= stop) {  // land on the final lambda exactly
      next[n] = stop;
      landed = true;
    }
    if (!correct(sg, next, t, z + h * t, landed, iterations) || (next - (z + h * t)).norm() > 0.5 * h + 1e-9 && !landed) {
      h /= 2;
      if (h < 1e-12) break;
      continue;
    }
    t = tangent(sg, next, t);
    z = next;
    ++result.steps;
    if (options.on_step) options.on_step(z[n], sg.profile(z.head(n).array().exp()));
    if (iterations <= 4) h = std::min(h * 2, 1e7);
    if (landed) break;
    // Heading for Nash: jump to the limit once the support has settled (the
    // same two steps running); a support that failed waits until lambda doubles.
    if (!qre_only && z[n] > 5) {
      const Vec x = z.head(n).array().exp();
      Support support = support_of(sg, x);
      if (support == seen && (support != failed || z[n] > retry_lambda)) {
        bool exact = false;
        if (auto p = refine(game, sg, x, support, exact)) {
          result.profile = std::move(*p);
          result.exact = exact;
          break;
        }
        failed = support;
        retry_lambda = 2 * z[n];
      }
      seen = std::move(support);
    }
  }
  result.lambda = z[n];
  const Vec x = z.head(n).array().exp();
  result.qre = sg.profile(x);
  if (result.profile.num_players() == 0) {
    bool exact = false;
    std::optional<MixedProfile<Rational>> p;
    if (!qre_only) p = refine(game, sg, x, support_of(sg, x), exact);
    if (p && certify(game, *p).max_regret <= certify(game, normalised(result.qre.convert<Rational>())).max_regret) {
      result.profile = std::move(*p);
      result.exact = exact;
    } else {
      result.profile = normalised(result.qre.convert<Rational>());
      result.exact = false;
    }
  }
  return result;
}

}  // namespace equilibria
