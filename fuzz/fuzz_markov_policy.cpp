// Markov policy reader, against Big Match (discounted) and a finite-horizon
// version of it, from the same bytes. What it accepts must be distributions
// (exactly, when marked exact) that certify with non-negative regrets.
#include <nlohmann/json.hpp>

#include "equilibria/games/markov/builtin_markov_games.hpp"
#include "equilibria/io/markov_json.hpp"
#include "equilibria/io/markov_policy_reader.hpp"
#include "equilibria/verify/markov_best_response.hpp"
#include "fuzz_common.hpp"

namespace equilibria::fuzz {
namespace {

void check_mix(const std::vector<Rational>& mix, bool exact) {
  if (mix.empty()) return;  // a state the per-step policy does not play
  Rational sum(0);
  for (const Rational& x : mix) {
    if (x < 0) finding("accepted a negative probability");
    sum += x;
  }
  if (sum != 1) finding(exact ? "accepted an exact mix not summing to 1" : "an approximate mix was not normalised");
}

void check(const MarkovGame& game, const MarkovPolicyInput& in) {
  for (const auto& player : in.stationary) {
    for (const auto& mix : player) check_mix(mix, in.exact);
  }
  for (const auto& step : in.product) {
    for (const auto& player : step) {
      for (const auto& mix : player) check_mix(mix, in.exact);
    }
  }
  for (const auto& step : in.joint) {
    for (const auto& sigma : step) check_mix(sigma, in.exact);
  }
  if (in.kind == MarkovPolicyInput::Kind::kStationary) {
    const auto values = exact_profile_values(game, in.stationary, {});
    std::vector<Rational> regrets;
    for (int p = 0; p < game.num_players(); ++p) {
      const auto best = exact_best_response(game, in.stationary, p, {});
      for (int s = 0; s < game.num_states(); ++s) regrets.push_back(best->value[s] - (*values)[p][s]);
    }
    check_regrets(regrets, "stationary policy");
    return;
  }
  // Per-step policies may leave reached states out: a clean refusal is fine.
  try {
    const FiniteHorizonCertificate cert = in.kind == MarkovPolicyInput::Kind::kStepProduct
                                              ? certify_finite_horizon(game, in.product)
                                              : certify_finite_horizon(game, in.joint, in.concept_kind);
    check_regrets(cert.regrets, "per-step policy");
  } catch (const std::invalid_argument&) {
  }
}

}  // namespace
}  // namespace equilibria::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace equilibria;
  static const MarkovGame discounted = big_match(Rational(1, 2));
  static const MarkovGame finite = [] {
    nlohmann::json doc = nlohmann::json::parse(write_markov_json(discounted));
    doc.erase("discount");
    doc["horizon"] = 3;
    return read_markov_json(doc.dump(), "big_match_h3.json");
  }();
  const std::string text(fuzz::as_text(data, size));
  for (const MarkovGame* game : {&discounted, &finite}) {
    std::optional<MarkovPolicyInput> in;
    if (fuzz::accepts([&] { in.emplace(read_markov_policy(text, "fuzz.json", *game)); })) fuzz::check(*game, *in);
  }
  return 0;
}
