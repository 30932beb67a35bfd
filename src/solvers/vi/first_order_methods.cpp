#include "equilibria/solvers/vi/first_order_methods.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace equilibria::vi {
namespace {

// out = P(base + scale * direction).
void step_from(const MonotoneOperator& op, const std::vector<double>& base, double scale, const std::vector<double>& direction,
               std::vector<double>& out) {
  for (std::size_t i = 0; i < base.size(); ++i) out[i] = base[i] + scale * direction[i];
  op.project(out.data());
}

// ||z - P(z - F(z) / L)|| * L: the natural residual at step 1/L, in F's
// units (||F(z)|| when Z is the whole space), whatever F's scale.
double residual_with(const MonotoneOperator& op, const std::vector<double>& z, std::vector<double>& f,
                     std::vector<double>& p) {
  const double L = std::max(op.lipschitz(), 1e-300);
  op.evaluate(z.data(), f.data());
  for (std::size_t i = 0; i < z.size(); ++i) p[i] = z[i] - f[i] / L;
  op.project(p.data());
  double s = 0;
  for (std::size_t i = 0; i < z.size(); ++i) s += (z[i] - p[i]) * (z[i] - p[i]);
  return std::sqrt(s) * L;
}

// Inner steps of the inexact resolvent at outer step k: the fixed-point map
// w -> P(z - h F(w)) contracts by h L <= 1/2, so this many steps leave an
// error below diam(Z) / (4 (k + 2)^2), summable as Halpern needs.
int resolvent_steps(std::int64_t k) {
  return 2 + static_cast<int>(std::ceil(2 * std::log2(static_cast<double>(k) + 2)));
}

double default_step(const MonotoneOperator& op, FirstOrderMethod method) {
  const double L = std::max(op.lipschitz(), 1e-300);
  switch (method) {
    case FirstOrderMethod::kProjectedGradient: return 1 / L;
    case FirstOrderMethod::kExtragradient: return 0.9 / L;
    case FirstOrderMethod::kOptimistic: return 0.45 / L;
    case FirstOrderMethod::kHalpern: return 0.5 / L;
    case FirstOrderMethod::kExtraAnchored: return 1 / (8 * L);
    case FirstOrderMethod::kVrHalpern: {
      if (!op.cocoercive()) return 0.5 / L;
      // Algorithm 1's estimate errs by about the components' mean-square
      // Lipschitz constant over sqrt(batch) times the last move: the step
      // is 1/L (half of T = I - hF's nonexpansive range) or smaller by that.
      const double batch = std::floor(std::sqrt(static_cast<double>(op.num_components())));
      return 1 / std::max(L, op.component_lipschitz() / std::sqrt(batch));
    }
  }
  return 1 / L;
}

}  // namespace

const std::vector<std::string>& first_order_method_names() {
  static const std::vector<std::string> names{"pg", "eg", "ogda", "halpern", "eag", "vr-halpern"};
  return names;
}

FirstOrderMethod first_order_method_from_name(const std::string& name) {
  const auto& names = first_order_method_names();
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::invalid_argument("unknown first-order method '" + name + "'");
  return static_cast<FirstOrderMethod>(it - names.begin());
}

double natural_residual(const MonotoneOperator& op, const std::vector<double>& z) {
  std::vector<double> f(z.size()), p(z.size());
  return residual_with(op, z, f, p);
}

double first_order_step(const MonotoneOperator& op, const FirstOrderOptions& options) {
  return options.step > 0 ? options.step : default_step(op, options.method);
}

