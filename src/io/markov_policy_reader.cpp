#include "equilibria/io/markov_policy_reader.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"
#include "json_error.hpp"
#include "json_locator.hpp"

namespace equilibria {
namespace {

using nlohmann::json;
using Path = std::vector<JsonStep>;

constexpr double kSumTolerance = 1e-6;

Path operator/(Path p, JsonStep step) {
  p.push_back(std::move(step));
  return p;
}

class PolicyReader {
 public:
  PolicyReader(const std::string& text, const std::string& file, const MarkovGame& game)
      : text_(text), file_(file), game_(game) {
    for (int s = 0; s < game.num_states(); ++s) index_.emplace(game.state(s).name, s);
  }

  MarkovPolicyInput read(const json& doc) {
    if (!doc.is_object()) fail({}, "a Markov policy is a JSON object with \"policies\" or \"correlated\"");
    MarkovPolicyInput in;
    in.exact = !(doc.contains("exact") && doc["exact"].is_boolean() && !doc["exact"].get<bool>());
    if (doc.contains("correlated")) {
      read_correlated(doc, in);
    } else if (doc.contains("policies")) {
      read_product(doc["policies"], {"policies"}, in);
    } else {
      fail({}, "no \"policies\" or \"correlated\" to verify");
    }
    in.exact = in.exact && exact_;
    return in;
  }

 private:
  [[noreturn]] void fail(const Path& at, const std::string& cause) const {
    throw InputError(file_, json_line(text_, at), cause);
  }

  int state_of(const std::string& name, const Path& at) const {
    const auto it = index_.find(name);
    if (it == index_.end()) fail(at, "unknown state \"" + name + "\"");
    return it->second;
  }

  Rational entry(const json& x, const Path& at) {
    std::string text;
    if (x.is_string()) {
      text = x.get<std::string>();
    } else if (x.is_number()) {
      text = x.dump();
      if (x.is_number_float()) exact_ = false;
    } else {
      fail(at, "a probability must be a number or a string like \"1/3\"");
    }
    Rational q;
    std::string why;
    if (!parse_rational(text, q, &why)) fail(at, why);
    if (q < 0) fail(at, "probability " + to_string(q) + " is negative");
    return q;
  }

  // Sums of approximate entries may miss 1 by rounding: those are rescaled.
  void normalise(std::vector<Rational>& mix, const Path& at) {
    Rational sum = 0;
    for (const auto& q : mix) sum += q;
    if (sum == 1) return;
    if (!(std::abs(sum.get_d() - 1.0) <= kSumTolerance)) fail(at, "probabilities sum to " + to_string(sum) + ", not 1");
    exact_ = false;
    for (auto& q : mix) q /= sum;
  }

  std::vector<Rational> mix(const json& v, const Path& at, int s, int p) {
    const int actions = game_.num_actions(s, p);
    if (!v.is_array() || static_cast<int>(v.size()) != actions) {
      fail(at, "state " + game_.state(s).name + ": player " + std::to_string(p + 1) + " needs " +
                   std::to_string(actions) + " probabilities");
    }
    std::vector<Rational> out;
    for (std::size_t a = 0; a < v.size(); ++a) out.push_back(entry(v[a], at / a));
    normalise(out, at);
    return out;
  }

  // {"state": mix} for player p; every state when `all`.
  std::vector<std::vector<Rational>> per_state(const json& v, const Path& at, int p, bool all) {
    if (!v.is_object()) fail(at, "a policy maps state names to mixed actions");
    std::vector<std::vector<Rational>> out(game_.num_states());
    for (const auto& [name, m] : v.items()) {
      const int s = state_of(name, at / name);
      out[s] = mix(m, at / name, s, p);
    }
    if (all) {
      for (int s = 0; s < game_.num_states(); ++s) {
        if (out[s].empty()) fail(at, "player " + std::to_string(p + 1) + "'s stationary policy has no mix for state " + game_.state(s).name);
      }
    }
    return out;
  }

