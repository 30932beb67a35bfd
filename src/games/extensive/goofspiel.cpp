#include "equilibria/games/extensive/goofspiel.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilibria {
namespace {

struct GoofState {
  std::vector<int> prizes_left, hand[2];
  int score[2] = {0, 0};
  std::string public_history;  // prizes and both bids of finished rounds
};

void goof_round(GameTreeBuilder& b, int parent, const GoofState& s);

void goof_bids(GameTreeBuilder& b, int parent, const GoofState& s, int prize) {
  const std::string view = s.public_history + "p" + std::to_string(prize);
  const int k = static_cast<int>(s.hand[0].size());
  std::vector<std::string> labels0, labels1;
  for (int c : s.hand[0]) labels0.push_back(std::to_string(c));
  for (int c : s.hand[1]) labels1.push_back(std::to_string(c));
  const int first = b.decision(parent, 0, view, k, labels0, view);
  for (int i = 0; i < k; ++i) {
    const int second = b.decision(first, 1, view, k, labels1, view);  // player 2 does not see the bid
    for (int j = 0; j < k; ++j) {
      GoofState next = s;
      const int bid0 = s.hand[0][i], bid1 = s.hand[1][j];
      if (bid0 > bid1) next.score[0] += prize;
      if (bid1 > bid0) next.score[1] += prize;
      next.hand[0].erase(next.hand[0].begin() + i);
      next.hand[1].erase(next.hand[1].begin() + j);
      next.public_history = view + "b" + std::to_string(bid0) + "," + std::to_string(bid1) + ";";
      goof_round(b, second, next);
    }
  }
}

void goof_round(GameTreeBuilder& b, int parent, const GoofState& s) {
  if (s.prizes_left.empty()) {
    const int d = s.score[0] > s.score[1] ? 1 : (s.score[0] < s.score[1] ? -1 : 0);
    b.terminal(parent, {Rational(d), Rational(-d)});
    return;
  }
  const int n = static_cast<int>(s.prizes_left.size());
  const int chance = b.chance(parent, std::vector<Rational>(n, Rational(1, n)));
  for (int i = 0; i < n; ++i) {
    GoofState next = s;
    next.prizes_left.erase(next.prizes_left.begin() + i);
    goof_bids(b, chance, next, s.prizes_left[i]);
  }
}

struct DiceState {
  std::vector<int> roll[2];  // sorted faces, 1-based
  std::string bids;          // history of bid indices
  int last_bid = -1;         // index: (quantity - 1) * faces + (face - 1)
  int bidder = -1;
};

void dice_turn(GameTreeBuilder& b, int parent, const DiceState& s, int to_move, int dice, int faces) {
  const int total = 2 * dice, bids = total * faces;
  std::string key = "d";
  for (int f : s.roll[to_move]) key += std::to_string(f);
  key += "|" + s.bids;
  std::vector<int> options;
  std::vector<std::string> labels;
  for (int bid = s.last_bid + 1; bid < bids; ++bid) {
    options.push_back(bid);
    labels.push_back(std::to_string(bid / faces + 1) + "x" + std::to_string(bid % faces + 1));
  }
  if (s.last_bid >= 0) {
    options.push_back(-1);
    labels.emplace_back("Liar");
  }
  const int node = b.decision(parent, to_move, key, static_cast<int>(options.size()), labels, key);
  for (int bid : options) {
    if (bid < 0) {
      const int quantity = s.last_bid / faces + 1, face = s.last_bid % faces + 1;
      int count = 0;
      for (int p = 0; p < 2; ++p) {
        for (int f : s.roll[p]) count += f == face;
      }
      const int winner = count >= quantity ? s.bidder : to_move;
      b.terminal(node, {Rational(winner == 0 ? 1 : -1), Rational(winner == 1 ? 1 : -1)});
      continue;
    }
    DiceState next = s;
    next.last_bid = bid;
    next.bidder = to_move;
    next.bids += std::to_string(bid) + ",";
    dice_turn(b, node, next, 1 - to_move, dice, faces);
  }
}

// All multisets of `dice` faces with their probabilities (sorted rolls).
void rolls(int dice, int faces, int from, std::vector<int>& current, std::vector<std::vector<int>>& out) {
  if (static_cast<int>(current.size()) == dice) {
    out.push_back(current);
    return;
  }
  for (int f = from; f <= faces; ++f) {
    current.push_back(f);
    rolls(dice, faces, f, current, out);
    current.pop_back();
  }
}

Rational roll_probability(const std::vector<int>& roll, int faces) {
  // multinomial: dice! / prod(count!) / faces^dice
  mpz_class ways, denom;
  mpz_fac_ui(ways.get_mpz_t(), roll.size());
  mpz_ui_pow_ui(denom.get_mpz_t(), faces, roll.size());
  for (std::size_t i = 0; i < roll.size();) {
    std::size_t j = i;
    while (j < roll.size() && roll[j] == roll[i]) ++j;
    mpz_class f;
    mpz_fac_ui(f.get_mpz_t(), j - i);
    ways /= f;
    i = j;
  }
  Rational q(ways, denom);
  q.canonicalize();
  return q;
}

void check_goofspiel(int cards) {
  if (cards < 1 || cards > 5) throw std::invalid_argument("goofspiel: cards must be between 1 and 5");
}

void check_liars_dice(int dice, int faces) {
  if (dice < 1 || faces < 2 || dice * faces > 12) {
    throw std::invalid_argument("liars_dice: need dice >= 1, faces >= 2 and dice * faces <= 12");
  }
}

}  // namespace

