// Reads a two-player zero-sum game in Gambit's .nfg format, solves it by
// linear programming and prints the minimax strategies, the value and the
// exact certificate (every player's regret, zero at an equilibrium).
#include <exception>
#include <iostream>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/lp/zero_sum_lp.hpp"
#include "equilibria/verify/regret.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " GAME.nfg\n";
    return 2;
  }
  try {
    const equilibria::StrategicGame game = equilibria::read_nfg_file(argv[1]);
    const equilibria::ZeroSumLpResult result = equilibria::solve_zero_sum_lp(game, {});
    const auto certificate = equilibria::certify(game, result.profile);

    for (int p = 0; p < game.num_players(); ++p) {
      std::cout << game.player_label(p) << ":";
      for (int s = 0; s < game.num_strategies(p); ++s)
        std::cout << " " << game.strategy_label(p, s) << "=" << equilibria::to_string(result.profile.player(p)[s]);
      std::cout << "\n";
    }
    std::cout << "value " << equilibria::to_string(result.value) << "\n";
    std::cout << "max regret " << equilibria::to_string(certificate.max_regret) << "\n";
  } catch (const equilibria::InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {  // not two-player constant-sum
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 2;
  }
}