  void read_product(const json& v, const Path& at, MarkovPolicyInput& in) {
    const int n = game_.num_players();
    if (!v.is_array() || static_cast<int>(v.size()) != n) fail(at, "\"policies\" needs one policy per player (" + std::to_string(n) + ")");
    bool stationary = v[0].is_object();
    for (int p = 0; p < n; ++p) {
      if (v[p].is_object() != stationary) fail(at / static_cast<std::size_t>(p), "every player's policy must be stationary or every one per step");
    }
    if (stationary) {
      in.kind = MarkovPolicyInput::Kind::kStationary;
      for (int p = 0; p < n; ++p) in.stationary.push_back(per_state(v[p], at / static_cast<std::size_t>(p), p, true));
      if (!game_.discounted()) {
        // A stationary policy in a finite-horizon game plays the same at every step.
        in.kind = MarkovPolicyInput::Kind::kStepProduct;
        in.product.assign(game_.horizon(), in.stationary);
      }
      return;
    }
    if (game_.discounted()) fail(at, "a discounted game takes stationary policies (one mix per state), not per-step ones");
    const int H = game_.horizon();
    in.kind = MarkovPolicyInput::Kind::kStepProduct;
    in.product.assign(H, MarkovPolicy<Rational>(n));
    for (int p = 0; p < n; ++p) {
      const Path pp = at / static_cast<std::size_t>(p);
      if (!v[p].is_array() || static_cast<int>(v[p].size()) != H) fail(pp, "a per-step policy needs one entry per step (" + std::to_string(H) + ")");
      for (int t = 0; t < H; ++t) in.product[t][p] = per_state(v[p][t], pp / static_cast<std::size_t>(t), p, false);
    }
  }

  std::int64_t joint_index(const json& profile, const Path& at, int s) const {
    const int n = game_.num_players();
    if (!profile.is_array() || static_cast<int>(profile.size()) != n) fail(at, "a profile names one action per player");
    std::int64_t j = 0;
    for (int p = 0; p < n; ++p) {
      const auto& acts = game_.state(s).actions[p];
      int a = -1;
      for (std::size_t i = 0; i < acts.size() && profile[p].is_string(); ++i) {
        if (acts[i] == profile[p].get<std::string>()) a = static_cast<int>(i);
      }
      if (a < 0) fail(at / static_cast<std::size_t>(p), "state " + game_.state(s).name + ": player " + std::to_string(p + 1) + " has no action " + profile[p].dump());
      j += a * game_.stride(s, p);
    }
    return j;
  }

  void read_correlated(const json& doc, MarkovPolicyInput& in) {
    if (game_.discounted()) fail({"correlated"}, "correlated per-step policies need a finite-horizon game");
    if (!doc.contains("concept") || (doc["concept"] != "ce" && doc["concept"] != "cce")) {
      fail({"concept"}, "a correlated policy needs \"concept\": \"ce\" or \"cce\"");
    }
    in.kind = MarkovPolicyInput::Kind::kStepJoint;
    in.concept_kind = doc["concept"] == "ce" ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
    const json& steps = doc["correlated"];
    const int H = game_.horizon();
    const Path at{"correlated"};
    if (!steps.is_array() || static_cast<int>(steps.size()) != H) fail(at, "\"correlated\" needs one entry per step (" + std::to_string(H) + ")");
    in.joint.assign(H, std::vector<std::vector<Rational>>(game_.num_states()));
    for (int t = 0; t < H; ++t) {
      const Path st = at / static_cast<std::size_t>(t);
      if (!steps[t].is_object()) fail(st, "each step maps state names to distributions over joint actions");
      for (const auto& [name, dist] : steps[t].items()) {
        const Path sp = st / name;
        const int s = state_of(name, sp);
        if (!dist.is_array()) fail(sp, "a distribution is a list of {\"profile\", \"probability\"}");
        std::vector<Rational> sigma(game_.num_joint(s), Rational(0));
        std::vector<char> seen(sigma.size(), 0);
        for (std::size_t k = 0; k < dist.size(); ++k) {
          const Path e = sp / k;
          if (!dist[k].is_object() || !dist[k].contains("profile") || !dist[k].contains("probability")) {
            fail(e, "each entry needs \"profile\" and \"probability\"");
          }
          const std::int64_t j = joint_index(dist[k]["profile"], e / "profile", s);
          if (seen[j]) fail(e / "profile", "this joint action appears twice");
          seen[j] = 1;
          sigma[j] = entry(dist[k]["probability"], e / "probability");
        }
        normalise(sigma, sp);
        in.joint[t][s] = std::move(sigma);
      }
    }
  }

  const std::string& text_;
  const std::string& file_;
  const MarkovGame& game_;
  std::unordered_map<std::string, int> index_;
  bool exact_ = true;
};

}  // namespace

MarkovPolicyInput read_markov_policy(const std::string& text, const std::string& file, const MarkovGame& game) {
  return PolicyReader(text, file, game).read(parse_json_document(text, file));
}

}  // namespace equilibria
