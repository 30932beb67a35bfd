#include <map>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/tokenizer.hpp"

namespace equilibria {
namespace {

using Kind = Token::Kind;

// Refuse trees beyond this many nodes: a file cannot make us allocate without bound.
constexpr int kMaxTreeNodes = 50'000'000;

class EfgParser {
 public:
  EfgParser(std::string_view text, const std::string& file) : tok_(text, file) {}

  GameTree parse() {
    Tokenizer::Header header = tok_.read_header("EFG", "2");
    labels_.title = std::move(header.title);
    labels_.players = std::move(header.players);
    players_ = static_cast<int>(labels_.players.size());
    if (tok_.peek().kind == Kind::kString) labels_.comment = tok_.next().text;
    GameTreeBuilder builder(players_);
    read_nodes(builder);
    const Token extra = tok_.peek();
    if (extra.kind != Kind::kEnd) tok_.fail(extra, "unexpected " + Tokenizer::describe(extra) + " after the last node");
    try {
      return builder.build(std::move(labels_));
    } catch (const std::invalid_argument& e) {
      tok_.fail(extra, e.what());
    }
  }

 private:
  struct Frame {
    int node;
    int remaining;
    std::vector<Rational> acc;  // outcome payoffs collected on the path
  };

  void expect(Kind kind, const char* what) { tok_.expect(kind, what); }
  void skip_optional_string() {
    if (tok_.peek().kind == Kind::kString) tok_.next();
  }
  Rational number(const Token& t, const char* what) { return tok_.number(t, what); }
  long integer(const Token& t, const char* what, long low, long high) {
    const Rational q = number(t, what);
    if (q.get_den() != 1 || q < low || q > high) {
      tok_.fail(t, std::string(what) + " must be an integer from " + std::to_string(low) + " to " +
                       std::to_string(high) + ", found " + Tokenizer::describe(t));
    }
    return q.get_num().get_si();
  }

  // An outcome reference: number, optional name, payoffs at first definition.
  std::vector<Rational> outcome() {
    const long k = integer(tok_.next(), "an outcome number", 0, kMaxTreeNodes);
    skip_optional_string();
    std::vector<Rational> pay;
    if (tok_.peek().kind == Kind::kLeftBrace) {
      const Token open = tok_.next();
      while (tok_.peek().kind == Kind::kWord) pay.push_back(number(tok_.next(), "a payoff"));
      expect(Kind::kRightBrace, "a payoff or '}' closing the outcome");
      if (static_cast<int>(pay.size()) != players_) {
        tok_.fail(open, "outcome " + std::to_string(k) + " has " + std::to_string(pay.size()) + " payoffs for " +
                            std::to_string(players_) + " players");
      }
      if (k > 0) outcomes_[k] = pay;
      return pay;
    }
    if (k == 0) return std::vector<Rational>(players_, Rational(0));
    const auto it = outcomes_.find(k);
    return it == outcomes_.end() ? std::vector<Rational>(players_, Rational(0)) : it->second;
  }

  void read_nodes(GameTreeBuilder& builder) {
    std::vector<Frame> stack;
    do {
      const Token kind = tok_.next();
      if (kind.kind == Kind::kEnd) tok_.fail(kind, stack.empty() ? "the game has no nodes" : "file ends inside the tree: a node lacks children");
      if (kind.kind != Kind::kWord || (kind.text != "p" && kind.text != "c" && kind.text != "t")) {
        tok_.fail(kind, "expected a node ('p', 'c' or 't'), found " + Tokenizer::describe(kind));
      }
      if (builder.num_nodes() >= kMaxTreeNodes) tok_.fail(kind, "tree too large: more than " + std::to_string(kMaxTreeNodes) + " nodes");
      skip_optional_string();  // node name
      const int parent = stack.empty() ? -1 : stack.back().node;
      std::vector<Rational> acc = stack.empty() ? std::vector<Rational>(players_, Rational(0)) : stack.back().acc;
      int id = -1, children = 0;
      try {
        if (kind.text == "t") {
          const auto pay = outcome();
          for (int p = 0; p < players_; ++p) acc[p] += pay[p];
          id = builder.terminal(parent, acc);
        } else {
          const bool chance = kind.text == "c";
          const int player = chance ? 0 : static_cast<int>(integer(tok_.next(), "a player number", 1, players_));
          const long number = integer(tok_.next(), "an information set number", 1, kMaxTreeNodes);
          std::string infoset_name;
          if (tok_.peek().kind == Kind::kString) infoset_name = tok_.next().text;
          const auto key = std::make_pair(player, number);
          if (tok_.peek().kind == Kind::kLeftBrace) {
            read_actions(key, chance);
          } else if (!actions_.count(key)) {
            tok_.fail(tok_.peek(), "information set " + std::to_string(number) + " is used before its actions are listed");
          }
          const auto& [labels, probs] = actions_[key];
          const auto pay = outcome();
          for (int p = 0; p < players_; ++p) acc[p] += pay[p];
          children = static_cast<int>(labels.size());
          id = chance ? builder.chance(parent, probs, labels)
                      : builder.decision(parent, player - 1, std::to_string(number), children, labels, infoset_name);
        }
      } catch (const std::invalid_argument& e) {
        tok_.fail(kind, e.what());
      }
      if (!stack.empty()) --stack.back().remaining;
      if (children > 0) stack.push_back({id, children, std::move(acc)});
      while (!stack.empty() && stack.back().remaining == 0) stack.pop_back();
    } while (!stack.empty());
  }

  void read_actions(const std::pair<int, long>& key, bool chance) {
    const Token open = tok_.next();
    std::vector<std::string> labels;
    std::vector<Rational> probs;
    while (tok_.peek().kind == Kind::kString) {
      labels.push_back(tok_.next().text);
      if (chance) probs.push_back(number(tok_.next(), "a chance probability"));
    }
    expect(Kind::kRightBrace, chance ? "an action name in quotes, its probability, or '}'" : "an action name in quotes or '}'");
    if (labels.empty()) tok_.fail(open, "an information set needs at least one action");
    const auto it = actions_.find(key);
    if (it != actions_.end() && it->second.first.size() != labels.size()) {
      tok_.fail(open, "information set " + std::to_string(key.second) + " listed with " +
                          std::to_string(it->second.first.size()) + " and " + std::to_string(labels.size()) + " actions");
    }
    if (it == actions_.end() || chance) actions_[key] = {std::move(labels), std::move(probs)};
  }

  Tokenizer tok_;
  TreeLabels labels_;
  int players_ = 0;
  std::map<long, std::vector<Rational>> outcomes_;
  std::map<std::pair<int, long>, std::pair<std::vector<std::string>, std::vector<Rational>>> actions_;
};

}  // namespace

GameTree read_efg(std::string_view text, const std::string& file_name) { return EfgParser(text, file_name).parse(); }

GameTree read_efg_file(const std::string& path) { return read_efg(read_text_file(path), path); }

}  // namespace equilibria
