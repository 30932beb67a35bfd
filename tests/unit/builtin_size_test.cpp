// Built-in trees are sized before they are built: the estimate matches the
// built tree, and trees too large for memory are refused with their size.
#include <gtest/gtest.h>

#include "equilibria/core/solve_errors.hpp"
#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/games/extensive/goofspiel.hpp"

namespace equilibria {
namespace {

void expect_size(const GameTree& tree, const TreeSize& size) {
  EXPECT_EQ(size.nodes, tree.num_nodes());
  EXPECT_EQ(size.infosets, tree.num_infosets());
}

TEST(BuiltinTreeSize, EstimatesMatchTheBuiltTrees) {
  for (int cards = 1; cards <= 4; ++cards) {
    SCOPED_TRACE(cards);
    expect_size(goofspiel(cards), goofspiel_size(cards));
  }
  expect_size(liars_dice(1, 3), liars_dice_size(1, 3));
  expect_size(liars_dice(2, 2), liars_dice_size(2, 2));
  expect_size(liars_dice(1, 6), liars_dice_size(1, 6));
  EXPECT_THROW(goofspiel_size(6), std::invalid_argument);
  EXPECT_THROW(liars_dice_size(3, 5), std::invalid_argument);
}

TEST(BuiltinTreeSize, TreesBeyondTheMemoryBudgetAreRefusedBeforeBuilding) {
  EXPECT_LE(builtin_tree_memory_budget(), kBuiltinTreeMemoryCap);
  // 8.5 million nodes (over 8 GiB) and 14.8 billion nodes.
  for (const char* spec : {"goofspiel(cards=5)", "liars_dice(dice=2,faces=6)"}) {
    SCOPED_TRACE(spec);
    try {
      builtin_game(spec);
      ADD_FAILURE() << "built";
    } catch (const ResourceLimit& e) {
      EXPECT_NE(std::string(e.what()).find("nodes"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("GiB"), std::string::npos) << e.what();
    }
  }
  EXPECT_NO_THROW(builtin_game("liars_dice(dice=1,faces=6)"));
}

}  // namespace
}  // namespace equilibria
