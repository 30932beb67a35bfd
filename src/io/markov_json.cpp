#include "equilibria/io/markov_json.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"
#include "json_error.hpp"
#include "json_locator.hpp"

namespace equilibria {
namespace {

using nlohmann::json;
using Path = std::vector<JsonStep>;

Path operator/(Path p, JsonStep step) {
  p.push_back(std::move(step));
  return p;
}

constexpr int kMaxHorizon = 1'000'000;

class Reader {
 public:
  Reader(const std::string& text, const std::string& file) : text_(text), file_(file) {}

  MarkovGame read(const json& doc) {
    if (!doc.is_object()) fail({}, "a Markov game is a JSON object");
    if (!doc.contains("format") || doc["format"] != "markov-game") fail({"format"}, "\"format\" must be \"markov-game\"");
    for (const auto& [key, value] : doc.items()) {
      static const std::set<std::string> known{"format", "players", "discount", "horizon", "initial", "states", "zero_sum"};
      if (!known.count(key)) fail({key}, "unknown field \"" + key + "\"");
    }
    const std::vector<std::string> players = names(doc, {"players"}, "players", true);
    if (players.empty()) fail({"players"}, "a Markov game needs at least one player");
    std::optional<Rational> discount;
    std::optional<int> horizon;
    if (!doc.contains("discount") && !doc.contains("horizon")) fail({}, "give exactly one of \"discount\" and \"horizon\"");
    if (doc.contains("discount") && doc.contains("horizon")) fail({"horizon"}, "give exactly one of \"discount\" and \"horizon\", not both");
    if (doc.contains("discount")) {
      discount = number(doc["discount"], {"discount"});
      if (*discount < 0 || *discount >= 1) fail({"discount"}, "the discount must be at least 0 and less than 1, not " + to_string(*discount));
    } else {
      const Rational h = number(doc["horizon"], {"horizon"});
      if (h.get_den() != 1 || h < 1 || h > kMaxHorizon) {
        fail({"horizon"}, "the horizon must be an integer from 1 to " + std::to_string(kMaxHorizon));
      }
      horizon = static_cast<int>(h.get_num().get_si());
    }
    const json& list = field(doc, {"states"}, "states");
    if (!list.is_array() || list.empty()) fail({"states"}, "\"states\" must be a non-empty list");
    if (static_cast<std::int64_t>(list.size()) > kMaxMarkovEntries) fail({"states"}, "too many states");
    // Names first: transitions may point forward.
    std::vector<MarkovState> states(list.size());
    std::map<std::string, int> index;
    // Joint-action counts are capped here, before any outcome is stored.
    std::int64_t total = 0;
    for (std::size_t s = 0; s < list.size(); ++s) {
      const Path at{"states", s};
      if (!list[s].is_object()) fail(at, "a state is an object with \"name\", \"actions\" and \"outcomes\"");
      for (const auto& [key, value] : list[s].items()) {
        if (key != "name" && key != "actions" && key != "outcomes") fail(at / key, "unknown field \"" + key + "\" in a state");
      }
      const json& name = field(list[s], at / "name", "name");
      if (!name.is_string() || name.get<std::string>().empty()) fail(at / "name", "a state's name must be a non-empty string");
      states[s].name = name.get<std::string>();
      if (!index.emplace(states[s].name, static_cast<int>(s)).second) fail(at / "name", "state \"" + states[s].name + "\" is defined twice");
      const json& actions = field(list[s], at / "actions", "actions");
      if (!actions.is_array() || actions.size() != players.size()) {
        fail(at / "actions", "state " + states[s].name + " needs one action list per player (" + std::to_string(players.size()) + ")");
      }
      for (std::size_t p = 0; p < actions.size(); ++p) {
        states[s].actions.push_back(names(actions, at / "actions" / p, "actions", false));
        if (states[s].actions.back().empty()) fail(at / "actions" / p, "state " + states[s].name + ": every player needs an action");
      }
      std::int64_t joint = 1;
      for (const auto& acts : states[s].actions) {
        const auto k = static_cast<std::int64_t>(acts.size());
        if (joint > kMaxMarkovEntries / k) fail(at / "actions", "state " + states[s].name + " has more than " + std::to_string(kMaxMarkovEntries) + " joint actions");
        joint *= k;
      }
      total += joint;
      if (total > kMaxMarkovEntries) fail(at / "actions", "too many joint actions in all (more than " + std::to_string(kMaxMarkovEntries) + ")");
    }
    std::vector<std::vector<MarkovOutcome>> outcomes(list.size());
    for (std::size_t s = 0; s < list.size(); ++s) {
      outcomes[s] = read_outcomes(list[s], Path{"states", s}, states[s], index, players.size());
    }
    std::vector<Rational> initial(list.size(), Rational(0));
    if (doc.contains("initial")) {
      read_distribution(doc["initial"], {"initial"}, index, [&](int s, const Rational& q) { initial[s] += q; }, "initial");
    } else {
      initial[0] = 1;  // documented default: play starts in the first state
    }
    try {
      MarkovGame game(players, std::move(states), std::move(outcomes), discount, horizon, std::move(initial));
      if (doc.contains("zero_sum")) {
        if (!doc["zero_sum"].is_boolean()) fail({"zero_sum"}, "\"zero_sum\" must be true or false");
        if (doc["zero_sum"].get<bool>() && !game.zero_sum()) fail({"zero_sum"}, "\"zero_sum\" is true but some rewards do not sum to 0 (or there are not two players)");
      }
      return game;
    } catch (const std::invalid_argument& e) {
      fail({}, e.what());
    }
  }

