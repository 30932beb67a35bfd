#include "equilibria/io/profile_reader.hpp"

#include <gtest/gtest.h>

#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

const std::vector<int> kCounts{3, 2};

TEST(ProfileReader, ReadsExactJson) {
  const auto in = read_profiles(R"({"strategies": [["1/2", "1/2", "0"], ["1", "0"]]})", "p.json", kCounts);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_TRUE(in[0].exact);
  EXPECT_EQ(in[0].profile.player(0)[1], Rational(1, 2));
}

TEST(ProfileReader, ReadsSolveOutputAndBareLists) {
  const auto all = read_profiles(
      R"({"equilibria": [{"strategies": [["1","0","0"],["0","1"]]}, {"strategies": [["0","0","1"],["1","0"]]}]})",
      "out.json", kCounts);
  EXPECT_EQ(all.size(), 2u);
  const auto bare = read_profiles(R"([[0.5, 0.5, 0], [1, 0]])", "p.json", kCounts);
  EXPECT_FALSE(bare[0].exact);  // JSON numbers are floating
}

TEST(ProfileReader, ReadsGambitLines) {
  const auto in = read_profiles("NE,1/3,2/3,0,1,0\n\n# comment\nNE,0.3333333,0.6666666,0,0,1\n", "p.txt", kCounts);
  ASSERT_EQ(in.size(), 2u);
  EXPECT_TRUE(in[0].exact);
  EXPECT_EQ(in[0].line, 1);
  EXPECT_FALSE(in[1].exact);  // rounded decimals: approximate
  EXPECT_EQ(in[1].line, 4);
}

void expect_refused(const std::string& text, int line, const std::string& cause) {
  try {
    read_profiles(text, "p", kCounts);
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_NE(e.cause().find(cause), std::string::npos) << e.what();
  }
}

TEST(ProfileReader, RefusesBadProfiles) {
  expect_refused("NE,1,0,0,1\n", 1, "4 probabilities; the game has 5");
  expect_refused("\nNE,1,0,0,1,1\n", 2, "player 2's probabilities sum to 2");
  expect_refused("NE,2,-1,0,1,0\n", 1, "negative probability for player 1");
  expect_refused("NE,x,0,0,1,0\n", 1, "bad number 'x'");
  expect_refused("{\"strategies\": [[1,0,0]]}", 1, "one probability vector per player");
  expect_refused("{\"strategies\": [[1,0],[1,0]]}", 1, "player 1 needs 3 probabilities");
  expect_refused("{\n\"strategies\": [[1,0,0],\n[1,0]\n", 4, "invalid JSON");
  expect_refused("{\"strategies\": [[true,0,0],[1,0]]}", 1, "a probability must be a number");
  expect_refused("", 1, "no profile found");
}

}  // namespace
}  // namespace equilibria
