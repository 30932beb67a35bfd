#pragma once
// The cause in one of nlohmann's exceptions, for an InputError's message.
#include <nlohmann/json.hpp>
#include <string>

namespace equilibria {

// e.what() without its "[json.exception.NAME] " prefix.
inline std::string json_error_cause(const nlohmann::json::exception& e) {
  const std::string what = e.what();
  const std::size_t end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

}  // namespace equilibria
