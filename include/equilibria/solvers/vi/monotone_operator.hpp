#pragma once
// A monotone inclusion 0 in F(z) + N_Z(z): the operator F on R^d, given as a
// finite sum F = (1/n) sum_i F_i, and the closed convex set Z by its
// projection. Evaluations are counted in component calls (a full F counts
// n), the unit of the literature's complexity bounds. Solvers call these a
// few times per iteration on whole vectors, never per entry.
#include <cstdint>
#include <vector>

namespace equilibria::vi {

class MonotoneOperator {
 public:
  virtual ~MonotoneOperator() = default;

  virtual int dimension() const = 0;
  // n; 1 for an operator given only whole.
  virtual int num_components() const = 0;

  // out = F(z) (n component calls).
  void evaluate(const double* z, double* out) const {
    calls_ += num_components();
    evaluate_full(z, out);
  }
  // out = F_i(z) (one component call).
  void evaluate_component(int i, const double* z, double* out) const {
    ++calls_;
    evaluate_one(i, z, out);
  }
  // z <- P_Z(z), the Euclidean projection.
  virtual void project(double* z) const = 0;
  // An upper estimate of F's Lipschitz constant, and of the components'
  // mean-square one (sqrt((1/n) sum_i L_i^2)), for step sizes.
  virtual double lipschitz() const = 0;
  virtual double component_lipschitz() const = 0;
  // True when F is 1/lipschitz()-cocoercive (the gradient of a smooth convex
  // function, by Baillon-Haddad): vr-halpern then runs the paper's
  // Algorithm 1, which needs it.
  virtual bool cocoercive() const { return false; }
  // A point of Z to start from.
  virtual std::vector<double> start() const = 0;

  std::int64_t component_calls() const { return calls_; }

 protected:
  virtual void evaluate_full(const double* z, double* out) const = 0;
  virtual void evaluate_one(int i, const double* z, double* out) const = 0;

 private:
  mutable std::int64_t calls_ = 0;
};

}  // namespace equilibria::vi
