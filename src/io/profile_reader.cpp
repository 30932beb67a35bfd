#include "equilibria/io/profile_reader.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"
#include "json_error.hpp"

namespace equilibria {
namespace {

using nlohmann::json;

constexpr double kSumTolerance = 1e-6;

int line_of_byte(std::string_view text, std::size_t byte) {
  int line = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// One rule for every entry, whatever the notation: the value is read exactly
// from its text; integers and fractions (and every JSON string) are exact,
// while a decimal point or an exponent (a JSON float, Gambit's "0.3333")
// marks a floating value, which makes its profile approximate.
struct Entry {
  Rational value;
  bool exact = true;
};

bool written_as_decimal(std::string_view text) { return text.find_first_of(".eE") != std::string_view::npos; }

Entry read_entry(const json& x, const std::string& file, int line) {
  std::string text;
  bool exact = true;
  if (x.is_string()) {
    text = x.get<std::string>();
  } else if (x.is_number()) {
    text = x.dump();  // the shortest decimal that reads back as the parsed number
    exact = !x.is_number_float();
  } else {
    throw InputError(file, line, "a probability must be a number or a string like \"1/3\"");
  }
  Entry e{Rational(0), exact};
  std::string why;
  if (!parse_rational(text, e.value, &why)) throw InputError(file, line, why);
  return e;
}

class ProfileBuilder {
 public:
  ProfileBuilder(const std::string& file, const std::vector<int>& counts) : file_(file), counts_(counts) {}

  // Checks the entries and each player's sum, then records the profile.
  void finish(ProfileInput in, int line, std::vector<ProfileInput>& out) const {
    in.line = line;
    for (int p = 0; p < static_cast<int>(counts_.size()); ++p) {
      Rational sum(0);
      for (const auto& x : in.profile.player(p)) {
        if (x < 0) throw InputError(file_, line, "negative probability for player " + std::to_string(p + 1));
        sum += x;
      }
      // Rounded decimals (Gambit's floating output) sum to nearly 1: such a
      // profile is kept, as an approximate one.
      if (sum != 1) {
        if (std::abs(sum.get_d() - 1.0) > kSumTolerance) {
          throw InputError(file_, line, "player " + std::to_string(p + 1) + "'s probabilities sum to " +
                                            std::to_string(sum.get_d()) + ", not 1");
        }
        in.exact = false;
      }
    }
    out.push_back(std::move(in));
  }

  ProfileInput from_flat(const std::vector<std::string>& entries, int line) const {
    int total = 0;
    for (int c : counts_) total += c;
    if (static_cast<int>(entries.size()) != total) {
      throw InputError(file_, line, std::to_string(entries.size()) + " probabilities; the game has " +
                                        std::to_string(total) + " strategies in all");
    }
    ProfileInput in{MixedProfile<Rational>(counts_), true, line};
    for (int i = 0; i < total; ++i) {
      std::string why;
      if (!parse_rational(entries[i], in.profile.flat()[i], &why)) throw InputError(file_, line, why);
      if (written_as_decimal(entries[i])) in.exact = false;
    }
    return in;
  }

  ProfileInput from_json(const json& strategies, int line) const {
    if (!strategies.is_array() || strategies.size() != counts_.size()) {
      throw InputError(file_, line, "'strategies' must list one probability vector per player (" +
                                        std::to_string(counts_.size()) + ")");
    }
    ProfileInput in{MixedProfile<Rational>(counts_), true, line};
    for (std::size_t p = 0; p < counts_.size(); ++p) {
      const json& v = strategies[p];
      if (!v.is_array() || static_cast<int>(v.size()) != counts_[p]) {
        throw InputError(file_, line, "player " + std::to_string(p + 1) + " needs " + std::to_string(counts_[p]) +
                                          " probabilities");
      }
      auto dst = in.profile.player(static_cast<int>(p));
      for (int s = 0; s < counts_[p]; ++s) {
        Entry e = read_entry(v[s], file_, line);
        dst[s] = std::move(e.value);
        in.exact = in.exact && e.exact;
      }
    }
    return in;
  }

 private:
  const std::string& file_;
  const std::vector<int>& counts_;
};

// Every nlohmann failure (a syntax error, a number beyond the double range,
// a value of the wrong type) becomes one InputError naming the file.
json parse_document(std::string_view text, const std::string& file) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    const std::string what = e.what();
    throw InputError(file, line_of_byte(text, e.byte == 0 ? 0 : e.byte - 1), "invalid JSON: " + what.substr(what.find(':') + 2));
  } catch (const json::exception& e) {
    throw InputError(file, 0, "invalid JSON: " + json_error_cause(e));
  }
}

template <class Read>
auto guarded(const std::string& file, Read read) {
  try {
    return read();
  } catch (const json::exception& e) {
    throw InputError(file, 0, json_error_cause(e));
  }
}

// solve's JSON says "exact": false for a floating answer: every profile in it
// is then approximate, whatever its notation.
bool declared_approximate(const json& doc) {
  return doc.is_object() && doc.contains("exact") && doc["exact"].is_boolean() && !doc["exact"].get<bool>();
}

std::vector<ProfileInput> read_json(std::string_view text, const std::string& file, const ProfileBuilder& build) {
  const json doc = parse_document(text, file);
  std::vector<ProfileInput> out;
  if (doc.is_object() && doc.contains("equilibria")) {
    if (!doc["equilibria"].is_array()) throw InputError(file, 1, "'equilibria' must be a list");
    for (const json& e : doc["equilibria"]) {
      if (!e.is_object() || !e.contains("strategies")) {
        throw InputError(file, 1, e.is_object() && e.contains("distribution")
                                      ? "an equilibrium has a 'distribution' but the answer names no concept \"ce\" or \"cce\""
                                      : "an equilibrium has no 'strategies'");
      }
      build.finish(build.from_json(e["strategies"], 1), 1, out);
    }
  } else if (doc.is_object() && doc.contains("strategies")) {
    build.finish(build.from_json(doc["strategies"], 1), 1, out);
  } else if (doc.is_array()) {
    build.finish(build.from_json(doc, 1), 1, out);
  } else {
    throw InputError(file, 1, "expected an object with 'strategies' or 'equilibria', or a list of lists");
  }
  if (declared_approximate(doc)) {
    for (auto& in : out) in.exact = false;
  }
  return out;
}

std::vector<ProfileInput> read_lines(std::string_view text, const std::string& file, const ProfileBuilder& build) {
  std::vector<ProfileInput> out;
  int line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view row = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    while (!row.empty() && (row.back() == '\r' || row.back() == ' ' || row.back() == '\t')) row.remove_suffix(1);
    while (!row.empty() && (row.front() == ' ' || row.front() == '\t')) row.remove_prefix(1);
    if (row.empty() || row.front() == '#') continue;
    if (row.substr(0, 3) == "NE,") row.remove_prefix(3);
    std::vector<std::string> entries;
    std::size_t start = 0;
    while (start <= row.size()) {
      const std::size_t comma = std::min(row.find(',', start), row.size());
      std::string_view item = row.substr(start, comma - start);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      entries.emplace_back(item);
      start = comma + 1;
    }
    build.finish(build.from_flat(entries, line), line, out);
  }
  if (out.empty()) throw InputError(file, line, "no profile found (expected JSON or 'NE,...' lines)");
  return out;
}

