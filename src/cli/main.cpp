// The `equilibria` command line. Bad input ends with one line on stderr and
// exit status 2; nothing below main() prints errors or exits.
#include <iostream>
#include <new>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"

int main(int argc, char** argv) {
  using namespace equilibria::cli;
  CLI::App app{"Equilibria: compute and certify equilibria of games"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "equilibria 0.1.0");
  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  auto add = [&](CommandRunner (*adder)(CLI::App&)) {
    CommandRunner run = adder(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(run));
  };
  add(add_solve_command);
  add(add_verify_command);
  add(add_info_command);
  add(add_convert_command);
  add(add_bench_command);
  add(add_generate_command);
  add(add_plot_command);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // Usage errors, like bad input, are one line and exit status 2.
    std::cerr << "equilibria: " << e.what() << " (see --help)\n";
    return 2;
  }
  try {
    for (auto& [cmd, run] : commands) {
      if (cmd->parsed()) return run();
    }
  } catch (const equilibria::InputError& e) {
    std::cerr << "equilibria: " << e.what() << '\n';
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "equilibria: out of memory\n";
    return 3;
  }
  return 2;
}
