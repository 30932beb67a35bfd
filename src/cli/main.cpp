// The `equilibria` command line. Every failure ends with one line on stderr
// and a documented exit status (kExitStatuses); nothing below main() prints
// errors or exits, except GMP's allocator, which cannot return on failure.
#include <gmp.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/core/solve_errors.hpp"

namespace {

constexpr const char* kExitStatuses =
    "Exit status: 0 done (solve: an answer, or status 'stopped' within the limits); 1 verify rejected a "
    "profile; 2 bad input or usage; 3 out of memory or another resource limit; 4 a solver failed.";

// GMP aborts when an allocation fails and its allocation functions may not
// return or throw; the clean path is one line and exit status 3.
[[noreturn]] void gmp_out_of_memory() {
  constexpr const char kMessage[] = "equilibria: out of memory (exact arithmetic)\n";
  [[maybe_unused]] auto ignored = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  _exit(3);
}
void* gmp_allocate(std::size_t n) {
  void* p = std::malloc(n);
  if (p == nullptr) gmp_out_of_memory();
  return p;
}
void* gmp_reallocate(void* old, std::size_t, std::size_t n) {
  void* p = std::realloc(old, n);
  if (p == nullptr) gmp_out_of_memory();
  return p;
}
void gmp_free(void* p, std::size_t) { std::free(p); }

}  // namespace

int main(int argc, char** argv) {
  using namespace equilibria::cli;
  mp_set_memory_functions(gmp_allocate, gmp_reallocate, gmp_free);
  CLI::App app{"Equilibria: compute and certify equilibria of games"};
  app.footer(kExitStatuses);
  app.require_subcommand(1);
  app.set_version_flag("--version", "equilibria 0.1.0");
  std::vector<std::pair<CLI::App*, CommandRunner>> commands;
  auto add = [&](CommandRunner (*adder)(CLI::App&)) {
    CommandRunner run = adder(app);
    CLI::App* cmd = app.get_subcommands({}).back();
    if (cmd->get_footer().empty()) cmd->footer(kExitStatuses);
    commands.emplace_back(cmd, std::move(run));
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
  } catch (const equilibria::ResourceLimit& e) {
    std::cerr << "equilibria: " << e.what() << '\n';
    return 3;
  } catch (const std::bad_alloc&) {
    std::cerr << "equilibria: out of memory\n";
    return 3;
  } catch (const equilibria::SolverFailure& e) {
    std::cerr << "equilibria: " << e.what() << '\n';
    return 4;
  } catch (const std::exception& e) {
    // The last line of defence: every known failure is caught where it
    // arises; anything else is a solver bug, reported on one line.
    std::string what = e.what();
    for (char& c : what) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    std::cerr << "equilibria: internal error: " << what << '\n';
    return 4;
  }
  return 2;
}
