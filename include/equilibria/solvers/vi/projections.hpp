#pragma once
// Euclidean projections onto the sets first-order methods constrain to.
namespace equilibria::vi {

// x <- argmin_{p in simplex} ||p - x||: the sort-based O(k log k) method
// (Held, Wolfe and Crowder 1974).
void project_to_simplex(double* x, int k);

// x <- clamp(x, lo, hi) entrywise.
void project_to_box(double* x, int k, double lo, double hi);

}  // namespace equilibria::vi
