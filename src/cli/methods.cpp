#include "methods.hpp"

#include "equilibria/core/input_error.hpp"
#include "equilibria/solvers/pure/pure_nash.hpp"

namespace equilibria::cli {
namespace {

MethodResult run_pure(const StrategicGame& game, const MethodOptions& opts) {
  MethodResult result;
  PureNashOptions options;
  options.control = SolveControl::with_time_limit(opts.time_limit);
  options.limit = opts.limit;
  result.status = enumerate_pure_nash(game, options, [&](const std::vector<int>& choice) {
    auto profile = MixedProfile<Rational>::pure(game.strategy_counts(), choice);
    auto cert = certify(game, profile);
    result.equilibria.push_back({std::move(profile), std::move(cert)});
  });
  return result;
}

}  // namespace

const std::vector<std::string>& method_names() {
  static const std::vector<std::string> names{"pure"};
  return names;
}

MethodResult run_method(const std::string& name, const StrategicGame& game, const MethodOptions& options,
                        const std::string& file) {
  if (name == "pure") return run_pure(game, options);
  throw InputError(file, 0, "unknown method '" + name + "'");
}

}  // namespace equilibria::cli
