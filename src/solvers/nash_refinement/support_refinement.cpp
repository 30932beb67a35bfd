#include "support_refinement.hpp"

#include <algorithm>

#include "../bimatrix/best_response_polytope.hpp"
#include "equilibria/games/bimatrix.hpp"
#include "equilibria/verify/probability_check.hpp"
#include "equilibria/verify/regret.hpp"

namespace equilibria {

using Vec = ScaledGame::Vec;
using Mat = ScaledGame::Mat;

Support support_of(const ScaledGame& sg, const Vec& x, double threshold) {
  Support support(sg.players());
  for (int i = 0; i < sg.players(); ++i) {
    for (int s = 0; s < sg.count(i); ++s) {
      if (x[sg.begin(i) + s] > threshold) support[i].push_back(s);
    }
  }
  return support;
}

std::optional<MixedProfile<Rational>> refine_on_support(const ScaledGame& sg, const Vec& x, const Support& support,
                                                        bool& exact, bool least_squares_fallback) {
  const StrategicGame& game = sg.game();
  exact = false;
  // Kept when it is a distribution whose regret is below 1e-9 of the payoff
  // range (in doubles). Least-squares steps are tried only when LU's answer
  // left the simplex: on a face of solutions LU lands anywhere on it, while a
  // support that is simply wrong fails on regret either way.
  const MarginalPayoffs payoffs = [&sg](const Vec& z, Vec& u, Mat& d) { sg.evaluate(z, u, &d); };
  std::optional<Vec> solved;
  for (bool least_squares : {false, true}) {
    if (least_squares && !least_squares_fallback) break;
    bool converged = false;  // judged below by the answer's regret instead
    solved = newton_on_support(sg, payoffs, x, support, 1.0, least_squares, converged);
    if (!solved) continue;
    const bool inside = solved->minCoeff() >= -1e-12;
    if (inside && certify(game, sg.profile(solved->cwiseMax(0.0))).max_regret <= 1e-9 * sg.range()) break;
    solved.reset();
    if (inside) break;
  }
  if (!solved) return std::nullopt;
  const MixedProfile<double> candidate = sg.profile(solved->cwiseMax(0.0));
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

}  // namespace equilibria
