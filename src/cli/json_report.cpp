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

std::string gambit_line(const MixedProfile<Rational>& profile) {
  std::string line = "NE";
  for (const auto& x : profile.flat()) line += "," + to_string(x);
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
