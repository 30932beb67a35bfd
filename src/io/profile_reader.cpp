#include "equilibria/io/profile_reader.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"

namespace equilibria {
namespace {

using nlohmann::json;

constexpr double kSumTolerance = 1e-6;

int line_of_byte(std::string_view text, std::size_t byte) {
  int line = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return line;
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
    for (int i = 0; i < total; ++i) in.profile.flat()[i] = exact_entry(entries[i], line);
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
        const json& x = v[s];
        if (x.is_string()) {
          dst[s] = exact_entry(x.get<std::string>(), line);
        } else if (x.is_number()) {
          const double d = x.get<double>();
          if (!std::isfinite(d)) throw InputError(file_, line, "probability is not finite");
          dst[s] = Rational(d);
          in.exact = false;
        } else {
          throw InputError(file_, line, "a probability must be a number or a string like \"1/3\"");
        }
      }
    }
    return in;
  }

 private:
  Rational exact_entry(const std::string& text, int line) const {
    Rational q;
    std::string why;
    if (!parse_rational(text, q, &why)) throw InputError(file_, line, why);
    return q;
  }

  const std::string& file_;
  const std::vector<int>& counts_;
};

std::vector<ProfileInput> read_json(std::string_view text, const std::string& file, const ProfileBuilder& build) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::string what = e.what();
    throw InputError(file, line_of_byte(text, e.byte == 0 ? 0 : e.byte - 1), "invalid JSON: " + what.substr(what.find(':') + 2));
  }
  std::vector<ProfileInput> out;
  if (doc.is_object() && doc.contains("equilibria")) {
    if (!doc["equilibria"].is_array()) throw InputError(file, 1, "'equilibria' must be a list");
    for (const json& e : doc["equilibria"]) {
      if (!e.is_object() || !e.contains("strategies")) throw InputError(file, 1, "an equilibrium has no 'strategies'");
      build.finish(build.from_json(e["strategies"], 1), 1, out);
    }
  } else if (doc.is_object() && doc.contains("strategies")) {
    build.finish(build.from_json(doc["strategies"], 1), 1, out);
  } else if (doc.is_array()) {
    build.finish(build.from_json(doc, 1), 1, out);
  } else {
    throw InputError(file, 1, "expected an object with 'strategies' or 'equilibria', or a list of lists");
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
        if (v[a].is_string()) {
          std::string why;
          if (!parse_rational(v[a].get<std::string>(), q, &why)) throw InputError(file, 1, why);
        } else if (v[a].is_number() && std::isfinite(v[a].get<double>())) {
          q = Rational(v[a].get<double>());
          in.exact = false;
        } else {
          throw InputError(file, 1, "a probability must be a finite number or a string like \"1/3\"");
        }
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
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(file_name, 0, std::string("invalid JSON: ") + e.what());
  }
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
  return out;
}

std::vector<ProfileInput> read_profiles(std::string_view text, const std::string& file_name,
                                        const std::vector<int>& strategy_counts) {
  const ProfileBuilder build(file_name, strategy_counts);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    return read_json(text, file_name, build);
  }
  return read_lines(text, file_name, build);
}

}  // namespace equilibria
