#pragma once
// Exact rationals (GMP) and the number traits that let one template serve
// both exact and floating-point arithmetic.
#include <gmpxx.h>

#include <span>
#include <string>

namespace equilibria {

using Rational = mpq_class;

// "a/b", or "a" when the denominator is 1; always canonical.
std::string to_string(const Rational& q);

// The simplest fraction (continued fractions, denominator at most 10^8)
// within 1e-10 * max(1, |v|) of v; 0 for |v| <= 1e-12. Used to guess the
// exact value behind a floating answer, which is then verified exactly.
Rational simple_fraction(double v);

// The rational with the least denominator in [lo, hi] (lo <= hi), by
// continued fractions: the best exact guess at a value known to lie there.
Rational simplest_between(const Rational& lo, const Rational& hi);

// Floating methods see payoffs scaled by 2^-e, with e the least exponent
// that brings every |value| to at most 2^kMaxFloatingMagnitudeLog2 (0 for
// ordinary games). Sums of payoffs then stay finite in doubles, and nothing
// that floating methods compute (equilibria of any kind) depends on the scale.
inline constexpr int kMaxFloatingMagnitudeLog2 = 128;
int double_scale_exponent(std::span<const Rational> values);
// v * 2^-exponent rounded to a double.
double scaled_double(const Rational& v, int exponent);
// q * 2^exponent, exactly (any sign of exponent).
Rational times_power_of_two(const Rational& q, int exponent);

template <class T>
struct Number;

template <>
struct Number<double> {
  static constexpr bool exact = false;
  static double from(const Rational& q) { return q.get_d(); }
  static double to_double(double x) { return x; }
};

template <>
struct Number<Rational> {
  static constexpr bool exact = true;
  static const Rational& from(const Rational& q) { return q; }
  static double to_double(const Rational& q) { return q.get_d(); }
};

}  // namespace equilibria
