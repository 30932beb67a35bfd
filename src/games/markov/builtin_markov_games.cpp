#include "equilibria/games/markov/builtin_markov_games.hpp"

#include <array>
#include <map>
#include <stdexcept>

#include "equilibria/io/number_parser.hpp"

namespace equilibria {
namespace {

// An absorbing state: one action each, reward `reward` per player, forever.
MarkovState end_state(const std::string& name, int players) {
  return {name, std::vector<std::vector<std::string>>(players, std::vector<std::string>{"-"})};
}

MarkovOutcome stay_forever(int self, std::vector<Rational> rewards) { return {std::move(rewards), {{self, Rational(1)}}}; }

// An outcome built up from equally likely or weighted branches: rewards are
// expectations (a stationary policy's value only depends on them), next-state
// probabilities add up per state.
class OutcomeSum {
 public:
  explicit OutcomeSum(int players) : rewards_(players, Rational(0)) {}
  void add(const Rational& probability, int next, const std::vector<Rational>& rewards) {
    for (std::size_t p = 0; p < rewards_.size(); ++p) rewards_[p] += probability * rewards[p];
    next_[next] += probability;
  }
  MarkovOutcome take() {
    MarkovOutcome o{std::move(rewards_), {}};
    for (auto& [s, q] : next_) o.next.emplace_back(s, std::move(q));
    return o;
  }