 private:
  [[noreturn]] void fail(const Path& at, const std::string& cause) const {
    throw InputError(file_, json_line(text_, at), cause);
  }

  const json& field(const json& object, const Path& at, const char* key) const {
    if (!object.contains(key)) fail(Path(at.begin(), at.end() - 1), std::string("missing \"") + key + "\"");
    return object[key];
  }

  std::vector<std::string> names(const json& parent, const Path& at, const char* what, bool from_key) const {
    const json& v = from_key ? field(parent, at, std::get<std::string>(at.back()).c_str()) : parent[std::get<std::size_t>(at.back())];
    if (!v.is_array()) fail(at, std::string("\"") + what + "\" must be a list of names");
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) fail(at / i, std::string("each of \"") + what + "\" must be a string");
      out.push_back(v[i].get<std::string>());
      if (!seen.insert(out.back()).second) fail(at / i, "\"" + out.back() + "\" appears twice");
    }
    return out;
  }

  Rational number(const json& v, const Path& at) const {
    std::string text;
    if (v.is_string()) {
      text = v.get<std::string>();
    } else if (v.is_number()) {
      text = v.dump();
    } else {
      fail(at, "expected a number or a string like \"1/3\"");
    }
    Rational q;
    std::string why;
    if (!parse_rational(text, q, &why)) fail(at, why);
    return q;
  }

  template <class Add>
  void read_distribution(const json& v, const Path& at, const std::map<std::string, int>& index, Add add, const char* what) const {
    if (!v.is_object() || v.empty()) fail(at, std::string("\"") + what + "\" must map state names to probabilities");
    Rational sum = 0;
    for (const auto& [name, q] : v.items()) {
      const auto it = index.find(name);
      if (it == index.end()) fail(at / name, "unknown state \"" + name + "\"");
      const Rational p = number(q, at / name);
      if (p < 0) fail(at / name, "probability " + to_string(p) + " is negative");
      sum += p;
      add(it->second, p);
    }
    if (sum != 1) fail(at, std::string("\"") + what + "\" probabilities sum to " + to_string(sum) + ", not 1");
  }

