#include "equilibria/io/tokenizer.hpp"

#include <cstdio>

#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_control(unsigned char c) { return (c < 0x20 && !is_space(c)) || c == 0x7f; }
bool ends_word(unsigned char c) { return is_space(c) || c == '{' || c == '}' || c == '"' || c == ','; }

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

}  // namespace

Tokenizer::Tokenizer(std::string_view text, std::string file_name) : text_(text), file_(std::move(file_name)) {
  current_ = scan();
}

Token Tokenizer::next() {
  Token t = std::move(current_);
  current_ = scan();
  return t;
}

void Tokenizer::fail(int line, const std::string& cause) const { throw InputError(file_, line, cause); }

std::string Tokenizer::describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::kLeftBrace: return "'{'";
    case Token::Kind::kRightBrace: return "'}'";
    case Token::Kind::kString: return "string \"" + t.text.substr(0, 40) + "\"";
    case Token::Kind::kWord: return "'" + t.text.substr(0, 40) + "'";
    case Token::Kind::kEnd: return "end of file";
  }
  return "token";
}

Token Tokenizer::scan() {
  while (pos_ < text_.size()) {
    const auto c = static_cast<unsigned char>(text_[pos_]);
    if (c == '\n') {
      ++line_;
      ++pos_;
    } else if (is_space(c) || c == ',') {
      ++pos_;
    } else {
      break;
    }
  }
  Token t;
  t.line = line_;
  if (pos_ >= text_.size()) return t;
  const auto c = static_cast<unsigned char>(text_[pos_]);
  if (c == '{' || c == '}') {
    t.kind = c == '{' ? Token::Kind::kLeftBrace : Token::Kind::kRightBrace;
    ++pos_;
    return t;
  }
  if (c == '"') {
    t.kind = Token::Kind::kString;
    ++pos_;
    while (true) {
      if (pos_ >= text_.size()) fail(t.line, "unterminated string (opened here)");
      const auto d = static_cast<unsigned char>(text_[pos_]);
      if (d == '"') break;
      if (d == 0) fail(line_, "NUL byte inside a string");
      if (d == '\\' && pos_ + 1 < text_.size()) {
        ++pos_;
      }
      if (text_[pos_] == '\n') ++line_;
      t.text.push_back(text_[pos_]);
      ++pos_;
    }
    ++pos_;
    return t;
  }
  if (is_control(c)) fail(line_, "unexpected binary byte " + hex_byte(c) + " (not a text file?)");
  t.kind = Token::Kind::kWord;
  const std::size_t start = pos_;
  while (pos_ < text_.size() && !ends_word(static_cast<unsigned char>(text_[pos_]))) {
    const auto d = static_cast<unsigned char>(text_[pos_]);
    if (is_control(d)) fail(line_, "unexpected binary byte " + hex_byte(d) + " (not a text file?)");
    ++pos_;
  }
  t.text.assign(text_.substr(start, pos_ - start));
  return t;
}

}  // namespace equilibria
