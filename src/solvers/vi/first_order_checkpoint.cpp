#include "equilibria/solvers/vi/first_order_checkpoint.hpp"

#include <random>

#include "equilibria/solvers/cfr/checkpoint.hpp"

namespace equilibria::vi {
namespace {

using cfr_detail::CheckpointField;

std::vector<CheckpointField> fields(const std::string& fingerprint, const FirstOrderOptions& options, double step) {
  return {{"method", first_order_method_names()[static_cast<int>(options.method)]},
          {"step", cfr_detail::checkpoint_number(step)},
          {"seed", std::to_string(options.seed)},
          {"game", fingerprint}};
}

}  // namespace

std::string operator_fingerprint(const MonotoneOperator& op) {
  const int d = op.dimension();
  std::vector<double> z(d), f(d);
  std::mt19937_64 rng(0x5eed);
  std::uniform_real_distribution<double> u(-1, 1);
  for (double& x : z) x = u(rng);
  op.evaluate(z.data(), f.data());
  op.project(z.data());
  std::uint64_t hash = cfr_detail::fnv1a(f.data(), f.size() * sizeof(double));
  hash = cfr_detail::fnv1a(z.data(), z.size() * sizeof(double), hash);
  return std::to_string(d) + "/" + std::to_string(op.num_components()) + "/" + std::to_string(hash);
}

std::string encode_first_order_checkpoint(const std::string& fingerprint, const FirstOrderOptions& options, double step,
                                          const FirstOrderState& s) {
  const std::vector<double> residual{s.restart_residual};
  return cfr_detail::encode_checkpoint(
      fields(fingerprint, options, step),
      {{"iteration", static_cast<std::uint64_t>(s.iteration)},
       {"anchor_age", static_cast<std::uint64_t>(s.anchor_age)},
       {"restarts", static_cast<std::uint64_t>(s.restarts)},
       {"component_calls", static_cast<std::uint64_t>(s.component_calls)}},
      {&s.z, &s.anchor, &s.w, &s.fw, &s.g, &s.prev, &residual});
}

FirstOrderState decode_first_order_checkpoint(const std::string& bytes, const std::string& fingerprint,
                                              const FirstOrderOptions& options, double step, int dimension) {
  FirstOrderState s;
  for (auto* v : {&s.z, &s.anchor, &s.w, &s.fw, &s.g, &s.prev}) v->assign(dimension, 0.0);
  std::vector<double> residual(1);
  std::uint64_t iteration = 0, anchor_age = 0, restarts = 0, calls = 0;
  constexpr std::uint64_t kMax = std::uint64_t{1} << 62;
  cfr_detail::decode_checkpoint(bytes, fields(fingerprint, options, step),
                                {{"iteration", &iteration, kMax},
                                 {"anchor_age", &anchor_age, kMax},
                                 {"restarts", &restarts, kMax},
                                 {"component_calls", &calls, kMax}},
                                {{&s.z, false}, {&s.anchor, false}, {&s.w, false}, {&s.fw, false}, {&s.g, false},
                                 {&s.prev, false}, {&residual, true}});
  if (anchor_age > iteration || restarts > iteration) throw std::invalid_argument("the checkpoint is damaged (counters out of order)");
  s.iteration = static_cast<std::int64_t>(iteration);
  s.anchor_age = static_cast<std::int64_t>(anchor_age);
  s.restarts = static_cast<std::int64_t>(restarts);
  s.component_calls = static_cast<std::int64_t>(calls);
  s.restart_residual = residual[0];
  return s;
}

}  // namespace equilibria::vi
