#pragma once
#include <optional>
#include <string>
#include <vector>

#include "equilibria/core/solve_control.hpp"
#include "equilibria/games/extensive/game_tree.hpp"
#include "equilibria/games/markov/markov_game.hpp"
#include "equilibria/games/strategic_game.hpp"
#include "equilibria/io/text_file.hpp"

namespace equilibria::cli {

// A game named on the command line: a strategic game (.nfg), a tree (.efg,
// or built in with --game NAME) or a Markov game (.json, "markov-game").
struct LoadedGame {
  std::string name;
  std::optional<StrategicGame> strategic;
  std::optional<GameTree> tree;
  std::optional<MarkovGame> markov;
};

// `path` is a file ("-": standard input, read as .nfg or .efg by its first
// word); `builtin` (when not empty) a built-in game's name. A stream (FIFO,
// pipe) is refused when no data comes for `stream_wait_seconds`.
LoadedGame load_game(const std::string& path, const std::string& builtin,
                     double stream_wait_seconds = kStreamWaitSeconds);

// load_game under a deadline: reading a large file or building a large tree
// gives no partial answer, so it runs on a worker thread that is abandoned
// when `control` says stop first (nullopt). The caller must then end the
// process with std::_Exit, since that thread may still be running. Errors
// from the reader are rethrown here.
std::optional<LoadedGame> load_game_within(const std::string& path, const std::string& builtin,
                                           double stream_wait_seconds, const SolveControl& control);

// Every built-in game with its parameters' defaults, for --game's help and errors.
const std::string& builtin_game_list();

// Reads a strategic game; a tree is refused with a clear message.
StrategicGame load_strategic_game(const std::string& path);

// Writes a command's output to `path`, or to standard output for "-".
void write_output(const std::string& path, const std::string& text);

// The output formats every command accepts.
enum class OutputFormat { kText, kJson, kGambit };
OutputFormat parse_output_format(const std::string& name);
const std::vector<std::string>& output_format_names();

}  // namespace equilibria::cli
