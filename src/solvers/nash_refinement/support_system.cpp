#include "support_system.hpp"

namespace equilibria {

using Vec = ScaledGame::Vec;
using Mat = ScaledGame::Mat;

SupportSystem support_system(const ScaledGame& layout, const MarginalPayoffs& marginal, const Vec& z,
                             const Support& support, double scale) {
  SupportSystem sys;
  for (int i = 0; i < layout.players(); ++i) {
    for (int s : support[i]) sys.var.push_back(layout.begin(i) + s);
  }
  const int n = static_cast<int>(sys.var.size());
  Vec g;
  Mat j;
  marginal(z, g, j);
  sys.f.resize(n);
  sys.jacobian = Mat::Zero(n, n);
  int row = 0;
  for (int i = 0; i < layout.players(); ++i) {
    const int b = layout.begin(i), base = b + support[i][0];
    sys.f[row] = -1;
    for (int s : support[i]) sys.f[row] += z[b + s];
    for (int c = 0; c < n; ++c) sys.jacobian(row, c) = sys.var[c] >= b && sys.var[c] < b + layout.count(i) ? 1 : 0;
    ++row;
    for (std::size_t k = 1; k < support[i].size(); ++k) {
      const int r = b + support[i][k];
      sys.f[row] = (g[r] - g[base]) / scale;
      for (int c = 0; c < n; ++c) sys.jacobian(row, c) = (j(r, sys.var[c]) - j(base, sys.var[c])) / scale;
      ++row;
    }
  }
  return sys;
}

std::optional<Vec> newton_on_support(const ScaledGame& layout, const MarginalPayoffs& marginal, const Vec& x,
                                     const Support& support, double scale, bool least_squares, bool& converged) {
  converged = false;
  // A player with an empty support has no indifference equations (the
  // guess came from a point that lost every strategy, e.g. to NaN).
  for (const auto& s : support) {
    if (s.empty()) return std::nullopt;
  }
  Vec z = Vec::Zero(layout.size());
  for (int i = 0; i < layout.players(); ++i) {
    for (int s : support[i]) z[layout.begin(i) + s] = x[layout.begin(i) + s];
  }
  for (int it = 0; it < 30; ++it) {
    const SupportSystem sys = support_system(layout, marginal, z, support, scale);
    if (sys.f.norm() < 1e-14) break;
    const Vec step = least_squares ? Vec(sys.jacobian.completeOrthogonalDecomposition().solve(-sys.f))
                                   : Vec(sys.jacobian.partialPivLu().solve(-sys.f));
    if (!step.allFinite()) return std::nullopt;
    for (std::size_t c = 0; c < sys.var.size(); ++c) z[sys.var[c]] += step[static_cast<Eigen::Index>(c)];
    if (step.norm() < 1e-14) break;
  }
  converged = support_system(layout, marginal, z, support, scale).f.norm() < 1e-11;
  return z;
}

}  // namespace equilibria
