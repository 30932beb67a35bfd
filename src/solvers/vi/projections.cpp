#include "equilibria/solvers/vi/projections.hpp"

#include <algorithm>
#include <functional>
#include <vector>

namespace equilibria::vi {

void project_to_simplex(double* x, int k) {
  // The threshold t with sum_i max(x_i - t, 0) = 1: found on the sorted values.
  thread_local std::vector<double> sorted;
  sorted.assign(x, x + k);
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  double sum = 0, t = 0;
  for (int i = 0; i < k; ++i) {
    sum += sorted[i];
    const double candidate = (sum - 1) / (i + 1);
    if (i + 1 == k || sorted[i + 1] <= candidate) {
      t = candidate;
      break;
    }
  }
  for (int i = 0; i < k; ++i) x[i] = std::max(x[i] - t, 0.0);
}

void project_to_box(double* x, int k, double lo, double hi) {
  for (int i = 0; i < k; ++i) x[i] = std::clamp(x[i], lo, hi);
}

}  // namespace equilibria::vi
