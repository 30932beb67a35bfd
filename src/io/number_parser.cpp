#include "equilibria/io/number_parser.hpp"

#include <cctype>
#include <cstdint>

namespace equilibria {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool fail(std::string* why, std::string cause) {
  if (why != nullptr) *why = std::move(cause);
  return false;
}

std::string lowered(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

}  // namespace

bool parse_rational(std::string_view text, Rational& out, std::string* why) {
  const std::string shown = "'" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...'" : "'");
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const std::string low = lowered(s);
  if (low == "nan" || low == "inf" || low == "infinity") return fail(why, "not a finite number: " + shown);

  if (const auto slash = s.find('/'); slash != std::string_view::npos) {
    const auto num = s.substr(0, slash), den = s.substr(slash + 1);
    if (!all_digits(num) || !all_digits(den)) return fail(why, "bad number " + shown);
    mpz_class n(std::string(num), 10), d(std::string(den), 10);
    if (d == 0) return fail(why, "zero denominator in " + shown);
    out = Rational(n, d);
    out.canonicalize();
    if (negative) out = -out;
    return true;
  }

  // Plain integers are the common case: skip the decimal machinery.
  if (all_digits(s) && s.size() <= 18) {
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    out = Rational(static_cast<long>(negative ? -v : v));
    return true;
  }

  std::size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view ex = s.substr(e + 1);
    bool ex_negative = false;
    if (!ex.empty() && (ex[0] == '+' || ex[0] == '-')) {
      ex_negative = ex[0] == '-';
      ex.remove_prefix(1);
    }
    if (!all_digits(ex)) return fail(why, "bad number " + shown);
    // The scale 10^|exponent| is allocated: bound what a file can ask for.
    if (ex.size() > 4) return fail(why, "exponent out of range in " + shown);
    for (char c : ex) exponent = exponent * 10 + (c - '0');
    if (exponent > kMaxDecimalExponent) return fail(why, "exponent out of range in " + shown);
    if (ex_negative) exponent = -exponent;
  }
  const std::size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
  if (whole.empty() && frac.empty()) return fail(why, "bad number " + shown);
  if ((!whole.empty() && !all_digits(whole)) || (!frac.empty() && !all_digits(frac))) {
    return fail(why, "bad number " + shown);
  }
  exponent -= static_cast<long>(frac.size());
  std::string digits(whole);
  digits.append(frac);
  const mpz_class n(digits, 10);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
  if (exponent >= 0) {
    out = Rational(n * scale);
  } else {
    out = Rational(n, scale);
    out.canonicalize();
  }
  if (negative) out = -out;
  return true;
}

}  // namespace equilibria
