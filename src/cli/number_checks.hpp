#pragma once
// Checks for floating-point options. CLI11's Range and NonNegativeNumber let
// NaN through (every comparison with NaN is false) and accept infinities, so
// every double option of the CLI is checked here instead.
#include <CLI/CLI.hpp>

#include <cmath>
#include <string>

namespace equilibria::cli {

// A finite number in [lo, hi].
inline CLI::Validator finite_in(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        double x = 0;
        if (!CLI::detail::lexical_cast(text, x) || !std::isfinite(x)) return "'" + text + "' is not a finite number";
        if (!(x >= lo && x <= hi)) {
          return "'" + text + "' is outside [" + CLI::detail::to_string(lo) + ", " + CLI::detail::to_string(hi) + "]";
        }
        return {};
      },
      "FINITE");
}

inline CLI::Validator finite_non_negative() { return finite_in(0, HUGE_VAL); }
inline CLI::Validator finite_number() { return finite_in(-HUGE_VAL, HUGE_VAL); }

}  // namespace equilibria::cli