BehaviorInput behavior_from_json(const json& b, const std::string& file, const GameTree& tree) {
  if (!b.is_array() || static_cast<int>(b.size()) != tree.num_players()) {
    throw InputError(file, 1, "'behavior' must list one entry per player (" + std::to_string(tree.num_players()) + ")");
  }
  BehaviorInput in;
  in.flat.assign(tree.num_global_actions(), Rational(0));
  for (int p = 0; p < tree.num_players(); ++p) {
    const auto& sets = tree.infosets_of(p);
    if (!b[p].is_array() || b[p].size() != sets.size()) {
      throw InputError(file, 1, "player " + std::to_string(p + 1) + " has " + std::to_string(sets.size()) + " information sets");
    }
    for (std::size_t k = 0; k < sets.size(); ++k) {
      const int i = sets[k];
      const json& v = b[p][k];
      if (!v.is_array() || static_cast<int>(v.size()) != tree.num_actions(i)) {
        throw InputError(file, 1, "player " + std::to_string(p + 1) + ", information set " + std::to_string(k + 1) +
                                      ": needs " + std::to_string(tree.num_actions(i)) + " probabilities");
      }
      Rational sum(0);
      for (int a = 0; a < tree.num_actions(i); ++a) {
        Rational& q = in.flat[tree.action_begin(i) + a];
        Entry e = read_entry(v[a], file, 1);
        q = std::move(e.value);
        in.exact = in.exact && e.exact;
        if (q < 0) throw InputError(file, 1, "negative probability");
        sum += q;
      }
      if (sum != 1) {
        if (std::abs(sum.get_d() - 1.0) > kSumTolerance) {
          throw InputError(file, 1, "player " + std::to_string(p + 1) + ", information set " + std::to_string(k + 1) +
                                        ": probabilities sum to " + std::to_string(sum.get_d()));
        }
        in.exact = false;
        for (int a = 0; a < tree.num_actions(i); ++a) in.flat[tree.action_begin(i) + a] /= sum;
      }
    }
  }
  return in;
}

}  // namespace