FirstOrderResult solve_first_order(const MonotoneOperator& op, const FirstOrderOptions& options) {
  const int d = op.dimension();
  const int n = op.num_components();
  const FirstOrderMethod method = options.method;
  FirstOrderResult r;
  r.step = first_order_step(op, options);
  const double h = r.step;
  FirstOrderState s;
  if (options.resume != nullptr) {
    s = *options.resume;
    for (const auto* v : {&s.z, &s.anchor, &s.w, &s.fw, &s.g, &s.prev}) {
      if (v->size() != static_cast<std::size_t>(d)) throw std::invalid_argument("the saved state is not of this problem's dimension");
    }
  } else {
    s.z = op.start();
    op.project(s.z.data());
    s.anchor = s.z;
    s.w = s.fw = s.g = s.prev = std::vector<double>(d);
  }
  std::vector<double>&z = s.z, &z0 = s.anchor, &w = s.w, &fw = s.fw, &g = s.g, &prev = s.prev;
  std::vector<double> f(d), scratch(d), p(d), gi(d), gj(d);
  std::int64_t &k = s.iteration, &j = s.anchor_age;  // iterations in all, and since the anchor was set
  const std::int64_t calls_at_start = op.component_calls();
  std::int64_t residual_calls = 0;
  const std::int64_t calls_before = s.component_calls;
  auto method_calls = [&] { return calls_before + op.component_calls() - calls_at_start - residual_calls; };
  // The residual is checked every iteration, each check a full pass not
  // charged to the method.
  const int batch = std::max(1, static_cast<int>(std::floor(std::sqrt(static_cast<double>(n)))));
  auto check = [&](std::int64_t k) {
    const std::int64_t before = op.component_calls();
    r.residual = residual_with(op, z, scratch, p);
    residual_calls += op.component_calls() - before;
    if (options.log) options.log(k, method_calls(), r.residual);
    return r.residual <= options.tolerance;
  };
  std::vector<int> order(n);
  // Sampling draws from a generator seeded by (seed, iteration), so a
  // resumed run draws what an unbroken one would.
  std::mt19937_64 rng;
  auto sample_batch = [&](std::int64_t iteration) {
    rng.seed(options.seed ^ (static_cast<std::uint64_t>(iteration) * 0x9E3779B97F4A7C15ull));
    std::iota(order.begin(), order.end(), 0);
    for (int s = 0; s < batch; ++s) std::swap(order[s], order[s + std::uniform_int_distribution<int>(0, n - 1 - s)(rng)]);
  };
  // Algorithm 1 costs about 2 sqrt(n) calls an iteration: its residual
  // (n calls) is checked every n / (2 sqrt(n)) iterations, not every one.
  const bool page = method == FirstOrderMethod::kVrHalpern && op.cocoercive();
  const std::int64_t check_every = page ? std::max(1, n / (2 * batch)) : 1;
  // Popov's first extrapolation point is the start.
  if (method == FirstOrderMethod::kOptimistic && options.resume == nullptr) op.evaluate(z.data(), fw.data());
  bool done = check(k);
  const bool anchored = method == FirstOrderMethod::kHalpern || method == FirstOrderMethod::kExtraAnchored ||
                        method == FirstOrderMethod::kVrHalpern;
  if (options.resume == nullptr) s.restart_residual = r.residual;
  while (!done && k < options.max_iterations) {
    if (options.control.should_stop()) {
      r.status = SolveStatus::kStopped;
      break;
    }
    switch (method) {
      case FirstOrderMethod::kProjectedGradient:
        op.evaluate(z.data(), f.data());
        step_from(op, z, -h, f, z);
        break;
      case FirstOrderMethod::kExtragradient:
        op.evaluate(z.data(), f.data());
        step_from(op, z, -h, f, w);
        op.evaluate(w.data(), fw.data());
        step_from(op, z, -h, fw, z);
        break;
      case FirstOrderMethod::kOptimistic:
        // w_k = P(z_k - h F(w_{k-1})), z_{k+1} = P(z_k - h F(w_k)); fw holds F(w_{k-1}).
        step_from(op, z, -h, fw, w);
        op.evaluate(w.data(), fw.data());
        step_from(op, z, -h, fw, z);
        break;
      case FirstOrderMethod::kHalpern: {
        // Inexact Halpern: z <- l z0 + (1 - l) J(z), J the resolvent of h(F + N_Z)
        // by fixed-point steps from the last resolvent point w.
        const double l = 1.0 / (static_cast<double>(j) + 2);
        if (k == 0) w = z;
        for (int t = resolvent_steps(j); t > 0; --t) {
          op.evaluate(w.data(), fw.data());
          step_from(op, z, -h, fw, w);
        }
        for (int i = 0; i < d; ++i) z[i] = l * z0[i] + (1 - l) * w[i];
        break;
      }
      case FirstOrderMethod::kExtraAnchored: {
        const double b = 1.0 / (static_cast<double>(j) + 2);
        op.evaluate(z.data(), f.data());
        for (int i = 0; i < d; ++i) w[i] = z[i] + b * (z0[i] - z[i]) - h * f[i];
        op.project(w.data());
        op.evaluate(w.data(), fw.data());
        for (int i = 0; i < d; ++i) z[i] = z[i] + b * (z0[i] - z[i]) - h * fw[i];
        op.project(z.data());
        break;
      }
      case FirstOrderMethod::kVrHalpern: {
        if (page) {
          // Algorithm 1 of Cai, Alacaoglu and Diakonikolas (2024): one-step
          // Halpern, z <- P(l z0 + (1 - l) z - h g), l = 2/(j+4), on the
          // PAGE estimate g of F(z): a full pass always for j <= 1, then
          // with probability 4/(j+4) while j - 1 <= sqrt(n), 4/(sqrt(n)+5)
          // after; otherwise g += the batch mean of F_s(z) - F_s(z_prev).
          const double l = 2.0 / (static_cast<double>(j) + 4);
          const double root_n = std::sqrt(static_cast<double>(n));
          const double refresh = j <= 1 ? 1 : (static_cast<double>(j) - 1 <= root_n ? 4.0 / (static_cast<double>(j) + 4) : 4.0 / (root_n + 5));
          sample_batch(k);
          if (refresh >= 1 || std::uniform_real_distribution<double>(0, 1)(rng) < refresh) {
            op.evaluate(z.data(), g.data());
          } else {
            for (int s = 0; s < batch; ++s) {
              op.evaluate_component(order[s], z.data(), gi.data());
              op.evaluate_component(order[s], prev.data(), gj.data());
              for (int i = 0; i < d; ++i) g[i] += (gi[i] - gj[i]) / batch;
            }
          }
          prev = z;
          for (int i = 0; i < d; ++i) z[i] = l * z0[i] + (1 - l) * z[i] - h * g[i];
          op.project(z.data());
          break;
        }
        // Inexact Halpern as above, its resolvent's fixed-point steps on a
        // loopless-SVRG estimate of F: a full pass at a reference point,
        // then per step F(ref) + the mean over a batch of about sqrt(n)
        // components (sampled without replacement) of F_j(w) - F_j(ref),
        // the reference moving to w with probability b / n.
        const double l = 1.0 / (static_cast<double>(j) + 2);
        if (k == 0) w = z;
        prev = w;
        op.evaluate(prev.data(), g.data());
        const int steps = resolvent_steps(j) * std::max(1, n / batch) / 2;
        for (int t = 0; t < steps; ++t) {
          fw = g;
          sample_batch((k << 32) | t);
          for (int s = 0; s < batch; ++s) {
            op.evaluate_component(order[s], w.data(), gi.data());
            op.evaluate_component(order[s], prev.data(), gj.data());
            for (int i = 0; i < d; ++i) fw[i] += (gi[i] - gj[i]) / batch;
          }
          step_from(op, z, -h, fw, w);
          if (std::uniform_real_distribution<double>(0, 1)(rng) < static_cast<double>(batch) / n) {
            prev = w;
            op.evaluate(prev.data(), g.data());
          }
        }
        for (int i = 0; i < d; ++i) z[i] = l * z0[i] + (1 - l) * w[i];
        break;
      }
    }
    ++j;
    ++k;
    if (k % check_every == 0) {
      done = check(k);
      // Anchored methods restart from the current point each time the
      // residual halves: linear convergence on sharp problems (matrix games,
      // LPs) instead of O(1/k).
      if (anchored && r.residual <= s.restart_residual / 2) {
        z0 = z;
        j = 0;
        s.restart_residual = r.residual;
        ++s.restarts;
      }
    }
    if (options.checkpoint) {
      s.component_calls = method_calls();
      options.checkpoint(s, false);
    }
  }
  if (!done && r.status != SolveStatus::kStopped) {
    done = check(k);
    if (!done) r.status = SolveStatus::kLimitReached;
  }
  s.component_calls = method_calls();
  if (options.checkpoint) options.checkpoint(s, true);
  r.iterations = k;
  r.component_calls = s.component_calls;
  r.restarts = s.restarts;
  r.z = z;
  return r;
}

}  // namespace equilibria::vi
