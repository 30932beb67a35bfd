#pragma once
// Tokens of Gambit's text formats (.nfg, .efg): braces, quoted strings with
// backslash escapes, and bare words (numbers, keywords). Commas separate like
// whitespace. Every token knows its line, for error messages.
#include <string>
#include <string_view>

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

 private:
  Token scan();

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  Token current_;
};

}  // namespace equilibria
