#include "equilibria/solvers/no_regret/learner_step.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace equilibria {

void regret_match(const double* r, int k, double* x) {
  double total = 0;
  for (int a = 0; a < k; ++a) total += x[a] = r[a] > 0 ? r[a] : 0.0;
  for (int a = 0; a < k; ++a) x[a] = total > 0 ? x[a] / total : 1.0 / k;
}

void softmax(const double* score, int k, double eta, double* x) {
  double top = score[0];
  for (int a = 1; a < k; ++a) top = std::max(top, score[a]);
  double total = 0;
  for (int a = 0; a < k; ++a) total += x[a] = std::exp(eta * (score[a] - top));
  for (int a = 0; a < k; ++a) x[a] /= total;
}

void external_regret_step(Learner learner, const double* value, int k, double eta, double* cumulative, double* scores,
                          double* mix) {
  double expected = 0;
  for (int a = 0; a < k; ++a) expected += mix[a] * value[a];
  switch (learner) {
    case Learner::kRegretMatching:
    case Learner::kRegretMatchingPlus:
      for (int a = 0; a < k; ++a) {
        cumulative[a] += value[a] - expected;
        if (learner == Learner::kRegretMatchingPlus && cumulative[a] < 0) cumulative[a] = 0;
      }
      regret_match(cumulative, k, mix);
      return;
    case Learner::kHedge:
    case Learner::kOptimisticHedge:
      for (int a = 0; a < k; ++a) {
        cumulative[a] += value[a];
        // Optimism: count the last payoff twice (the prediction of the next).
        scores[a] = cumulative[a] + (learner == Learner::kOptimisticHedge ? value[a] : 0.0);
      }
      softmax(scores, k, eta, mix);
      return;
    case Learner::kSwapRegret:
      break;
  }
  throw std::invalid_argument("swap regret is not an external-regret step");
}

}  // namespace equilibria