 private:
  std::vector<Rational> rewards_;
  std::map<int, Rational> next_;
};

// --- Littman's soccer -------------------------------------------------------
// Our reading of Littman (1994), "Markov games as a framework for
// multi-agent reinforcement learning", section 5: a 4x5 grid (rows 0-3 from
// the top, columns 0-4 from the left); A starts at row 1, column 3 and B at
// row 2, column 1 (the left half of his figure 1); each picks N, S, E, W or
// stand, and the two moves are executed in random order (1/2 each). A move
// into the other player's square does not take place and the ball goes to
// the stationary player. A's goal is the left edge and B's the right, beside
// the middle two rows (1 and 2): the player with the ball who steps off the
// grid there into its own goal scores +1 (the other -1) and play restarts
// from the start squares with the ball to A or B at random (1/2 each); every
// other move off the grid (the wrong goal included, which the paper does
// not mention) leaves the player where it is. Play starts like a restart.
constexpr int kRows = 4, kCols = 5, kCells = kRows * kCols;
constexpr int kStartA = 1 * kCols + 3, kStartB = 2 * kCols + 1;
constexpr std::array<std::array<int, 2>, 5> kSoccerMoves{{{-1, 0}, {1, 0}, {0, 1}, {0, -1}, {0, 0}}};  // N S E W stand

int soccer_index(int a, int b, int ball) {
  const int pair = a * (kCells - 1) + (b < a ? b : b - 1);  // b != a
  return ball * kCells * (kCells - 1) + pair;
}

std::string cell_name(int cell) { return "r" + std::to_string(cell / kCols) + "c" + std::to_string(cell % kCols); }

}  // namespace

MarkovGame big_match(const Rational& discount) {
  const std::vector<std::string> players{"Max", "Min"};
  std::vector<MarkovState> states{{"play", {{"Absorb", "Continue"}, {"L", "R"}}}, end_state("one", 2), end_state("zero", 2)};
  const auto pay = [](int r) { return std::vector<Rational>{Rational(r), Rational(-r)}; };
  std::vector<std::vector<MarkovOutcome>> outcomes(3);
  // First player fastest: (Absorb, L), (Continue, L), (Absorb, R), (Continue, R).
  outcomes[0] = {{pay(1), {{1, Rational(1)}}}, {pay(0), {{0, Rational(1)}}}, {pay(0), {{2, Rational(1)}}}, {pay(1), {{0, Rational(1)}}}};
  outcomes[1] = {stay_forever(1, pay(1))};
  outcomes[2] = {stay_forever(2, pay(0))};
  return MarkovGame(players, std::move(states), std::move(outcomes), discount, std::nullopt, {Rational(1), Rational(0), Rational(0)});
}

MarkovGame littman_soccer(const Rational& discount) {
  const int S = 2 * kCells * (kCells - 1);
  std::vector<MarkovState> states(S);
  const std::vector<std::string> actions{"N", "S", "E", "W", "stand"};
  for (int ball = 0; ball < 2; ++ball) {
    for (int a = 0; a < kCells; ++a) {
      for (int b = 0; b < kCells; ++b) {
        if (a == b) continue;
        states[soccer_index(a, b, ball)] = {"A" + cell_name(a) + " B" + cell_name(b) + (ball ? " ball B" : " ball A"), {actions, actions}};
      }
    }
  }
  const int restart_a = soccer_index(kStartA, kStartB, 0), restart_b = soccer_index(kStartA, kStartB, 1);
  const Rational half(1, 2), quarter(1, 4);
  std::vector<std::vector<MarkovOutcome>> outcomes(S);
  for (int ball0 = 0; ball0 < 2; ++ball0) {
    for (int a0 = 0; a0 < kCells; ++a0) {
      for (int b0 = 0; b0 < kCells; ++b0) {
        if (a0 == b0) continue;
        auto& list = outcomes[soccer_index(a0, b0, ball0)];
        for (int j = 0; j < 25; ++j) {
          const int move[2] = {j % 5, j / 5};
          OutcomeSum sum(2);
          for (int first = 0; first < 2; ++first) {
            int pos[2] = {a0, b0}, ball = ball0, scorer = -1;
            for (int k = 0; k < 2 && scorer < 0; ++k) {
              const int me = k == 0 ? first : 1 - first, other = 1 - me;
              const int r = pos[me] / kCols + kSoccerMoves[move[me]][0], c = pos[me] % kCols + kSoccerMoves[move[me]][1];
              const bool own_goal_mouth = (r == 1 || r == 2) && c == (me == 0 ? -1 : kCols);
              if (own_goal_mouth && ball == me) {
                scorer = me;
              } else if (r < 0 || r >= kRows || c < 0 || c >= kCols) {
                // off the grid: no move
              } else if (r * kCols + c == pos[other]) {
                ball = other;
              } else {
                pos[me] = r * kCols + c;
              }
            }
            if (scorer >= 0) {
              const std::vector<Rational> r{Rational(scorer == 0 ? 1 : -1), Rational(scorer == 0 ? -1 : 1)};
              sum.add(quarter, restart_a, r);
              sum.add(quarter, restart_b, r);
            } else {
              sum.add(half, soccer_index(pos[0], pos[1], ball), {Rational(0), Rational(0)});
            }
          }
          list.push_back(sum.take());
        }
      }
    }
  }
  std::vector<Rational> initial(S, Rational(0));
  initial[restart_a] = half;
  initial[restart_b] = half;
  return MarkovGame({"A", "B"}, std::move(states), std::move(outcomes), discount, std::nullopt, std::move(initial));
}

// Our reading of Hu and Wellman (2003), "Nash Q-learning for general-sum
// stochastic games", JMLR 4, section 5.1 (and Greenwald and Hall's 2003
// restatement): a 3x3 grid, cells numbered 0-8 from the lower left, row by
// row (0 1 2 at the bottom, 6 7 8 at the top). Agent 1 starts in cell 0,
// agent 2 in cell 2; each moves one cell Up, Down, Left or Right at the same
// time (a move off the grid leaves the agent in place). When both would end
// in the same cell other than a goal they bounce back to their cells and
// each loses 1. An agent reaching its goal gets 100 and play ends (both may
// score at once): every such move leads to the absorbing state "end".
// Grid game 1: agent 1's goal is cell 8, agent 2's cell 6 (the goals cross).
// Grid game 2: both goals are cell 7 (top centre) and Up from cell 0 or 2
// crosses a barrier: it succeeds with probability 1/2, else the agent stays.
// Where a bounce depends on the barrier the reward is the expectation.
// States are the positions of both agents with neither at its goal (57 in
// game 1, 56 in game 2), then "end".
MarkovGame grid_game(int which, const Rational& discount) {
  if (which != 1 && which != 2) throw std::invalid_argument("grid_game is 1 or 2, not " + std::to_string(which));
  const int goal[2] = {which == 1 ? 8 : 7, which == 1 ? 6 : 7};
  const std::vector<std::string> actions{"Up", "Down", "Left", "Right"};
  static constexpr int kStep[4][2] = {{0, 1}, {0, -1}, {-1, 0}, {1, 0}};  // (dx, dy)
  std::map<std::pair<int, int>, int> index;
  std::vector<MarkovState> states;
  for (int l1 = 0; l1 < 9; ++l1) {
    for (int l2 = 0; l2 < 9; ++l2) {
      if (l1 == l2 || l1 == goal[0] || l2 == goal[1]) continue;
      index[{l1, l2}] = static_cast<int>(states.size());
      states.push_back({"(" + std::to_string(l1) + "," + std::to_string(l2) + ")", {actions, actions}});
    }
  }
  const int end = static_cast<int>(states.size());
  states.push_back(end_state("end", 2));
  const auto target = [](int cell, int action) {
    const int x = cell % 3 + kStep[action][0], y = cell / 3 + kStep[action][1];
    return x < 0 || x > 2 || y < 0 || y > 2 ? cell : y * 3 + x;
  };
  const auto through_barrier = [which](int cell, int action) { return which == 2 && action == 0 && (cell == 0 || cell == 2); };
  const Rational half(1, 2);
  std::vector<std::vector<MarkovOutcome>> outcomes(states.size());
  for (const auto& [at, s] : index) {
    for (int j = 0; j < 16; ++j) {
      const int act[2] = {j % 4, j / 4}, from[2] = {at.first, at.second};
      OutcomeSum sum(2);
      // Each agent's move succeeds (1) or, through a barrier, fails (0).
      for (int ok1 = 0; ok1 < 2; ++ok1) {
        for (int ok2 = 0; ok2 < 2; ++ok2) {
          const int ok[2] = {ok1, ok2};
          Rational q(1);
          int to[2];
          for (int i = 0; i < 2; ++i) {
            if (through_barrier(from[i], act[i])) {
              q *= half;
              to[i] = ok[i] ? target(from[i], act[i]) : from[i];
            } else {
              if (!ok[i]) q = 0;
              to[i] = target(from[i], act[i]);
            }
          }
          if (q == 0) continue;
          std::vector<Rational> r{Rational(0), Rational(0)};
          if (to[0] == to[1] && to[0] != goal[0] && to[0] != goal[1]) {
            r = {Rational(-1), Rational(-1)};
            to[0] = from[0];
            to[1] = from[1];
          }
          bool over = false;
          for (int i = 0; i < 2; ++i) {
            if (to[i] == goal[i]) {
              r[i] += 100;
              over = true;
            }
          }
          sum.add(q, over ? end : index.at({to[0], to[1]}), r);
        }
      }
      outcomes[s].push_back(sum.take());
    }
  }
  outcomes[end] = {stay_forever(end, {Rational(0), Rational(0)})};
  std::vector<Rational> initial(states.size(), Rational(0));
  initial[index.at({0, 2})] = 1;
  return MarkovGame({"Agent1", "Agent2"}, std::move(states), std::move(outcomes), discount, std::nullopt, std::move(initial));
}

namespace {

struct Parameter {
  std::string key;
  std::string fallback;
};

struct Builtin {
  std::string name;
  std::vector<Parameter> parameters;
};

const std::vector<Builtin>& builtins() {
  static const std::vector<Builtin> list{{"big_match", {{"discount", "9/10"}}},
                                         {"soccer", {{"discount", "9/10"}}},
                                         {"grid_game", {{"game", "1"}, {"discount", "99/100"}}}};
  return list;
}

std::string name_of(const std::string& spec) { return spec.substr(0, spec.find('(')); }

// The arguments of "name(a, key=b)" matched to the built-in's parameters.
std::map<std::string, Rational> arguments(const std::string& spec, const Builtin& game) {
  std::map<std::string, Rational> values;
  std::vector<std::string> items;
  const auto open = spec.find('(');
  if (open != std::string::npos) {
    if (spec.back() != ')') throw std::invalid_argument("expected ')' at the end of '" + spec + "'");
    const std::string inner = spec.substr(open + 1, spec.size() - open - 2);
    for (std::size_t pos = 0; pos <= inner.size() && !inner.empty();) {
      const auto comma = std::min(inner.find(',', pos), inner.size());
      items.push_back(inner.substr(pos, comma - pos));
      pos = comma + 1;
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto eq = items[i].find('=');
    std::string key = eq == std::string::npos ? "" : items[i].substr(0, eq);
    const std::string text = eq == std::string::npos ? items[i] : items[i].substr(eq + 1);
    if (key.empty()) {
      if (i >= game.parameters.size()) throw std::invalid_argument("too many arguments in '" + spec + "'");
      key = game.parameters[i].key;
    }
    bool known = false;
    for (const auto& p : game.parameters) known = known || p.key == key;
    if (!known) throw std::invalid_argument("unknown parameter '" + key + "' for " + game.name);
    Rational q;
    std::string why;
    if (!parse_rational(text, q, &why)) throw std::invalid_argument("parameter '" + key + "' in '" + spec + "': " + why);
    if (!values.emplace(key, q).second) throw std::invalid_argument("parameter '" + key + "' given twice in '" + spec + "'");
  }
  for (const auto& p : game.parameters) {
    Rational q;
    if (!values.count(p.key) && parse_rational(p.fallback, q, nullptr)) values.emplace(p.key, q);
  }
  return values;
}

}  // namespace

bool is_builtin_markov_game(const std::string& spec) {
  for (const auto& g : builtins()) {
    if (g.name == name_of(spec)) return true;
  }
  return false;
}

const std::vector<std::string>& builtin_markov_game_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& g : builtins()) {
      std::string args;
      for (const auto& p : g.parameters) args += (args.empty() ? "" : ",") + p.key + "=" + p.fallback;
      out.push_back(g.name + "(" + args + ")");
    }
    return out;
  }();
  return names;
}

MarkovGame builtin_markov_game(const std::string& spec) {
  const std::string name = name_of(spec);
  for (const auto& g : builtins()) {
    if (g.name != name) continue;
    const auto args = arguments(spec, g);
    const Rational& discount = args.at("discount");
    if (discount < 0 || discount >= 1) throw std::invalid_argument("the discount must be at least 0 and less than 1 in '" + spec + "'");
    if (name == "big_match") return big_match(discount);
    if (name == "soccer") return littman_soccer(discount);
    const Rational& which = args.at("game");
    if (which != 1 && which != 2) throw std::invalid_argument("grid_game is 1 or 2 in '" + spec + "'");
    return grid_game(static_cast<int>(which.get_num().get_si()), discount);
  }
  throw std::invalid_argument("unknown Markov game '" + name + "'");
}

}  // namespace equilibria
