#include "equilibria/io/tokenizer.hpp"

#include <cstdio>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"

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

namespace {

// At most 40 characters of a token, control characters escaped, so an error
// message stays on one line.
std::string printable(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20 || c == 0x7f) {
      out += hex_byte(c);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (text.size() > 40) out += "...";
  return out;
}

}  // namespace

std::string Tokenizer::describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::kLeftBrace: return "'{'";
    case Token::Kind::kRightBrace: return "'}'";
    case Token::Kind::kString: return "string \"" + printable(t.text) + "\"";
    case Token::Kind::kWord: return "'" + printable(t.text) + "'";
    case Token::Kind::kEnd: return "end of file";
  }
  return "token";
}

void Tokenizer::expect_word(const char* word, const char* hint) {
  const Token t = next();
  if (t.kind != Token::Kind::kWord || t.text != word) {
    fail(t, std::string("expected '") + word + "', found " + describe(t) + " (" + hint + ")");
  }
}

Token Tokenizer::expect(Token::Kind kind, const char* what) {
  Token t = next();
  if (t.kind != kind) fail(t, std::string("expected ") + what + ", found " + describe(t));
  return t;
}

std::string Tokenizer::expect_string(const char* what) {
  Token t = next();
  if (t.kind != Token::Kind::kString) fail(t, std::string("expected ") + what + " in quotes, found " + describe(t));
  return std::move(t.text);
}

Rational Tokenizer::number(const Token& t, const char* what) {
  if (t.kind != Token::Kind::kWord) fail(t, std::string("expected ") + what + ", found " + describe(t));
  Rational q;
  std::string why;
  if (!parse_rational(t.text, q, &why)) fail(t, why);
  return q;
}

Tokenizer::Header Tokenizer::read_header(const char* magic, const char* version) {
  const std::string hint = std::string("a file of this format starts with '") + magic + " " + version + " R'";
  expect_word(magic, hint.c_str());
  expect_word(version, "the only version of the format read");
  const Token rd = next();
  if (rd.kind != Token::Kind::kWord || (rd.text != "R" && rd.text != "D")) {
    fail(rd, std::string("expected 'R' or 'D' after '") + magic + " " + version + "', found " + describe(rd));
  }
  Header h;
  h.title = expect_string("the game's title");
  const Token open = expect(Token::Kind::kLeftBrace, "'{' opening the list of players");
  while (peek().kind == Token::Kind::kString) h.players.push_back(next().text);
  expect(Token::Kind::kRightBrace, "a player name in quotes or '}' closing the list of players");
  if (h.players.empty()) fail(open, "the game has no players");
  return h;
}

std::string gambit_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
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
      if (d == '\\' && pos_ + 1 < text_.size()) {
        ++pos_;
      }
      // Escaped or not: a name holding NUL could not be written back.
      if (text_[pos_] == 0) fail(line_, "NUL byte inside a string");
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
