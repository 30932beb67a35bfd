#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "commands.hpp"
#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "game_loader.hpp"

namespace equilibria::cli {
namespace {

struct PlotArgs {
  std::vector<std::string> curves;
  std::string output = "curve.png";
  std::string x = "iteration";
  std::string title;
};

struct ChildOutput {
  int status = 0;
  std::string out, err;
};

// Runs argv[0] and collects its standard output and error (both read as they
// come, so neither pipe can fill up and stall the child).
ChildOutput run_child(std::vector<std::string> argv) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw InputError(argv[0], 0, "cannot start");
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    throw InputError(argv[0], 0, "cannot start");
  }
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  ChildOutput r;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  char buffer[1 << 16];
  for (int open = pid < 0 ? 0 : 2; open > 0;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
        continue;
      }
      close(fds[i].fd);
      fds[i].fd = -1;
      --open;
    }
  }
  for (const pollfd& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  if (pid < 0 || waitpid(pid, &r.status, 0) < 0) throw InputError(argv[0], 0, "cannot start");
  return r;
}

// Drawing is matplotlib's job: tools/plot_curve.py draws the curves to its
// standard output, and the image is written here like every other output.
int run(const PlotArgs& args) {
  for (const auto& c : args.curves) read_text_file(c);  // a missing file is reported here, as everywhere
  struct stat st{};
  if (stat(args.output.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    throw InputError(args.output, 0, "is a directory; give the image's file name (e.g. curves.png)");
  }
  std::vector<std::string> argv{"/usr/bin/python3", EQUILIBRIA_PLOT_SCRIPT, "-o", "-", "--x", args.x};
  if (!args.title.empty()) {
    argv.push_back("--title");
    argv.push_back(args.title);
  }
  // The output's name picks the image format; "--" keeps curve names that start with '-' file names.
  argv.push_back("--output-name");
  argv.push_back(args.output);
  argv.push_back("--");
  for (const auto& c : args.curves) argv.push_back(c);
  const ChildOutput child = run_child(argv);
  if (WIFEXITED(child.status) && WEXITSTATUS(child.status) == 127 && child.out.empty()) {
    throw InputError(argv[0], 0, "cannot run it to draw (plot needs /usr/bin/python3 with matplotlib)");
  }
  if (!WIFEXITED(child.status) || WEXITSTATUS(child.status) != 0 || child.out.empty()) {
    // The script's last line says what failed: "WHAT<TAB>CAUSE".
    std::string line = child.err;
    while (!line.empty() && line.back() == '\n') line.pop_back();
    line = line.substr(line.rfind('\n') == std::string::npos ? 0 : line.rfind('\n') + 1);
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) throw InputError(args.output, 0, "drawing failed (python3 with matplotlib)");
    throw InputError(line.substr(0, tab), 0, line.substr(tab + 1));
  }
  write_output(args.output, child.out);
  if (args.output != "-") std::cout << args.output << '\n';
  return 0;
}

}  // namespace

CommandRunner add_plot_command(CLI::App& root) {
  auto args = std::make_shared<PlotArgs>();
  CLI::App* cmd = root.add_subcommand("plot", "Draw convergence curves (CSV from solve --log: exploitability, gap or residual) as a PNG");
  cmd->add_option("curves", args->curves, "Curve files")->required();
  cmd->add_option("-o,--output", args->output,
                  "Image file (PNG; .pdf or .svg by its extension; '-' for stdout); a directory is refused")
      ->capture_default_str();
  cmd->add_option("--x", args->x, "Horizontal axis (component_calls: first-order methods' curves)")
      ->check(CLI::IsMember(std::vector<std::string>{"iteration", "seconds", "component_calls"}))
      ->capture_default_str();
  cmd->add_option("--title", args->title, "Title");
  return [args] { return run(*args); };
}

}  // namespace equilibria::cli
