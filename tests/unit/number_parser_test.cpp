#include "equilibria/io/number_parser.hpp"

#include <gtest/gtest.h>

namespace equilibria {
namespace {

Rational parsed(const std::string& text) {
  Rational q;
  std::string why;
  EXPECT_TRUE(parse_rational(text, q, &why)) << text << ": " << why;
  return q;
}

std::string refusal(const std::string& text) {
  Rational q;
  std::string why;
  EXPECT_FALSE(parse_rational(text, q, &why)) << text;
  return why;
}

TEST(NumberParser, ReadsIntegersOfAnySize) {
  EXPECT_EQ(parsed("0"), 0);
  EXPECT_EQ(parsed("-17"), -17);
  EXPECT_EQ(parsed("+5"), 5);
  EXPECT_EQ(to_string(parsed("123456789012345678901234567890")), "123456789012345678901234567890");
}

TEST(NumberParser, ReadsDecimalsExactly) {
  EXPECT_EQ(parsed("0.25"), Rational(1, 4));
  EXPECT_EQ(parsed("-1.5"), Rational(-3, 2));
  EXPECT_EQ(parsed("0.1"), Rational(1, 10));  // not the double nearest 0.1
  EXPECT_EQ(parsed(".5"), Rational(1, 2));
  EXPECT_EQ(parsed("2."), 2);
  EXPECT_EQ(parsed("0.000000"), 0);
}

TEST(NumberParser, ReadsExponents) {
  EXPECT_EQ(parsed("1e3"), 1000);
  EXPECT_EQ(parsed("1E-3"), Rational(1, 1000));
  EXPECT_EQ(parsed("-2.5e+2"), -250);
}

TEST(NumberParser, ReadsFractionsInLowestTerms) {
  EXPECT_EQ(to_string(parsed("2/4")), "1/2");
  EXPECT_EQ(parsed("-3/9"), Rational(-1, 3));
  EXPECT_EQ(to_string(parsed("10/5")), "2");
}

TEST(NumberParser, RefusesWhatIsNotAFiniteNumber) {
  EXPECT_NE(refusal("nan").find("not a finite number"), std::string::npos);
  EXPECT_NE(refusal("-Inf").find("not a finite number"), std::string::npos);
  EXPECT_NE(refusal("1/0").find("zero denominator"), std::string::npos);
  EXPECT_NE(refusal("1e99999").find("exponent out of range"), std::string::npos);
  EXPECT_NE(refusal("1e1001").find("exponent out of range"), std::string::npos);
  for (const char* bad : {"", "-", ".", "e5", "1e", "1.2.3", "1/2/3", "1/-2", "0x10", "abc", "1,5"}) {
    EXPECT_NE(refusal(bad).find("bad number"), std::string::npos) << bad;
  }
}

TEST(RationalFormatting, IsCanonical) {
  EXPECT_EQ(to_string(Rational(3, 2) - Rational(1, 2)), "1");
  EXPECT_EQ(to_string(Rational(-1, 3)), "-1/3");
}

}  // namespace
}  // namespace equilibria
