#include "game_loader.hpp"

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/nfg.hpp"

namespace equilibria::cli {

StrategicGame load_strategic_game(const std::string& path) {
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".efg") == 0) {
    throw InputError(path, 0, "this command reads strategic-form games (.nfg); game trees (.efg) are not supported");
  }
  return read_nfg_file(path);
}

const std::vector<std::string>& output_format_names() {
  static const std::vector<std::string> names{"text", "json", "gambit"};
  return names;
}

OutputFormat parse_output_format(const std::string& name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "gambit") return OutputFormat::kGambit;
  return OutputFormat::kText;
}

}  // namespace equilibria::cli
