#pragma once
// Reads a number written in a game file exactly: integers, decimals with an
// optional exponent ("0.25", "1e-3") and fractions ("-3/4"). NaN, infinity
// and exponents beyond +-kMaxDecimalExponent are refused.
#include <string>
#include <string_view>

#include "equilibria/core/rational.hpp"

namespace equilibria {

inline constexpr int kMaxDecimalExponent = 1000;

// Returns false and sets *why when `text` is not a number.
bool parse_rational(std::string_view text, Rational& out, std::string* why);

}  // namespace equilibria
