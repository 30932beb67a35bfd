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
    // A number beyond doubles (out_of_range 406) carries no position, only
    // its text: find that token outside strings.
    const std::string cause = json_error_cause(e);
    const std::size_t open = cause.find('\''), close = cause.rfind('\'');
    int line = 0;
    if (open != std::string::npos && close > open + 1) {
      const std::string token = cause.substr(open + 1, close - open - 1);
      bool in_string = false;
      for (std::size_t i = 0, at_line = 1; i < text.size() && line == 0; ++i) {
        const char c = text[i];
        if (in_string) {
          if (c == '\\') ++i;
          else if (c == '"') in_string = false;
        } else if (c == '"') {
          in_string = true;
        } else if (text.compare(i, token.size(), token) == 0) {
          line = static_cast<int>(at_line);
        }
        if (c == '\n') ++at_line;
      }
    }
    throw InputError(file, line, "invalid JSON: " + cause);
  }
}

}  // namespace equilibria
