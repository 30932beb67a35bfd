#pragma once
// The cause in one of nlohmann's exceptions, for an InputError's message.
#include <nlohmann/json.hpp>
#include <string>

#include "equilibria/core/input_error.hpp"

namespace equilibria {

// e.what() without its "[json.exception.NAME] " prefix.
inline std::string json_error_cause(const nlohmann::json::exception& e) {
  const std::string what = e.what();
  const std::size_t end = what.find("] ");
  return end == std::string::npos ? what : what.substr(end + 2);
}

// The parsed document, or an InputError naming the file and the line where
// parsing failed.
inline nlohmann::json parse_json_document(const std::string& text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    int line = 1;
    for (std::size_t i = 0; i < e.byte && i < text.size(); ++i) line += text[i] == '\n';
    throw InputError(file, line, "invalid JSON: " + json_error_cause(e));
  } catch (const nlohmann::json::exception& e) {
    throw InputError(file, 0, "invalid JSON: " + json_error_cause(e));
  }
}

}  // namespace equilibria
