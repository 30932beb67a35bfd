#include "equilibria/io/distribution_constraints.hpp"

#include <nlohmann/json.hpp>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"
#include "json_error.hpp"

namespace equilibria {
namespace {

using nlohmann::json;

class Reader {
 public:
  Reader(const std::string& file, const StrategicGame& game) : file_(file), game_(game) {}

  [[noreturn]] void fail(std::size_t k, const std::string& cause) const {
    throw InputError(file_, 0, "constraint " + std::to_string(k + 1) + ": " + cause);
  }

  int index(const json& v, int limit, std::size_t k, const char* what) const {
    if (!v.is_number_integer() || v.get<long>() < 0 || v.get<long>() >= limit) {
      fail(k, std::string(what) + " must be an integer from 0 to " + std::to_string(limit - 1));
    }
    return v.get<int>();
  }

  std::int64_t profile(const json& v, std::size_t k) const {
    if (!v.is_array() || static_cast<int>(v.size()) != game_.num_players()) {
      fail(k, "a joint profile lists one strategy per player (" + std::to_string(game_.num_players()) + ")");
    }
    std::vector<int> pure;
    for (int p = 0; p < game_.num_players(); ++p) pure.push_back(index(v[p], game_.num_strategies(p), k, "a strategy"));
    return game_.profile_index(pure);
  }

  // The bound: exactly one of "<=", ">=", "=".
  void bound(const json& c, std::size_t k, DistributionConstraint& out) const {
    int found = 0;
    for (const auto& [key, sense] : {std::pair{"<=", DistributionConstraint::Sense::kLessEqual},
                                     std::pair{">=", DistributionConstraint::Sense::kGreaterEqual},
                                     std::pair{"=", DistributionConstraint::Sense::kEqual}}) {
      if (!c.contains(key)) continue;
      ++found;
      out.sense = sense;
      const json& v = c[key];
      std::string why;
      if (v.is_string()) {
        if (!parse_rational(v.get<std::string>(), out.rhs, &why)) fail(k, why);
      } else if (v.is_number()) {
        if (!parse_rational(v.dump(), out.rhs, &why)) fail(k, why);
      } else {
        fail(k, "a bound must be a number or a string like \"1/3\"");
      }
    }
    if (found != 1) fail(k, "give exactly one of \"<=\", \">=\", \"=\"");
  }

  std::vector<DistributionConstraint> read(const json& doc) const {
    if (!doc.is_object() || !doc.contains("constraints") || !doc["constraints"].is_array()) {
      throw InputError(file_, 1, "expected {\"constraints\": [...]}");
    }
    std::vector<DistributionConstraint> out;
    const json& list = doc["constraints"];
    for (std::size_t k = 0; k < list.size(); ++k) {
      const json& c = list[k];
      if (!c.is_object()) fail(k, "each constraint is an object");
      if (c.contains("forbid")) {
        if (!c["forbid"].is_array()) fail(k, "\"forbid\" lists joint profiles");
        for (const json& p : c["forbid"]) {
          DistributionConstraint d;
          d.terms.emplace_back(profile(p, k), Rational(1));
          d.sense = DistributionConstraint::Sense::kEqual;
          d.rhs = 0;
          d.description = "forbidden profile";
          out.push_back(std::move(d));
        }
        continue;
      }
      DistributionConstraint d;
      bound(c, k, d);
      if (c.contains("payoff")) {
        const int p = index(c["payoff"], game_.num_players(), k, "a player");
        for (std::int64_t s = 0; s < game_.num_profiles(); ++s) {
          if (game_.payoff(p, s) != 0) d.terms.emplace_back(s, game_.payoff(p, s));
        }
        d.description = "payoff of player " + std::to_string(p);
      } else if (c.contains("marginal")) {
        const json& m = c["marginal"];
        if (!m.is_array() || m.size() != 2) fail(k, "\"marginal\" is [player, strategy]");
        const int p = index(m[0], game_.num_players(), k, "a player");
        const int a = index(m[1], game_.num_strategies(p), k, "a strategy");
        for (std::int64_t s = 0; s < game_.num_profiles(); ++s) {
          if ((s / game_.stride(p)) % game_.num_strategies(p) == a) d.terms.emplace_back(s, Rational(1));
        }
        d.description = "marginal of player " + std::to_string(p);
      } else if (c.contains("profile")) {
        d.terms.emplace_back(profile(c["profile"], k), Rational(1));
        d.description = "profile probability";
      } else {
        fail(k, "expected \"forbid\", \"payoff\", \"marginal\" or \"profile\"");
      }
      out.push_back(std::move(d));
    }
    return out;
  }

 private:
  const std::string& file_;
  const StrategicGame& game_;
};

}  // namespace

std::vector<DistributionConstraint> read_distribution_constraints(const std::string& text, const std::string& file,
                                                                  const StrategicGame& game) {
  // Every nlohmann failure (syntax, a number beyond the double range, a value
  // of the wrong type) is one line naming the file.
  try {
    return Reader(file, game).read(json::parse(text));
  } catch (const json::exception& e) {
    throw InputError(file, 0, "invalid JSON: " + json_error_cause(e));
  }
}

}  // namespace equilibria
