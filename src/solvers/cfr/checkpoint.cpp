#include "equilibria/solvers/cfr/checkpoint.hpp"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace equilibria::cfr_detail {
namespace {

// Arrays are stored as the machine holds them; every target is little-endian.
static_assert(std::endian::native == std::endian::little, "checkpoints are little-endian");

constexpr char kMagic[8] = {'E', 'Q', 'C', 'K', 'P', 'T', '0', '2'};
constexpr std::size_t kPrefix = sizeof kMagic + 2 * sizeof(std::uint64_t);

[[noreturn]] void damaged(const std::string& why) { throw std::invalid_argument("the checkpoint is damaged (" + why + ")"); }

std::uint64_t read_u64(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  return x;
}

void append_u64(std::string& out, std::uint64_t x) { out.append(reinterpret_cast<const char*>(&x), sizeof x); }

const std::string* find(const std::vector<CheckpointField>& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f.value;
  }
  return nullptr;
}

}  // namespace

std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 0x100000001b3ull;
  return hash;
}

std::string checkpoint_number(double x) {
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
}

std::string encode_checkpoint(const std::vector<CheckpointField>& options,
                              const std::vector<std::pair<std::string, std::uint64_t>>& counters,
                              const std::vector<const std::vector<double>*>& arrays) {
  std::string payload;
  for (const auto& f : options) payload += f.name + "=" + f.value + "\n";
  for (const auto& [name, value] : counters) payload += name + "=" + std::to_string(value) + "\n";
  payload += "\n";
  for (const auto* a : arrays) {
    if (!a->empty()) payload.append(reinterpret_cast<const char*>(a->data()), a->size() * sizeof(double));
  }
  std::string out(kMagic, sizeof kMagic);
  append_u64(out, payload.size());
  append_u64(out, fnv1a(payload.data(), payload.size()));
  return out + payload;
}

void decode_checkpoint(const std::string& bytes, const std::vector<CheckpointField>& options,
                       const std::vector<CheckpointCounter>& counters, const std::vector<CheckpointArray>& arrays) {
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    throw std::invalid_argument("not an Equilibria checkpoint (or one from an older version)");
  }
  if (bytes.size() < kPrefix) damaged("truncated");
  const std::uint64_t length = read_u64(bytes.data() + sizeof kMagic);
  if (length != bytes.size() - kPrefix) {
    damaged(std::to_string(bytes.size() - kPrefix) + " bytes of payload where its header says " + std::to_string(length));
  }
  const char* payload = bytes.data() + kPrefix;
  if (fnv1a(payload, length) != read_u64(bytes.data() + sizeof kMagic + sizeof(std::uint64_t))) damaged("checksum mismatch");

  // The fields, up to the empty line.
  std::vector<CheckpointField> fields;
  std::size_t at = 0;
  for (;;) {
    const char* end = static_cast<const char*>(std::memchr(payload + at, '\n', length - at));
    if (end == nullptr) damaged("no end to its fields");
    const std::string line(payload + at, end);
    at = static_cast<std::size_t>(end - payload) + 1;
    if (line.empty()) break;
    const std::size_t eq = line.find('=');
    if (eq == std::string::npos) damaged("a field without '='");
    fields.push_back({line.substr(0, eq), line.substr(eq + 1)});
  }

  // The method first: another solver's checkpoint differs in everything else too.
  const std::string* method = find(fields, options.front().name);
  if (method == nullptr) damaged("no " + options.front().name);
  if (*method != options.front().value) {
    throw std::invalid_argument("the checkpoint was taken with " + options.front().name + " " + *method + "; this run has " +
                                options.front().name + " " + options.front().value);
  }
  std::string taken, now;
  for (const auto& want : options) {
    const std::string* have = find(fields, want.name);
    if (have == nullptr) damaged("no " + want.name);
    if (*have == want.value) continue;
    if (want.name == "game") throw std::invalid_argument("the checkpoint was taken on a different game");
    taken += (taken.empty() ? "" : ", ") + want.name + " " + *have;
    now += (now.empty() ? "" : ", ") + want.name + " " + want.value;
  }
  if (!taken.empty()) throw std::invalid_argument("the checkpoint was taken with " + taken + "; this run has " + now);

  std::vector<std::uint64_t> values;
  for (const auto& c : counters) {
    const std::string* text = find(fields, c.name);
    if (text == nullptr) damaged("no " + c.name);
    std::uint64_t v = 0;
    const auto r = std::from_chars(text->data(), text->data() + text->size(), v);
    if (r.ec != std::errc() || r.ptr != text->data() + text->size() || v > c.max) damaged("a malformed " + c.name);
    values.push_back(v);
  }
  if (fields.size() != options.size() + counters.size()) damaged("unknown fields");

  std::size_t expected = 0;
  for (const auto& a : arrays) expected += a.values->size() * sizeof(double);
  if (length - at != expected) {
    damaged(std::to_string(length - at) + " bytes of state where this game needs " + std::to_string(expected));
  }
  // Every number is checked before any is used.
  const char* p = payload + at;
  for (const auto& a : arrays) {
    for (std::size_t i = 0; i < a.values->size(); ++i) {
      double x;
      std::memcpy(&x, p + i * sizeof x, sizeof x);
      if (!std::isfinite(x)) damaged("a non-finite number");
      if (a.non_negative && x < 0) damaged("a negative strategy sum");
    }
    p += a.values->size() * sizeof(double);
  }
  p = payload + at;
  for (const auto& a : arrays) {
    if (!a.values->empty()) std::memcpy(a.values->data(), p, a.values->size() * sizeof(double));
    p += a.values->size() * sizeof(double);
  }
  for (std::size_t i = 0; i < counters.size(); ++i) *counters[i].value = values[i];
}

}  // namespace equilibria::cfr_detail