TreeSize goofspiel_size(int cards) {
  check_goofspiel(cards);
  // A round with k prizes left: a chance node, k nodes of player 1, k^2 of
  // player 2, then k^3 rounds with k - 1 left. Each node of player 1 has an
  // information set of each player to itself (player 2's spans the k bids).
  TreeSize size{1, 0};  // no prizes left: a leaf
  for (int k = 1; k <= cards; ++k) {
    size.nodes = 1 + k * (1 + k * (1 + k * size.nodes));
    size.infosets = 2 * k * (1 + k * k * (size.infosets / 2));
  }
  return size;
}

TreeSize liars_dice_size(int dice, int faces) {
  check_liars_dice(dice, faces);
  // Per pair of rolls, every set of bids in increasing order is a history:
  // 2^bids decision nodes and 2^bids - 1 calls; rolls are multisets.
  double rolls = 1;
  for (int i = 1; i <= dice; ++i) rolls = rolls * (faces + i - 1) / i;
  const double histories = std::ldexp(1.0, 2 * dice * faces);
  return {1 + rolls + rolls * rolls * (2 * histories - 1), rolls * histories};
}

GameTree goofspiel(int cards) {
  check_goofspiel(cards);
  GameTreeBuilder b(2);
  GoofState s;
  for (int c = 1; c <= cards; ++c) {
    s.prizes_left.push_back(c);
    s.hand[0].push_back(c);
    s.hand[1].push_back(c);
  }
  goof_round(b, -1, s);
  TreeLabels labels;
  labels.title = "Goofspiel(" + std::to_string(cards) + ")";
  labels.players = {"Player 1", "Player 2"};
  return b.build(std::move(labels));
}

GameTree liars_dice(int dice, int faces) {
  check_liars_dice(dice, faces);
  std::vector<std::vector<int>> all;
  std::vector<int> current;
  rolls(dice, faces, 1, current, all);
  std::vector<Rational> probs;
  for (const auto& r : all) probs.push_back(roll_probability(r, faces));
  GameTreeBuilder b(2);
  const int first = b.chance(-1, probs);
  for (const auto& r0 : all) {
    const int second = b.chance(first, probs);
    for (const auto& r1 : all) {
      DiceState s;
      s.roll[0] = r0;
      s.roll[1] = r1;
      dice_turn(b, second, s, 0, dice, faces);
    }
  }
  TreeLabels labels;
  labels.title = "Liar's dice (" + std::to_string(dice) + " dice, " + std::to_string(faces) + " faces)";
  labels.players = {"Player 1", "Player 2"};
  return b.build(std::move(labels));
}

}  // namespace equilibria
