#pragma once
// What every harness accepts from a reader: success, or InputError with a
// one-line message. Anything else (another exception, a broken invariant)
// aborts, which libFuzzer reports as a finding beside sanitizer reports,
// timeouts and memory blow-ups.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "equilibria/core/input_error.hpp"

namespace equilibria::fuzz {

[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "FINDING: %s\n", what.c_str());
  std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void check_message(const std::string& message) {
  if (message.empty()) finding("empty error message");
  if (message.find_first_of("\r\n") != std::string::npos) finding("error message is not one line: " + message);
}

// Regrets are gains of best deviations: never negative, at any profile.
template <class Regrets>
void check_regrets(const Regrets& regrets, const std::string& profile) {
  for (const auto& r : regrets) {
    if (r < 0) finding("negative regret on the " + profile);
  }
}

// Runs `read`; returns true when it succeeded, false on a clean InputError.
template <class F>
bool accepts(F&& read) {
  try {
    read();
    return true;
  } catch (const InputError& e) {
    check_message(e.what());
    return false;
  } catch (const std::exception& e) {
    finding(std::string("exception other than InputError: ") + e.what());
  } catch (...) {
    finding("non-standard exception");
  }
}

}  // namespace equilibria::fuzz
