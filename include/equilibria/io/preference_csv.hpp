#pragma once
// Pairwise comparisons (votes, human-feedback preferences) read from CSV as
// the symmetric zero-sum "margin game": both players pick an alternative and
// the row player wins the margin M[a][b] = #(a preferred to b) - #(b to a).
// Its equilibrium strategies are the maximal lotteries (Fishburn), the
// solution used in social choice and in Nash learning from human feedback.
//
// Each line: winner,loser[,count] (count a positive number, default 1);
// blank lines and lines starting with '#' are skipped; a first line whose
// count field is not a number is taken as a header.
#include <string>
#include <string_view>

#include "equilibria/games/strategic_game.hpp"

namespace equilibria {

// Throws InputError naming file, line and cause.
StrategicGame read_preference_csv(std::string_view text, const std::string& file);

}  // namespace equilibria
