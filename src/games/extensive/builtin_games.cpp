#include "equilibria/games/extensive/builtin_games.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "equilibria/core/solve_errors.hpp"
#include "equilibria/games/extensive/goofspiel.hpp"
#include "equilibria/games/extensive/poker.hpp"

namespace equilibria {
namespace {

// "name(key=value,key=value)" -> name and integer parameters.
std::pair<std::string, std::map<std::string, int>> parse_spec(const std::string& spec) {
  const auto open = spec.find('(');
  std::map<std::string, int> params;
  if (open == std::string::npos) return {spec, params};
  if (spec.back() != ')') throw std::invalid_argument("expected ')' at the end of '" + spec + "'");
  std::string inner = spec.substr(open + 1, spec.size() - open - 2);
  std::size_t pos = 0;
  while (pos < inner.size()) {
    const auto comma = std::min(inner.find(',', pos), inner.size());
    const std::string item = inner.substr(pos, comma - pos);
    const auto eq = item.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("expected key=value in '" + spec + "'");
    try {
      std::size_t used = 0;
      const int v = std::stoi(item.substr(eq + 1), &used);
      if (used != item.size() - eq - 1) throw std::invalid_argument("");
      params[item.substr(0, eq)] = v;
    } catch (const std::exception&) {
      throw std::invalid_argument("parameter '" + item.substr(0, eq) + "' needs an integer in '" + spec + "'");
    }
    pos = comma + 1;
  }
  return {spec.substr(0, open), params};
}

int take(std::map<std::string, int>& params, const std::string& key, int fallback) {
  const auto it = params.find(key);
  if (it == params.end()) return fallback;
  const int v = it->second;
  params.erase(it);
  return v;
}

// Peak memory while building, per node: 0.6-0.75 KiB measured (resident set
// of `info` on goofspiel(4) and liars_dice(1,6)), rounded up for a solver's
// own arrays.
constexpr double kBytesPerNode = 1024;

std::string gib(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  return text;
}

// Refused before anything is built when it would not fit.
void check_size(const std::string& spec, const TreeSize& size) {
  const double bytes = size.nodes * kBytesPerNode, budget = builtin_tree_memory_budget();
  if (bytes <= budget) return;
  char counts[96];
  std::snprintf(counts, sizeof counts, "%.0f nodes and %.0f information sets", size.nodes, size.infosets);
  throw ResourceLimit(spec + " would have " + counts + ", about " + gib(bytes) + " to build; the limit is " +
                      gib(budget) + " (a quarter of physical memory, at most " + gib(kBuiltinTreeMemoryCap) + ")");
}

}  // namespace

double builtin_tree_memory_budget() {
  const double physical = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
  return physical > 0 ? std::min(kBuiltinTreeMemoryCap, physical / 4) : kBuiltinTreeMemoryCap;
}

const std::vector<std::string>& builtin_game_names() {
  static const std::vector<std::string> names{"kuhn", "leduc", "goofspiel(cards=4)", "liars_dice(dice=1,faces=6)"};
  return names;
}

GameTree builtin_game(const std::string& spec) {
  auto [name, params] = parse_spec(spec);
  GameTree tree = [&, &name = name, &params = params]() -> GameTree {
    if (name == "kuhn") return kuhn_poker();
    if (name == "leduc") return leduc_poker();
    if (name == "goofspiel") {
      const int cards = take(params, "cards", 4);
      check_size(spec, goofspiel_size(cards));
      return goofspiel(cards);
    }
    if (name == "liars_dice") {
      const int dice = take(params, "dice", 1), faces = take(params, "faces", 6);
      check_size(spec, liars_dice_size(dice, faces));
      return liars_dice(dice, faces);
    }
    std::string known;
    for (const auto& n : builtin_game_names()) known += (known.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown game '" + name + "' (built in: " + known + ")");
  }();
  if (!params.empty()) throw std::invalid_argument("unknown parameter '" + params.begin()->first + "' for " + name);
  return tree;
}

}  // namespace equilibria
