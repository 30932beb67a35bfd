#pragma once
// Tokens of Gambit's text formats (.nfg, .efg): braces, quoted strings with
// backslash escapes, and bare words (numbers, keywords). Commas separate like
// whitespace. Every token knows its line, for error messages.
#include <string>
#include <string_view>
#include <vector>

#include "equilibria/core/rational.hpp"

namespace equilibria {

struct Token {
  enum class Kind { kLeftBrace, kRightBrace, kString, kWord, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;  // string contents (unescaped) or the word
  int line = 0;
};

class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::string file_name);

  const Token& peek() const { return current_; }
  Token next();

  // Throws InputError naming the file and `line`.
  [[noreturn]] void fail(int line, const std::string& cause) const;
  [[noreturn]] void fail(const Token& at, const std::string& cause) const { fail(at.line, cause); }

  // Describes a token for a message: 'word', "string", '{', end of file.
  static std::string describe(const Token& t);

  // Expectations shared by the formats; each fails with file, line and cause.
  void expect_word(const char* word, const char* hint);
  Token expect(Token::Kind kind, const char* what);
  std::string expect_string(const char* what);
  Rational number(const Token& t, const char* what);

  // The header both formats share: MAGIC VERSION R|D "title" { "player" ... }.
  struct Header {
    std::string title;
    std::vector<std::string> players;
  };
  Header read_header(const char* magic, const char* version);

 private:
  Token scan();

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  Token current_;
};

// A string in Gambit's syntax: quoted, with '"' and '\\' escaped.
std::string gambit_quoted(const std::string& s);

}  // namespace equilibria
