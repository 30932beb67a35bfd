#include "equilibria/solvers/logit/logit_qre.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "../nash_refinement/scaled_game.hpp"
#include "../nash_refinement/support_refinement.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {
namespace {

using Vec = ScaledGame::Vec;
using Mat = ScaledGame::Mat;

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
    if (result.steps >= options.max_steps) {
      result.status = SolveStatus::kLimitReached;
      break;
    }
    Vec next = z + h * t;
    int iterations = 0;
    bool landed = false;
    if (next[n] >= stop) {  // land on the final lambda exactly
      next[n] = stop;
      landed = true;
    }
    if (!correct(sg, next, t, z + h * t, landed, iterations) || ((next - (z + h * t)).norm() > 0.5 * h + 1e-9 && !landed)) {
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
        if (auto p = refine_on_support(sg, x, support, exact)) {
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
    // The path ended short of the limit (it can stall beside a degenerate
    // set of equilibria): the best of the refinements on the supports that
    // finer and coarser cut-offs show, or the path's last point.
    // Off the path's manifold the log coordinates need not sum to 1.
    result.profile = normalised(result.qre.convert<Rational>());
    // Stopped by the time limit: refining (an exact certificate per try) would overrun it.
    if (result.status == SolveStatus::kStopped) return result;
    Vec last(n);
    for (int k = 0; k < n; ++k) last[k] = result.profile.flat()[k].get_d();
    Rational best = certify(game, result.profile).max_regret;
    for (double threshold : {1e-6, 1e-3, 1e-1}) {
      bool exact = false;
      if (qre_only || best == 0) break;
      if (auto p = refine_on_support(sg, last, support_of(sg, last, threshold), exact, true)) {
        const Rational regret = certify(game, *p).max_regret;
        if (regret < best) {
          best = regret;
          result.profile = std::move(*p);
          result.exact = exact;
        }
      }
    }
  }
  return result;
}

}  // namespace equilibria
