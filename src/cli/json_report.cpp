#include "json_report.hpp"

namespace equilibria::cli {

Json game_json(const StrategicGame& game) {
  return Json{{"players", game.num_players()}, {"strategies", game.strategy_counts()}};
}

Json rationals_json(const std::vector<Rational>& values) {
  Json out = Json::array();
  for (const auto& v : values) out.push_back(to_string(v));
  return out;
}

Json profile_json(const MixedProfile<Rational>& profile) {
  Json out = Json::array();
  for (int p = 0; p < profile.num_players(); ++p) {
    const auto probs = profile.player(p);
    out.push_back(rationals_json(std::vector<Rational>(probs.begin(), probs.end())));
  }
  return out;
}

Json equilibrium_json(const MixedProfile<Rational>& profile, const Certificate<Rational>& cert) {
  return Json{{"strategies", profile_json(profile)},
              {"payoffs", rationals_json(cert.payoffs)},
              {"regret", rationals_json(cert.regrets)}};
}

Json floating_equilibrium_json(const MixedProfile<Rational>& profile, const Certificate<Rational>& cert) {
  auto numbers = [](const std::vector<Rational>& v) {
    Json out = Json::array();
    for (const auto& x : v) out.push_back(x.get_d());
    return out;
  };
  Json strategies = Json::array();
  for (int p = 0; p < profile.num_players(); ++p) {
    const auto probs = profile.player(p);
    strategies.push_back(numbers(std::vector<Rational>(probs.begin(), probs.end())));
  }
  return Json{{"strategies", std::move(strategies)}, {"payoffs", numbers(cert.payoffs)}, {"regret", numbers(cert.regrets)}};
}

std::string gambit_line(const MixedProfile<Rational>& profile) {
  std::string line = "NE";
  for (const auto& x : profile.flat()) line += "," + to_string(x);
  return line;
}

Json tree_json(const GameTree& tree) {
  std::vector<int> infosets;
  for (int p = 0; p < tree.num_players(); ++p) infosets.push_back(static_cast<int>(tree.infosets_of(p).size()));
  return Json{{"players", tree.num_players()}, {"infosets", infosets}, {"nodes", tree.num_nodes()}};
}

namespace {

template <class Convert>
Json behavior_json_with(const GameTree& tree, const std::vector<Rational>& behavior, Convert convert) {
  Json out = Json::array();
  for (int p = 0; p < tree.num_players(); ++p) {
    Json player = Json::array();
    for (int i : tree.infosets_of(p)) {
      Json actions = Json::array();
      for (int a = 0; a < tree.num_actions(i); ++a) actions.push_back(convert(behavior[tree.action_begin(i) + a]));
      player.push_back(std::move(actions));
    }
    out.push_back(std::move(player));
  }
  return out;
}

}  // namespace

Json behavior_json(const GameTree& tree, const std::vector<Rational>& behavior) {
  return behavior_json_with(tree, behavior, [](const Rational& q) { return Json(q.get_d()); });
}

Json exact_behavior_json(const GameTree& tree, const std::vector<Rational>& behavior) {
  return behavior_json_with(tree, behavior, [](const Rational& q) { return Json(to_string(q)); });
}

std::string gambit_behavior_line(const GameTree& tree, const std::vector<Rational>& behavior) {
  std::string line = "NE";
  for (int p = 0; p < tree.num_players(); ++p) {
    for (int i : tree.infosets_of(p)) {
      for (int a = 0; a < tree.num_actions(i); ++a) line += "," + std::to_string(behavior[tree.action_begin(i) + a].get_d());
    }
  }
  return line;
}

std::string join_rationals(const std::vector<Rational>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + to_string(values[i]);
  return out;
}

std::string profile_text(const MixedProfile<Rational>& profile) {
  std::string out;
  for (int p = 0; p < profile.num_players(); ++p) {
    const auto probs = profile.player(p);
    out += (p ? " [" : "[") + join_rationals(std::vector<Rational>(probs.begin(), probs.end())) + "]";
  }
  return out;
}

}  // namespace equilibria::cli
