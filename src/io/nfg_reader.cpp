#include <stdexcept>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/tokenizer.hpp"

namespace equilibria {
namespace {

using Kind = Token::Kind;

class NfgParser {
 public:
  NfgParser(std::string_view text, const std::string& file) : tok_(text, file) {}

  StrategicGame parse() {
    Tokenizer::Header header = tok_.read_header("NFG", "1");
    labels_.title = std::move(header.title);
    labels_.players = std::move(header.players);
    read_strategies();
    if (tok_.peek().kind == Kind::kString) labels_.comment = tok_.next().text;
    check_size();
    std::vector<Rational> payoffs = tok_.peek().kind == Kind::kLeftBrace ? read_outcome_body() : read_payoff_body();
    const Token extra = tok_.peek();
    if (extra.kind != Kind::kEnd) tok_.fail(extra, "unexpected " + Tokenizer::describe(extra) + " after the payoffs");
    return StrategicGame(counts_, std::move(payoffs), std::move(labels_));
  }

 private:
  void expect(Kind kind, const char* what) { tok_.expect(kind, what); }
  Rational number(const Token& t, const char* what) { return tok_.number(t, what); }

  // Either `{ 3 2 }` (counts) or `{ { "a" "b" } { "c" } }` (names).
  void read_strategies() {
    const Token open = tok_.next();
    if (open.kind != Kind::kLeftBrace) tok_.fail(open, "expected '{' opening the strategies, found " + Tokenizer::describe(open));
    if (tok_.peek().kind == Kind::kLeftBrace) {
      while (tok_.peek().kind == Kind::kLeftBrace) {
        tok_.next();
        std::vector<std::string> names;
        while (tok_.peek().kind == Kind::kString) {
          names.push_back(tok_.next().text);
          if (static_cast<std::int64_t>(names.size()) > kMaxPayoffEntries) tok_.fail(tok_.peek(), "too many strategies");
        }
        expect(Kind::kRightBrace, "a strategy name in quotes or '}'");
        if (names.empty()) tok_.fail(open, "player " + std::to_string(counts_.size() + 1) + " has no strategies");
        counts_.push_back(static_cast<int>(names.size()));
        labels_.strategies.push_back(std::move(names));
      }
    } else {
      while (tok_.peek().kind == Kind::kWord) {
        const Token t = tok_.next();
        counts_.push_back(parse_count(t));
      }
    }
    expect(Kind::kRightBrace, "'}' closing the strategies");
    if (counts_.size() != labels_.players.size()) {
      tok_.fail(open, std::to_string(counts_.size()) + " strategy counts for " + std::to_string(labels_.players.size()) +
                          " players");
    }
  }

  int parse_count(const Token& t) {
    std::int64_t v = 0;
    for (char c : t.text) {
      if (c < '0' || c > '9') tok_.fail(t, "strategy count must be a positive integer, found " + Tokenizer::describe(t));
      v = v * 10 + (c - '0');
      if (v > kMaxPayoffEntries) tok_.fail(t, "strategy count " + t.text.substr(0, 20) + " exceeds the limit");
    }
    if (v == 0) tok_.fail(t, "a player has 0 strategies");
    return static_cast<int>(v);
  }

  void check_size() {
    const auto n = static_cast<std::int64_t>(counts_.size());
    profiles_ = checked_profile_count(counts_, kMaxPayoffEntries / n);
    if (profiles_ < 0) {
      tok_.fail(tok_.peek(), "game too large: more than " + std::to_string(kMaxPayoffEntries) +
                                 " payoff entries (players x strategy profiles)");
    }
  }

  // Player-major payoff table from the file's profile-major order. Values are
  // collected as they come, so a file that claims a huge game but holds few
  // numbers fails before anything large is allocated.
  std::vector<Rational> read_payoff_body() {
    const auto n = static_cast<std::int64_t>(counts_.size());
    const std::int64_t wanted = n * profiles_;
    std::vector<Rational> in_file_order;
    while (static_cast<std::int64_t>(in_file_order.size()) < wanted) {
      const Token t = tok_.next();
      if (t.kind == Kind::kEnd) {
        tok_.fail(t, "file ends after " + std::to_string(in_file_order.size()) + " payoffs; the game needs " +
                         std::to_string(wanted));
      }
      in_file_order.push_back(number(t, "a payoff"));
    }
    std::vector<Rational> payoffs(wanted);
    for (std::int64_t i = 0; i < profiles_; ++i) {
      for (std::int64_t p = 0; p < n; ++p) payoffs[p * profiles_ + i].swap(in_file_order[i * n + p]);
    }
    return payoffs;
  }

  std::vector<Rational> read_outcome_body() {
    const auto n = static_cast<std::int64_t>(counts_.size());
    tok_.next();
    std::vector<std::vector<Rational>> outcomes;
    while (tok_.peek().kind == Kind::kLeftBrace) {
      const Token open = tok_.next();
      if (tok_.peek().kind == Kind::kString) tok_.next();  // outcome name
      std::vector<Rational> pay;
      while (tok_.peek().kind == Kind::kWord) {
        pay.push_back(number(tok_.next(), "a payoff"));
        if (static_cast<std::int64_t>(pay.size()) > n) {
          tok_.fail(open, "outcome " + std::to_string(outcomes.size() + 1) + " has more than " + std::to_string(n) +
                              " payoffs");
        }
      }
      expect(Kind::kRightBrace, "'}' closing the outcome");
      if (static_cast<std::int64_t>(pay.size()) != n) {
        tok_.fail(open, "outcome " + std::to_string(outcomes.size() + 1) + " has " + std::to_string(pay.size()) +
                            " payoffs for " + std::to_string(n) + " players");
      }
      outcomes.push_back(std::move(pay));
      if (static_cast<std::int64_t>(outcomes.size()) > kMaxPayoffEntries) tok_.fail(open, "too many outcomes");
    }
    expect(Kind::kRightBrace, "'{' opening an outcome or '}' closing the outcomes");
    std::vector<std::int32_t> cell;
    while (static_cast<std::int64_t>(cell.size()) < profiles_) {
      const Token t = tok_.next();
      if (t.kind == Kind::kEnd) {
        tok_.fail(t, "file ends after " + std::to_string(cell.size()) + " outcome numbers; the game has " +
                         std::to_string(profiles_) + " profiles");
      }
      const Rational k = number(t, "an outcome number");
      if (k.get_den() != 1 || k < 0 || k > static_cast<long>(outcomes.size())) {
        tok_.fail(t, "outcome number " + t.text.substr(0, 20) + " is not between 0 and " +
                         std::to_string(outcomes.size()));
      }
      cell.push_back(static_cast<std::int32_t>(k.get_num().get_si()));
    }
    std::vector<Rational> payoffs(n * profiles_);
    for (std::int64_t i = 0; i < profiles_; ++i) {
      if (cell[i] == 0) continue;  // the null outcome pays zero
      for (std::int64_t p = 0; p < n; ++p) payoffs[p * profiles_ + i] = outcomes[cell[i] - 1][p];
    }
    return payoffs;
  }

  Tokenizer tok_;
  GameLabels labels_;
  std::vector<int> counts_;
  std::int64_t profiles_ = 0;
};

}  // namespace

StrategicGame read_nfg(std::string_view text, const std::string& file_name) {
  return NfgParser(text, file_name).parse();
}

StrategicGame read_nfg_file(const std::string& path) { return read_nfg(read_text_file(path), path); }

}  // namespace equilibria