  // Outcomes are kept in the file's order while read (memory in proportion
  // to the file, not to the joint-action count a few names can claim) and
  // put in joint-action order once every joint action is known to be there.
  std::vector<MarkovOutcome> read_outcomes(const json& state, const Path& at, const MarkovState& info,
                                           const std::map<std::string, int>& index, std::size_t n) const {
    std::int64_t joint = 1;
    std::vector<std::int64_t> stride(n);
    for (std::size_t p = 0; p < n; ++p) {
      stride[p] = joint;
      joint *= static_cast<std::int64_t>(info.actions[p].size());  // capped by the caller
    }
    const json& list = field(state, at / "outcomes", "outcomes");
    if (!list.is_array()) fail(at / "outcomes", "\"outcomes\" must be a list");
    std::vector<MarkovOutcome> read;
    std::vector<std::int64_t> slot;
    std::vector<bool> seen(joint, false);
    for (std::size_t k = 0; k < list.size(); ++k) {
      const Path o = at / "outcomes" / k;
      const json& entry = list[k];
      if (!entry.is_object()) fail(o, "an outcome is an object with \"profile\", \"rewards\" and \"next\"");
      for (const auto& [key, value] : entry.items()) {
        if (key != "profile" && key != "rewards" && key != "next") fail(o / key, "unknown field \"" + key + "\" in an outcome");
      }
      const json& profile = field(entry, o / "profile", "profile");
      if (!profile.is_array() || profile.size() != n) fail(o / "profile", "a profile names one action per player");
      std::int64_t j = 0;
      for (std::size_t p = 0; p < n; ++p) {
        const auto& acts = info.actions[p];
        std::size_t a = acts.size();
        if (profile[p].is_string()) {
          for (std::size_t i = 0; i < acts.size(); ++i) {
            if (acts[i] == profile[p].get<std::string>()) a = i;
          }
        }
        if (a == acts.size()) fail(o / "profile" / p, "state " + info.name + ": player " + std::to_string(p + 1) + " has no action " + profile[p].dump());
        j += static_cast<std::int64_t>(a) * stride[p];
      }
      if (seen[j]) fail(o / "profile", "state " + info.name + ": this joint action appears twice");
      seen[j] = true;
      slot.push_back(j);
      MarkovOutcome& out = read.emplace_back();
      const json& rewards = field(entry, o / "rewards", "rewards");
      if (!rewards.is_array() || rewards.size() != n) fail(o / "rewards", "one reward per player (" + std::to_string(n) + ")");
      for (std::size_t p = 0; p < n; ++p) {
        out.rewards.push_back(number(rewards[p], o / "rewards" / p));
        if (!std::isfinite(out.rewards.back().get_d())) fail(o / "rewards" / p, "a reward beyond the range of doubles");
      }
      read_distribution(field(entry, o / "next", "next"), o / "next", index,
                        [&](int s, const Rational& q) { if (q != 0) out.next.emplace_back(s, q); }, "next");
    }
    for (std::int64_t j = 0; j < joint; ++j) {
      if (!seen[j]) {
        std::string profile;
        std::int64_t rest = j;
        for (std::size_t p = 0; p < n; ++p) {
          profile += (p ? ", " : "") + info.actions[p][rest % info.actions[p].size()];
          rest /= static_cast<std::int64_t>(info.actions[p].size());
        }
        fail(at / "outcomes", "state " + info.name + ": no outcome for the joint action (" + profile + ")");
      }
    }
    std::vector<MarkovOutcome> out(joint);
    for (std::size_t k = 0; k < read.size(); ++k) out[slot[k]] = std::move(read[k]);
    return out;
  }

  const std::string& text_;
  const std::string& file_;
};

json number_json(const Rational& q) { return to_string(q); }

}  // namespace

MarkovGame read_markov_json(const std::string& text, const std::string& file) {
  return Reader(text, file).read(parse_json_document(text, file));
}

bool looks_like_markov_json(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string::npos && text[first] == '{' && text.find("\"markov-game\"") != std::string::npos;
}

std::string write_markov_json(const MarkovGame& game) {
  json doc{{"format", "markov-game"}, {"players", game.player_names()}};
  if (game.discounted()) {
    doc["discount"] = number_json(game.discount());
  } else {
    doc["horizon"] = game.horizon();
  }
  if (game.zero_sum()) doc["zero_sum"] = true;
  json initial = json::object();
  for (int s = 0; s < game.num_states(); ++s) {
    if (game.initial()[s] != 0) initial[game.state(s).name] = number_json(game.initial()[s]);
  }
  doc["initial"] = std::move(initial);
  json states = json::array();
  for (int s = 0; s < game.num_states(); ++s) {
    json outcomes = json::array();
    for (std::int64_t j = 0; j < game.num_joint(s); ++j) {
      const std::int64_t o = game.joint_begin(s) + j;
      const std::vector<int> a = game.joint_of_index(s, j);
      json profile = json::array(), rewards = json::array(), next = json::object();
      for (int p = 0; p < game.num_players(); ++p) {
        profile.push_back(game.state(s).actions[p][a[p]]);
        rewards.push_back(number_json(game.reward(o, p)));
      }
      // Two entries to one state would be one key: probabilities add.
      std::map<int, Rational> by_state;
      for (std::int64_t k = game.transition_begin(o); k < game.transition_end(o); ++k) {
        by_state[game.transition(k).next] += game.transition_probability(k);
      }
      for (const auto& [t, q] : by_state) next[game.state(t).name] = number_json(q);
      outcomes.push_back(json{{"profile", std::move(profile)}, {"rewards", std::move(rewards)}, {"next", std::move(next)}});
    }
    states.push_back(json{{"name", game.state(s).name}, {"actions", game.state(s).actions}, {"outcomes", std::move(outcomes)}});
  }
  doc["states"] = std::move(states);
  return doc.dump(1) + "\n";
}

}  // namespace equilibria
