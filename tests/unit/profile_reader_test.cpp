#include "equilibria/io/profile_reader.hpp"

#include <gtest/gtest.h>

#include "equilibria/core/input_error.hpp"
#include "test_games.hpp"

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

TEST(ProfileReader, NumbersBeyondTheDoubleRangeAreInputErrors) {
  // nlohmann throws out_of_range (not parse_error) for these: it escaped the reader.
  expect_refused(R"({"strategies": [[1e400, 0, 0], [1, 0]]})", 0, "number overflow");
  expect_refused(R"({"concept": "ce", "equilibria": [{"distribution": [{"profile": [0, 0], "probability": -1e999}]}]})",
                 0, "number overflow");
  // Written as a string, the same number is read exactly (and refused as no probability).
  expect_refused(R"({"strategies": [["1e400", "0", "0"], ["1", "0"]]})", 1, "sum to");
}

TEST(ProfileReader, OneRuleForJsonNumbersAndGambitDecimals) {
  // Decimals are floating in both notations (Gambit's "0.5" used to be exact,
  // JSON's 0.5 floating, so the same profile was judged two ways); integers
  // and fractions are exact in both.
  const auto line = read_profiles("NE,0.5,0.5,0,1,0\n", "p.txt", kCounts);
  const auto json = read_profiles(R"([[0.5, 0.5, 0], [1, 0]])", "p.json", kCounts);
  EXPECT_FALSE(line[0].exact);
  EXPECT_FALSE(json[0].exact);
  EXPECT_EQ(line[0].profile.flat(), json[0].profile.flat());
  const auto exact_line = read_profiles("NE,1/2,1/2,0,1,0\n", "p.txt", kCounts);
  const auto exact_json = read_profiles(R"([["1/2", "1/2", 0], [1, 0]])", "p.json", kCounts);
  EXPECT_TRUE(exact_line[0].exact);
  EXPECT_TRUE(exact_json[0].exact);
  EXPECT_EQ(exact_line[0].profile.flat(), exact_json[0].profile.flat());
  // solve's "exact": false makes rational strings approximate too (SPEC).
  EXPECT_FALSE(read_profiles(R"({"exact": false, "equilibria": [{"strategies": [["1", "0", "0"], ["0", "1"]]}]})",
                             "out.json", kCounts)[0]
                   .exact);
}

TEST(ProfileReader, ReadsCorrelatedAnswers) {
  const auto g = test::bimatrix({{0, 7}, {2, 6}}, {{0, 2}, {7, 6}});
  const auto in = read_distributions(
      R"({"concept": "ce", "exact": true, "equilibria": [{"distribution": [
            {"profile": [1, 1], "probability": "1/2"}, {"profile": [0, 1], "probability": "1/4"},
            {"profile": [1, 0], "probability": "1/4"}]}]})",
      "ce.json", g);
  ASSERT_TRUE(in.has_value());
  ASSERT_EQ(in->size(), 1u);
  EXPECT_TRUE((*in)[0].exact);
  EXPECT_EQ((*in)[0].kind, CorrelatedConcept::kCorrelated);
  EXPECT_EQ((*in)[0].probability[g.profile_index({1, 1})], Rational(1, 2));
  EXPECT_EQ((*in)[0].probability[g.profile_index({0, 0})], 0);
  // A learner's floating CCE: approximate, divided by its sum.
  const auto cce = read_distributions(
      R"({"concept": "cce", "exact": false, "equilibria": [{"distribution": [{"profile": [0, 1], "probability": 0.5000001},
            {"profile": [1, 0], "probability": 0.5}]}]})",
      "cce.json", g);
  ASSERT_TRUE(cce.has_value());
  ASSERT_EQ(cce->size(), 1u);
  EXPECT_FALSE((*cce)[0].exact);
  EXPECT_EQ((*cce)[0].probability[g.profile_index({0, 1})] + (*cce)[0].probability[g.profile_index({1, 0})], 1);
  // Nash answers are not distributions.
  EXPECT_FALSE(read_distributions(R"({"concept": "nash", "equilibria": []})", "n.json", g).has_value());
  EXPECT_FALSE(read_distributions("NE,1,0,0,1\n", "n.txt", g).has_value());
  auto refused = [&](const std::string& entries, const std::string& cause) {
    try {
      read_distributions(R"({"concept": "cce", "equilibria": [{"distribution": [)" + entries + "]}]}", "d.json", g);
      ADD_FAILURE() << "accepted: " << entries;
    } catch (const InputError& e) {
      EXPECT_NE(e.cause().find(cause), std::string::npos) << e.what();
    }
  };
  refused(R"({"profile": [0, 2], "probability": "1"})", "player 2's strategy must be an integer from 0 to 1");
  refused(R"({"profile": [0], "probability": "1"})", "one strategy per player");
  refused(R"({"profile": [0, 0], "probability": "3/2"}, {"profile": [1, 1], "probability": "-1/2"})", "negative");
  refused(R"({"profile": [0, 0], "probability": "1/2"}, {"profile": [0, 0], "probability": "1/2"})", "listed twice");
  refused(R"({"profile": [0, 0], "probability": "1/2"})", "sum to 0.5");
  refused(R"({"profile": [0, 0], "probability": true})", "a probability must be a number");
  refused("", "sum to 0");
}

}  // namespace
}  // namespace equilibria
