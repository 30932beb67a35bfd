#pragma once
// All extreme equilibria of a two-player game: every vertex of each
// best-response polytope, then every completely labelled pair of vertices.
// Each equilibrium is recovered exactly from its bases and verified. Also the
// maximal cliques (maximal convex sets, conv(X) x conv(Y), of equilibria) and
// the connected components of the equilibrium set.
#include <functional>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/mixed_profile.hpp"
#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

enum class Arithmetic { kAuto, kDouble, kExact };

struct ExtremeEquilibriaOptions {
  SolveControl control;
  // kAuto: exact rationals for small games, doubles (with exact recovery,
  // verification and an exact re-run on any inconsistency) for larger ones.
  Arithmetic arithmetic = Arithmetic::kAuto;
  bool cliques = false;
};

struct EquilibriumClique {
  std::vector<int> row_vertices;     // indices into ExtremeEquilibriaReport::row_points
  std::vector<int> column_vertices;  // indices into column_points
};

struct ExtremeEquilibriaReport {
  SolveStatus status = SolveStatus::kComplete;
  std::size_t row_polytope_vertices = 0;
  std::size_t column_polytope_vertices = 0;
  bool exact_arithmetic = false;
  bool exact_rerun = false;
  // Normalised strategies of the equilibria's vertices, and each
  // equilibrium as (row point, column point).
  std::vector<std::vector<Rational>> row_points, column_points;
  std::vector<std::pair<int, int>> equilibria;
  std::vector<EquilibriumClique> cliques;       // when asked for
  std::vector<std::vector<int>> components;     // equilibrium indices, when cliques asked for
};

// Throws std::invalid_argument unless the game has two players, ResourceLimit
// when it has more than bimatrix::kMaxLabels (256) strategies in all.
ExtremeEquilibriaReport extreme_equilibria(const StrategicGame& game, const ExtremeEquilibriaOptions& options);

// Equilibria as profiles, in the report's order.
std::vector<MixedProfile<Rational>> equilibrium_profiles(const ExtremeEquilibriaReport& report);

}  // namespace equilibria