std::vector<BehaviorInput> read_behavior_profiles(std::string_view text, const std::string& file_name,
                                                  const GameTree& tree) {
  return guarded(file_name, [&] {
  const json doc = parse_document(text, file_name);
  std::vector<BehaviorInput> out;
  if (doc.is_object() && doc.contains("equilibria") && doc["equilibria"].is_array()) {
    for (const json& e : doc["equilibria"]) {
      if (!e.is_object() || !e.contains("behavior")) throw InputError(file_name, 1, "an equilibrium has no 'behavior'");
      out.push_back(behavior_from_json(e["behavior"], file_name, tree));
    }
  } else if (doc.is_object() && doc.contains("behavior")) {
    out.push_back(behavior_from_json(doc["behavior"], file_name, tree));
  } else {
    throw InputError(file_name, 1, "expected an object with 'behavior' or 'equilibria'");
  }
  if (out.empty()) throw InputError(file_name, 1, "no behaviour profile found");
  if (declared_approximate(doc)) {
    for (auto& in : out) in.exact = false;
  }
  return out;
  });
}

std::vector<ProfileInput> read_profiles(std::string_view text, const std::string& file_name,
                                        const std::vector<int>& strategy_counts) {
  const ProfileBuilder build(file_name, strategy_counts);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    return guarded(file_name, [&] { return read_json(text, file_name, build); });
  }
  return read_lines(text, file_name, build);
}

std::optional<std::vector<DistributionInput>> read_distributions(std::string_view text, const std::string& file_name,
                                                                const StrategicGame& game) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') return std::nullopt;
  return guarded(file_name, [&]() -> std::optional<std::vector<DistributionInput>> {
    const json doc = parse_document(text, file_name);
    if (!doc.contains("concept") || !doc["concept"].is_string()) return std::nullopt;
    const std::string name = doc["concept"].get<std::string>();
    if (name != "ce" && name != "cce") return std::nullopt;
    const CorrelatedConcept kind = name == "ce" ? CorrelatedConcept::kCorrelated : CorrelatedConcept::kCoarseCorrelated;
    if (!doc.contains("equilibria") || !doc["equilibria"].is_array()) throw InputError(file_name, 1, "'equilibria' must be a list");
    const int n = game.num_players();
    std::vector<DistributionInput> out;
    for (const json& e : doc["equilibria"]) {
      if (!e.is_object() || !e.contains("distribution") || !e["distribution"].is_array()) {
        throw InputError(file_name, 1, "a " + name + " answer lists a 'distribution' per equilibrium");
      }
      DistributionInput in{kind, std::vector<Rational>(game.num_profiles(), Rational(0)), !declared_approximate(doc)};
      std::vector<char> seen(game.num_profiles(), 0);
      Rational sum(0);
      for (const json& item : e["distribution"]) {
        if (!item.is_object() || !item.contains("profile") || !item.contains("probability") ||
            !item["profile"].is_array() || static_cast<int>(item["profile"].size()) != n) {
          throw InputError(file_name, 1, "each 'distribution' entry is {\"profile\": [one strategy per player (" +
                                             std::to_string(n) + ")], \"probability\": p}");
        }
        std::vector<int> pure(n);
        for (int p = 0; p < n; ++p) {
          const json& a = item["profile"][p];
          if (!a.is_number_integer() || a.get<std::int64_t>() < 0 || a.get<std::int64_t>() >= game.num_strategies(p)) {
            throw InputError(file_name, 1, "player " + std::to_string(p + 1) + "'s strategy must be an integer from 0 to " +
                                               std::to_string(game.num_strategies(p) - 1));
          }
          pure[p] = a.get<int>();
        }
        const std::int64_t s = game.profile_index(pure);
        if (seen[s]) throw InputError(file_name, 1, "a joint profile is listed twice in one distribution");
        seen[s] = 1;
        Entry q = read_entry(item["probability"], file_name, 1);
        if (q.value < 0) throw InputError(file_name, 1, "negative probability");
        in.exact = in.exact && q.exact;
        sum += q.value;
        in.probability[s] = std::move(q.value);
      }
      // As for mixed profiles: rounded entries may miss 1 by a little; the
      // distribution is then approximate and taken divided by its sum.
      if (sum != 1) {
        if (std::abs(sum.get_d() - 1.0) > kSumTolerance) {
          throw InputError(file_name, 1, "the probabilities sum to " + std::to_string(sum.get_d()) + ", not 1");
        }
        in.exact = false;
        for (auto& q : in.probability) q /= sum;
      }
      out.push_back(std::move(in));
    }
    if (out.empty()) throw InputError(file_name, 1, "no distribution found");
    return out;
  });
}

}  // namespace equilibria
