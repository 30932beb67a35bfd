#include "equilibria/core/rational.hpp"

#include <algorithm>
#include <cmath>

namespace equilibria {

std::string to_string(const Rational& q) { return q.get_str(10); }

int double_scale_exponent(std::span<const Rational> values) {
  long most = 0;  // the largest floor(log2 |v|) + 1 over the values
  for (const auto& v : values) {
    if (sgn(v) == 0) continue;
    // |v| < 2^(bits(num) - bits(den) + 1)
    const long bits = static_cast<long>(mpz_sizeinbase(v.get_num_mpz_t(), 2)) -
                      static_cast<long>(mpz_sizeinbase(v.get_den_mpz_t(), 2)) + 1;
    most = std::max(most, bits);
  }
  return static_cast<int>(std::max(0L, most - kMaxFloatingMagnitudeLog2));
}

double scaled_double(const Rational& v, int exponent) {
  if (exponent == 0) return v.get_d();
  Rational scaled;
  mpq_div_2exp(scaled.get_mpq_t(), v.get_mpq_t(), static_cast<mp_bitcnt_t>(exponent));
  return scaled.get_d();
}

Rational times_power_of_two(const Rational& q, int exponent) {
  Rational out;
  if (exponent >= 0) {
    mpq_mul_2exp(out.get_mpq_t(), q.get_mpq_t(), static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpq_div_2exp(out.get_mpq_t(), q.get_mpq_t(), static_cast<mp_bitcnt_t>(-exponent));
  }
  return out;
}

Rational simple_fraction(double v) {
  if (std::abs(v) <= 1e-12 || !std::isfinite(v)) return Rational(0);
  const bool negative = v < 0;
  const double target = std::abs(v), tolerance = 1e-10 * std::max(1.0, target);
  long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
  double x = target;
  for (int step = 0; step < 64; ++step) {
    const double a = std::floor(x);
    if (a > 1e15) break;
    const long h2 = static_cast<long>(a) * h1 + h0, k2 = static_cast<long>(a) * k1 + k0;
    if (k2 > 100'000'000) break;
    h0 = h1, h1 = h2, k0 = k1, k1 = k2;
    if (std::abs(static_cast<double>(h1) / static_cast<double>(k1) - target) <= tolerance) break;
    const double frac = x - a;
    if (frac < 1e-15) break;
    x = 1 / frac;
  }
  Rational q(negative ? -h1 : h1, k1);
  q.canonicalize();
  return q;
}

Rational simplest_between(const Rational& lo, const Rational& hi) {
  if (sgn(lo) <= 0 && sgn(hi) >= 0) return Rational(0);
  if (sgn(hi) < 0) return -simplest_between(-hi, -lo);
  // 0 < lo <= hi: peel the common integer part, recurse on the reciprocals.
  mpz_class whole;
  mpz_fdiv_q(whole.get_mpz_t(), lo.get_num_mpz_t(), lo.get_den_mpz_t());
  const Rational floor_lo(whole);
  if (floor_lo == lo) return lo;
  if (floor_lo + 1 <= hi) return floor_lo + 1;
  const Rational inner = simplest_between(1 / Rational(hi - floor_lo), 1 / Rational(lo - floor_lo));
  return floor_lo + 1 / inner;
}

}  // namespace equilibria
