#pragma once
// The checkpoint format of the regret-minimisation solvers (CfrSolver,
// MccfrSolver). Little-endian:
//   8 bytes  "EQCKPT02"
//   8 bytes  payload length
//   8 bytes  FNV-1a (64-bit) of the payload
//   payload  "name=value\n" lines and an empty line, then the solver's
//            arrays of doubles back to back.
// The fields are every option the solver takes, the game's fingerprint and
// the state's counters. Decoding refuses (std::invalid_argument, one line)
// a damaged file (length, checksum, a malformed field, a non-finite or
// misplaced negative number) and one taken with other options, naming each
// option that differs, before any state is touched.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace equilibria::cfr_detail {

struct CheckpointField {
  std::string name, value;
};

struct CheckpointCounter {
  std::string name;
  std::uint64_t* value;
  std::uint64_t max;  // larger values mark the file damaged
};

struct CheckpointArray {
  std::vector<double>* values;  // its size is the one expected
  bool non_negative;            // e.g. strategy sums
};

// 64-bit FNV-1a, continuing from `hash`.
std::uint64_t fnv1a(const void* data, std::size_t bytes, std::uint64_t hash = 0xcbf29ce484222325ull);

// The shortest text that reads back as exactly `x`.
std::string checkpoint_number(double x);

// `options` must match on decoding; the first is the method, and one named
// "game" holds the game's fingerprint. `counters` are state read back.
std::string encode_checkpoint(const std::vector<CheckpointField>& options,
                              const std::vector<std::pair<std::string, std::uint64_t>>& counters,
                              const std::vector<const std::vector<double>*>& arrays);

void decode_checkpoint(const std::string& bytes, const std::vector<CheckpointField>& options,
                       const std::vector<CheckpointCounter>& counters, const std::vector<CheckpointArray>& arrays);

}  // namespace equilibria::cfr_detail
