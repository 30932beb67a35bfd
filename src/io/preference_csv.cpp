#include "equilibria/io/preference_csv.hpp"

#include <map>

#include "equilibria/core/input_error.hpp"
#include "equilibria/io/number_parser.hpp"

namespace equilibria {
namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

StrategicGame read_preference_csv(std::string_view text, const std::string& file) {
  std::map<std::string, int> index;
  std::vector<std::string> names;
  std::map<std::pair<int, int>, Rational> wins;
  auto id = [&](const std::string& name) {
    const auto [it, fresh] = index.emplace(name, static_cast<int>(names.size()));
    if (fresh) names.push_back(name);
    return it->second;
  };
  int line = 0, data_lines = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string row = trimmed(text.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start <= row.size()) {
      const std::size_t comma = std::min(row.find(',', start), row.size());
      fields.push_back(trimmed(std::string_view(row).substr(start, comma - start)));
      start = comma + 1;
    }
    if (fields.size() != 2 && fields.size() != 3) {
      throw InputError(file, line, "expected winner,loser[,count], found " + std::to_string(fields.size()) + " fields");
    }
    Rational count(1);
    if (fields.size() == 3) {
      std::string why;
      if (!parse_rational(fields[2], count, &why)) {
        if (data_lines == 0) continue;  // a header
        throw InputError(file, line, why);
      }
      if (count <= 0) throw InputError(file, line, "a count must be positive");
    }
    if (fields[0].empty() || fields[1].empty()) throw InputError(file, line, "an alternative has no name");
    if (fields[0] == fields[1]) throw InputError(file, line, "'" + fields[0] + "' is compared with itself");
    ++data_lines;
    wins[{id(fields[0]), id(fields[1])}] += count;
    if (names.size() > 100000) throw InputError(file, line, "too many alternatives");
  }
  if (names.size() < 2) throw InputError(file, line, "need comparisons between at least two alternatives");
  const int k = static_cast<int>(names.size());
  if (static_cast<std::int64_t>(k) * k * 2 > kMaxPayoffEntries) throw InputError(file, 0, "too many alternatives");
  std::vector<Rational> payoffs(2 * static_cast<std::size_t>(k) * k, Rational(0));
  for (const auto& [pair, count] : wins) {
    const auto [a, b] = pair;
    // Row a against column b: the row player gains the margin of a over b.
    payoffs[a + static_cast<std::size_t>(b) * k] += count;
    payoffs[b + static_cast<std::size_t>(a) * k] -= count;
  }
  for (std::size_t p = 0; p < static_cast<std::size_t>(k) * k; ++p) payoffs[k * k + p] = -payoffs[p];
  GameLabels labels;
  labels.title = "Margin game of " + file;
  labels.players = {"Row", "Column"};
  labels.strategies = {names, names};
  return StrategicGame({k, k}, std::move(payoffs), std::move(labels));
}

}  // namespace equilibria
