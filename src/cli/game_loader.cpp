#include "game_loader.hpp"

#include <chrono>
#include <future>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#include "equilibria/core/input_error.hpp"
#include "equilibria/games/extensive/builtin_games.hpp"
#include "equilibria/games/markov/builtin_markov_games.hpp"
#include "equilibria/io/efg.hpp"
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/io/preference_csv.hpp"

namespace equilibria::cli {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Gambit files say what they are in their first word.
bool looks_like_efg(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text.compare(first, 3, "EFG") == 0;
}

bool is_builtin_tree(const std::string& spec) {
  const std::string name = spec.substr(0, spec.find('('));
  for (const auto& n : builtin_game_names()) {
    if (n.substr(0, n.find('(')) == name) return true;
  }
  return false;
}

}  // namespace

LoadedGame load_game(const std::string& path, const std::string& builtin, double stream_wait_seconds) {
  LoadedGame g;
  if (!builtin.empty()) {
    if (!path.empty()) throw InputError(path, 0, "give a game file or --game, not both");
    try {
      if (is_builtin_markov_game(builtin)) {
        g.markov = builtin_markov_game(builtin);
      } else if (is_builtin_tree(builtin)) {
        g.tree = builtin_game(builtin);
      } else {
        throw std::invalid_argument("unknown game '" + builtin.substr(0, builtin.find('(')) + "' (built in: " + builtin_game_list() + ")");
      }
    } catch (const std::invalid_argument& e) {
      throw InputError("--game", 0, e.what());
    }
    g.name = builtin;
    return g;
  }
  if (path.empty()) throw InputError("", 0, "no game: give a game file or --game NAME");
  g.name = path;
  const std::string text = read_text_file(path, stream_wait_seconds);
  // The extension decides; a file with neither is read as what it says it is.
  // Every .json game is a Markov game: its reader names what is wrong with it.
  if (looks_like_markov_json(text) || ends_with(path, ".json")) {
    g.markov = read_markov_json(text, path);
  } else if (ends_with(path, ".csv")) {
    g.strategic = read_preference_csv(text, path);
  } else if (ends_with(path, ".efg") || (!ends_with(path, ".nfg") && looks_like_efg(text))) {
    g.tree = read_efg(text, path);
  } else {
    g.strategic = read_nfg(text, path);
  }
  return g;
}

std::optional<LoadedGame> load_game_within(const std::string& path, const std::string& builtin,
                                           double stream_wait_seconds, const SolveControl& control) {
  if (!control.has_deadline()) return load_game(path, builtin, stream_wait_seconds);
  auto loaded = std::make_shared<std::promise<LoadedGame>>();
  std::future<LoadedGame> result = loaded->get_future();
  std::thread([loaded, path, builtin, stream_wait_seconds] {
    try {
      loaded->set_value(load_game(path, builtin, stream_wait_seconds));
    } catch (...) {
      loaded->set_exception(std::current_exception());
    }
  }).detach();
  // Polled, so that a cancel flag is seen as well as the deadline.
  while (result.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready) {
    if (control.should_stop()) return std::nullopt;
  }
  return result.get();
}

StrategicGame load_strategic_game(const std::string& path) {
  LoadedGame g = load_game(path, "");
  if (!g.strategic) {
    throw InputError(path, 0, std::string("this command reads strategic-form games (.nfg); ") +
                                  (g.tree ? "game trees (.efg)" : "Markov games") + " are not supported");
  }
  return std::move(*g.strategic);
}

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
  } else {
    write_text_file(path, text);
  }
}

const std::string& builtin_game_list() {
  static const std::string text = [] {
    std::string t = "trees ";
    for (const auto& n : builtin_game_names()) t += n + (n == builtin_game_names().back() ? "" : ", ");
    t += "; Markov games ";
    for (const auto& n : builtin_markov_game_names()) t += n + (n == builtin_markov_game_names().back() ? "" : ", ");
    return t;
  }();
  return text;
}

const std::vector<std::string>& output_format_names() {
  static const std::vector<std::string> names{"text", "json", "gambit"};
  return names;
}

OutputFormat parse_output_format(const std::string& name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "gambit") return OutputFormat::kGambit;
  return OutputFormat::kText;
}

}  // namespace equilibria::cli
