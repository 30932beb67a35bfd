#include "json_locator.hpp"

#include <cctype>

namespace equilibria {
namespace {

class Walker {
 public:
  explicit Walker(std::string_view text) : text_(text) {}

  int locate(const std::vector<JsonStep>& path) {
    skip_space();
    for (const JsonStep& step : path) {
      if (!enter(step)) break;
    }
    return line_;
  }

 private:
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  void advance() {
    if (at_ < text_.size() && text_[at_] == '\n') ++line_;
    ++at_;
  }
  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) advance();
  }
  // Past the space and comma after a value, to the next element or the close.
  void skip_separator() {
    skip_space();
    if (peek() == ',') advance();
    skip_space();
  }
  // A string's contents, escapes kept as written (keys are compared raw).
  std::string read_string() {
    std::string s;
    advance();  // opening quote
    while (at_ < text_.size() && peek() != '"') {
      if (peek() == '\\') {
        s += peek();
        advance();
      }
      s += peek();
      advance();
    }
    advance();
    return s;
  }
  void skip_value() {
    skip_space();
    const char c = peek();
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      advance();
      skip_space();
      while (at_ < text_.size() && peek() != close) {
        if (c == '{') {
          read_string();
          skip_space();
          advance();  // ':'
        }
        skip_value();
        skip_separator();
      }
      advance();
    } else {
      while (at_ < text_.size() && std::string_view(",}] \t\r\n").find(peek()) == std::string_view::npos) advance();
    }
  }
  // Moves to the start of the child named by `step`; false (staying at the
  // container, whose line is then the answer) when there is none.
  bool enter(const JsonStep& step) {
    skip_space();
    const std::size_t container_at = at_;
    const int container_line = line_;
    if (find_child(step)) return true;
    at_ = container_at;
    line_ = container_line;
    return false;
  }
  bool find_child(const JsonStep& step) {
    const char c = peek();
    if (c == '{' && std::holds_alternative<std::string>(step)) {
      advance();
      skip_space();
      while (peek() == '"') {
        const std::string key = read_string();
        skip_space();
        advance();  // ':'
        skip_space();
        if (key == std::get<std::string>(step)) return true;
        skip_value();
        skip_separator();
      }
      return false;
    }
    if (c == '[' && std::holds_alternative<std::size_t>(step)) {
      advance();
      skip_space();
      for (std::size_t i = 0; peek() != ']' && at_ < text_.size(); ++i) {
        if (i == std::get<std::size_t>(step)) return true;
        skip_value();
        skip_separator();
      }
      return false;
    }
    return false;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
};

}  // namespace

int json_line(std::string_view text, const std::vector<JsonStep>& path) { return Walker(text).locate(path); }

}  // namespace equilibria
