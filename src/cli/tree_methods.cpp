#include "tree_methods.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"
#include "equilibria/solvers/cfr/cfr.hpp"
#include "equilibria/solvers/cfr/mccfr.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lemke.hpp"
#include "equilibria/solvers/sequence_form/sequence_form_lp.hpp"
#include "equilibria/verify/probability_check.hpp"

namespace equilibria::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Exact certification of a behaviour profile: about 1.7 microseconds per node
// measured (liars_dice(1,6)), doubled for a loaded machine.
constexpr double kCertifySecondsPerNode = 3.5e-6;

// The average policy taken exactly, each information set made a distribution.
Behavior<Rational> exact_behavior(const GameTree& tree, const Behavior<double>& b) {
  Behavior<Rational> exact(b.size());
  for (std::size_t a = 0; a < b.size(); ++a) exact[a] = std::isfinite(b[a]) ? Rational(b[a]) : Rational(0);
  return normalised(tree, exact);
}

// Iterations at which to log: every `every`, or 1, 2, 5, 10, 20, 50, ...
std::int64_t next_log_point(std::int64_t after, std::int64_t every) {
  if (every > 0) return (after / every + 1) * every;
  for (std::int64_t decade = 1;; decade *= 10) {
    for (std::int64_t step : {1, 2, 5}) {
      if (step * decade > after) return step * decade;
    }
  }
}

std::atomic<bool> g_stop_requested{false};
std::atomic<int> g_stop_signal{0};

// Only flags the request: the run stops between chunks, saves its
// checkpoint and prints what it has. A second signal ends the process at once.
void request_stop(int sig) {
  if (g_stop_requested.exchange(true)) _exit(128 + sig);
  g_stop_signal.store(sig);
}

// SIGINT and SIGTERM stop the run cleanly while this lives.
class StopOnSignals {
 public:
  StopOnSignals() {
    g_stop_requested.store(false);
    g_stop_signal.store(0);
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a checkpoint being written goes on
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;
  ~StopOnSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }

 private:
  struct sigaction old_int_ {}, old_term_{};
};

// Runs any iterative solver (CFR or MCCFR) with resume, curve log, progress,
// time limit, signals and checkpoints, then certifies its average policy exactly.
template <class Solver>
TreeMethodResult iterate(Solver& solver, const std::string& name, const GameTree& tree,
                         const TreeMethodOptions& options) {
  const StopOnSignals signals;
  if (!options.resume_path.empty()) {
    try {
      solver.restore(read_text_file(options.resume_path));
    } catch (const std::invalid_argument& e) {
      throw InputError(options.resume_path, 0, e.what());
    }
  }
  std::ofstream log;
  if (!options.log_path.empty()) {
    // A resumed run appends to its curve.
    log.open(options.log_path, options.resume_path.empty() ? std::ios::trunc : std::ios::app);
    if (!log) throw InputError(options.log_path, 0, "cannot write log");
    if (options.resume_path.empty()) log << "iteration,seconds,exploitability\n";
  }
  // Stopped early enough to certify the average policy exactly in the limit.
  SolveControl control = options.control.earlier_by(kCertifySecondsPerNode * tree.num_nodes());
  control.set_cancel_flag(&g_stop_requested);
  const bool progress = isatty(STDERR_FILENO);
  TreeMethodResult result;
  auto last_progress = Clock::now(), last_checkpoint = Clock::now();
  const auto checkpoint_every = std::chrono::duration<double>(options.checkpoint_every);
  while (solver.iteration() < options.iterations) {
    if (control.should_stop()) {
      result.status = SolveStatus::kStopped;
      break;
    }
    const std::int64_t target = std::min(options.iterations, next_log_point(solver.iteration(), options.log_every));
    // Run in chunks small enough to honour the time limit promptly.
    const std::int64_t chunk = std::max<std::int64_t>(1, std::min<std::int64_t>(target - solver.iteration(), 64));
    const auto start = Clock::now();
    solver.run_iterations(chunk);
    result.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    if (log.is_open() && solver.iteration() == target) {
      log << solver.iteration() << ',' << result.seconds << ','
          << certify_behavior(tree, solver.average_policy()).exploitability << '\n';
    }
    if (progress && Clock::now() - last_progress > std::chrono::milliseconds(250)) {
      last_progress = Clock::now();
      std::cerr << "\r" << name << ": iteration " << solver.iteration() << "/" << options.iterations << std::flush;
    }
    // A run killed outright loses at most checkpoint_every seconds.
    if (options.checkpoint_every > 0 && Clock::now() - last_checkpoint >= checkpoint_every) {
      write_text_file(options.checkpoint_path, solver.snapshot());
      last_checkpoint = Clock::now();
    }
  }
  if (progress) std::cerr << "\r\033[K" << std::flush;
  if (!options.checkpoint_path.empty()) write_text_file(options.checkpoint_path, solver.snapshot());
  result.stop_signal = g_stop_signal.load();
  result.iterations = solver.iteration();
  result.behavior = exact_behavior(tree, solver.average_policy());
  result.cert = certify_behavior(tree, result.behavior);
  return result;
}

}  // namespace

