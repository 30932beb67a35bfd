#pragma once
// Each CLI command registers its options on a subcommand and returns the
// function that runs it. Runners return the process exit status.
#include <CLI/CLI.hpp>
#include <functional>

namespace equilibria::cli {

using CommandRunner = std::function<int()>;

CommandRunner add_solve_command(CLI::App& root);
CommandRunner add_verify_command(CLI::App& root);
CommandRunner add_info_command(CLI::App& root);
CommandRunner add_convert_command(CLI::App& root);
CommandRunner add_bench_command(CLI::App& root);
CommandRunner add_generate_command(CLI::App& root);
CommandRunner add_plot_command(CLI::App& root);

}  // namespace equilibria::cli
