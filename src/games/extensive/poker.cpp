#include "equilibria/games/extensive/poker.hpp"

#include <string>
#include <vector>

namespace equilibria {
namespace {

const char* const kRankNames = "JQK";

// Kuhn: after the deal, player 0 passes or bets; see PEERS.md.
void kuhn_betting(GameTreeBuilder& b, int parent, int c0, int c1, const std::string& history) {
  const int to_move = static_cast<int>(history.size()) % 2;
  const int card = to_move == 0 ? c0 : c1;
  const std::string key = std::string(1, kRankNames[card]) + history;
  const int node = b.decision(parent, to_move, key, 2, {"Pass", "Bet"}, key);
  for (const char action : {'p', 'b'}) {
    const std::string h = history + action;
    // Terminal histories: pp, bp, bb, pbp, pbb.
    const bool showdown = h == "pp" || h == "bb" || h == "pbb";
    if (showdown) {
      const int stake = h == "pp" ? 1 : 2;
      const int sign = c0 > c1 ? 1 : -1;
      b.terminal(node, {Rational(sign * stake), Rational(-sign * stake)});
    } else if (h == "bp") {
      b.terminal(node, {Rational(1), Rational(-1)});
    } else if (h == "pbp") {
      b.terminal(node, {Rational(-1), Rational(1)});
    } else {
      kuhn_betting(b, node, c0, c1, h);
    }
  }
}

struct LeducState {
  int cards[2];
  int public_card = -1;      // -1 in the first round
  int spent[2] = {1, 1};     // antes
  std::string history;       // all betting so far, rounds separated by '/'
};

int leduc_rank(int card) { return card / 2; }

void leduc_round(GameTreeBuilder& b, int parent, LeducState s, const std::string& round_history, int raises);

// The round is over with both players' stakes equal: deal or show down.
void leduc_round_end(GameTreeBuilder& b, int parent, const LeducState& s) {
  if (s.public_card < 0) {
    std::vector<Rational> probs;
    std::vector<int> deck;
    for (int c = 0; c < 6; ++c) {
      if (c != s.cards[0] && c != s.cards[1]) deck.push_back(c);
    }
    const int chance = b.chance(parent, std::vector<Rational>(deck.size(), Rational(1, static_cast<long>(deck.size()))));
    for (int c : deck) {
      LeducState next = s;
      next.public_card = c;
      next.history += '/';
      leduc_round(b, chance, next, "", 0);
    }
    return;
  }
  const int pub = leduc_rank(s.public_card);
  auto strength = [&](int p) { return leduc_rank(s.cards[p]) == pub ? 10 : leduc_rank(s.cards[p]); };
  const int a = strength(0), c = strength(1);
  const Rational won(a > c ? s.spent[1] : (a < c ? -s.spent[0] : 0));
  b.terminal(parent, {won, -won});
}

// One betting round; player 0 opens. Fold is offered only facing a bet.
void leduc_round(GameTreeBuilder& b, int parent, LeducState s, const std::string& round_history, int raises) {
  const int to_move = static_cast<int>(round_history.size()) % 2;
  const bool facing_bet = s.spent[0] != s.spent[1];
  const int bet = s.public_card < 0 ? 2 : 4;
  std::vector<char> actions;
  std::vector<std::string> names;
  if (facing_bet) {
    actions.push_back('f');
    names.emplace_back("Fold");
  }
  actions.push_back('c');
  names.emplace_back(facing_bet ? "Call" : "Check");
  if (raises < 2) {
    actions.push_back('r');
    names.emplace_back("Raise");
  }
  std::string key = std::to_string(s.cards[to_move]) + ":";
  if (s.public_card >= 0) key += std::to_string(s.public_card);
  key += ":" + s.history + round_history;
  const int node = b.decision(parent, to_move, key, static_cast<int>(actions.size()), names, key);
  for (const char action : actions) {
    LeducState next = s;
    const int other = 1 - to_move;
    if (action == 'f') {
      const Rational lost(next.spent[to_move]);
      b.terminal(node, to_move == 0 ? std::vector<Rational>{-lost, lost} : std::vector<Rational>{lost, -lost});
      continue;
    }
    if (action == 'c') {
      next.spent[to_move] = next.spent[other];
      const std::string h = round_history + 'c';
      // A check opens the round only when it comes first; a call ends it.
      if (h == "c") {
        leduc_round(b, node, next, h, raises);
      } else {
        next.history += h;
        leduc_round_end(b, node, next);
      }
      continue;
    }
    next.spent[to_move] = next.spent[other] + bet;
    leduc_round(b, node, next, round_history + 'r', raises + 1);
  }
}

}  // namespace

GameTree kuhn_poker() {
  GameTreeBuilder b(2);
  const Rational third(1, 3), half(1, 2);
  const int deal0 = b.chance(-1, {third, third, third}, {"J", "Q", "K"});
  for (int c0 = 0; c0 < 3; ++c0) {
    const int deal1 = b.chance(deal0, {half, half});
    for (int c1 = 0; c1 < 3; ++c1) {
      if (c1 != c0) kuhn_betting(b, deal1, c0, c1, "");
    }
  }
  TreeLabels labels;
  labels.title = "Kuhn poker";
  labels.players = {"Player 1", "Player 2"};
  return b.build(std::move(labels));
}

GameTree leduc_poker() {
  GameTreeBuilder b(2);
  const int deal0 = b.chance(-1, std::vector<Rational>(6, Rational(1, 6)));
  for (int c0 = 0; c0 < 6; ++c0) {
    const int deal1 = b.chance(deal0, std::vector<Rational>(5, Rational(1, 5)));
    for (int c1 = 0; c1 < 6; ++c1) {
      if (c1 == c0) continue;
      LeducState s;
      s.cards[0] = c0;
      s.cards[1] = c1;
      leduc_round(b, deal1, s, "", 0);
    }
  }
  TreeLabels labels;
  labels.title = "Leduc poker";
  labels.players = {"Player 1", "Player 2"};
  return b.build(std::move(labels));
}

}  // namespace equilibria
