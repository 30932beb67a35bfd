#pragma once
// Where a value sits in a JSON text, for error messages that name a line:
// nlohmann's DOM keeps no positions, so the (already valid) text is walked
// again along the value's path.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace equilibria {

// One step of a path: an object key or an array index.
using JsonStep = std::variant<std::string, std::size_t>;

// The 1-based line where the value at `path` starts; the line of the deepest
// step found when the path does not exist. `text` must be valid JSON.
int json_line(std::string_view text, const std::vector<JsonStep>& path);

}  // namespace equilibria