const std::vector<std::string>& tree_method_names() {
  static const std::vector<std::string> names{"cfr",   "cfr+",     "linear-cfr", "dcfr", "pcfr+",
                                              "mccfr-es", "mccfr-os", "lp",         "lcp"};
  return names;
}

namespace {

TreeMethodResult run_lp(const GameTree& tree, const TreeMethodOptions& options, const std::string& game_name) {
  const auto start = Clock::now();
  SequenceFormLpResult lp;
  try {
    lp = solve_sequence_form_lp(tree, options.control);
  } catch (const std::invalid_argument& e) {
    throw InputError(game_name, 0, e.what());
  }
  TreeMethodResult result;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.status = lp.status;
  result.behavior = std::move(lp.behavior);
  result.cert = std::move(lp.cert);
  result.exact = lp.exact;
  result.stats = {{"lp_value", lp.value}, {"lemke_fallback", lp.lemke_fallback ? 1.0 : 0.0}};
  return result;
}

TreeMethodResult run_lcp(const GameTree& tree, const TreeMethodOptions& options, const std::string& game_name) {
  const auto start = Clock::now();
  SequenceFormLemkeResult lcp;
  try {
    lcp = solve_sequence_form_lemke(tree, options.control);
  } catch (const std::invalid_argument& e) {
    throw InputError(game_name, 0, e.what());
  }
  TreeMethodResult result;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  result.status = lcp.status;
  result.behavior = std::move(lcp.behavior);
  result.cert = std::move(lcp.cert);
  result.exact = lcp.exact;
  result.stats = {{"pivots", static_cast<double>(lcp.pivots)}, {"exact_rerun", lcp.exact_rerun ? 1.0 : 0.0}};
  return result;
}

TreeMethodResult dispatch(const std::string& name, const GameTree& tree, const TreeMethodOptions& options,
                          const std::string& game_name) {
  if (name == "lp") return run_lp(tree, options, game_name);
  if (name == "lcp") return run_lcp(tree, options, game_name);
  if (!tree.perfect_recall()) throw InputError(game_name, 0, name + " needs perfect recall: " + tree.perfect_recall_problem());
  if (name == "mccfr-es" || name == "mccfr-os") {
    MccfrOptions mc;
    mc.sampling = name == "mccfr-es" ? MccfrSampling::kExternal : MccfrSampling::kOutcome;
    mc.epsilon = options.epsilon;
    mc.seed = options.seed;
    MccfrSolver solver(tree, mc);
    return iterate(solver, name, tree, options);
  }
  CfrOptions cfr;
  try {
    cfr.variant = cfr_variant(name);
  } catch (const std::invalid_argument&) {
    throw InputError(game_name, 0, "method '" + name + "' does not apply to game trees");
  }
  cfr.alternating = !options.simultaneous;
  cfr.alpha = options.alpha;
  cfr.beta = options.beta;
  cfr.gamma = options.gamma;
  CfrSolver solver(tree, cfr);
  return iterate(solver, name, tree, options);
}

}  // namespace

TreeMethodResult run_tree_method(const std::string& name, const GameTree& tree, const TreeMethodOptions& options,
                                 const std::string& game_name) {
  TreeMethodResult result = dispatch(name, tree, options, game_name);
  // As for strategic answers: no solver's claim is taken on trust.
  if (behavior_problem(tree, result.behavior)) {
    result.behavior = normalised(tree, result.behavior);
    result.cert = certify_behavior(tree, result.behavior);
    result.exact = false;
  }
  if (result.cert.nash_conv != 0) result.exact = false;
  return result;
}

}  // namespace equilibria::cli
