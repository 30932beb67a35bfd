#include "equilibria/solvers/support/support_enumeration.hpp"

#include "../bimatrix/best_response_polytope.hpp"
#include "equilibria/games/bimatrix.hpp"

namespace equilibria {
namespace {

using bimatrix::Side;

// Strictly positive on `support` and inside the polytope (a best response).
bool valid(const Bimatrix& g, Side side, const std::vector<Rational>& z, const std::vector<int>& support) {
  for (int s : support) {
    if (z[s] <= 0) return false;
  }
  const bool row = side == Side::kRow;
  const int constraints = row ? g.n : g.m;
  Rational lhs;
  for (int r = 0; r < constraints; ++r) {
    lhs = 0;
    for (int s : support) lhs += (row ? g.B(s, r) : g.A(r, s)) * z[s];
    if (lhs > 1) return false;
  }
  return true;
}

// Calls visit(subset) for every k-subset of {0..n-1}, in lexicographic order;
// stops early when visit returns false.
template <class Visit>
bool for_each_subset(int n, int k, Visit visit) {
  std::vector<int> s(k);
  for (int i = 0; i < k; ++i) s[i] = i;
  while (true) {
    if (!visit(s)) return false;
    int i = k - 1;
    while (i >= 0 && s[i] == n - k + i) --i;
    if (i < 0) return true;
    ++s[i];
    for (int j = i + 1; j < k; ++j) s[j] = s[j - 1] + 1;
  }
}

}  // namespace

SolveStatus support_enumeration(const StrategicGame& game, const SupportEnumerationOptions& options,
                                const std::function<void(const MixedProfile<Rational>&)>& found) {
  const Bimatrix g = shifted_positive(bimatrix_of(game));
  for (int k = 1; k <= std::min(g.m, g.n); ++k) {
    const bool finished = for_each_subset(g.m, k, [&](const std::vector<int>& rows) {
      if (options.control.should_stop()) return false;
      return for_each_subset(g.n, k, [&](const std::vector<int>& columns) {
        // x on `rows` makes the column player indifferent on `columns`; y likewise.
        const auto x = bimatrix::exact_vertex(g, Side::kRow, rows, columns);
        if (!x || !valid(g, Side::kRow, *x, rows)) return true;
        const auto y = bimatrix::exact_vertex(g, Side::kColumn, columns, rows);
        if (!y || !valid(g, Side::kColumn, *y, columns)) return true;
        found(bimatrix::normalised_profile(*x, *y));
        return true;
      });
    });
    if (!finished) return SolveStatus::kStopped;
  }
  return SolveStatus::kComplete;
}

}  // namespace equilibria
