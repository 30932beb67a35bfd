#pragma once
// Exact solution of a square linear system, by integer-preserving
// (fraction-free) Gauss-Jordan elimination on GMP integers. Used to turn a
// basis found in floating point into the exact point it defines.
#include <optional>
#include <vector>

#include "equilibria/core/rational.hpp"
#include "equilibria/core/solve_control.hpp"

namespace equilibria {

// Solves M z = rhs, M given row-major as k x k. nullopt when M is singular,
// or when `control` (polled once per pivot) says stop.
std::optional<std::vector<Rational>> solve_exact(const std::vector<Rational>& matrix, const std::vector<Rational>& rhs,
                                                 int k, const SolveControl& control = {});

}  // namespace equilibria
