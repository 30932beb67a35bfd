#include <sys/wait.h>
#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"

namespace equilibria::cli {
namespace {

struct PlotArgs {
  std::vector<std::string> curves;
  std::string output = "curve.png";
  std::string x = "iteration";
  std::string title;
};

// Drawing is matplotlib's job: the CLI hands the curves to tools/plot_curve.py.
int run(const PlotArgs& args) {
  for (const auto& c : args.curves) read_text_file(c);  // a missing file is reported here, as everywhere
  std::vector<std::string> argv{"/usr/bin/python3", EQUILIBRIA_PLOT_SCRIPT, "-o", args.output, "--x", args.x};
  if (!args.title.empty()) {
    argv.push_back("--title");
    argv.push_back(args.title);
  }
  for (const auto& c : args.curves) argv.push_back(c);
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0) throw InputError(args.output, 0, "cannot start python3 to draw");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw InputError(args.output, 0, "drawing failed (needs /usr/bin/python3 with matplotlib; see above)");
  }
  std::cout << args.output << '\n';
  return 0;
}

}  // namespace

CommandRunner add_plot_command(CLI::App& root) {
  auto args = std::make_shared<PlotArgs>();
  CLI::App* cmd = root.add_subcommand("plot", "Draw exploitability curves (CSV from solve --log) as a PNG");
  cmd->add_option("curves", args->curves, "Curve files")->required();
  cmd->add_option("-o,--output", args->output, "PNG file")->capture_default_str();
  cmd->add_option("--x", args->x, "Horizontal axis")
      ->check(CLI::IsMember(std::vector<std::string>{"iteration", "seconds"}))
      ->capture_default_str();
  cmd->add_option("--title", args->title, "Title");
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
