#pragma once
// Whole-file reads and writes with the project's error type.
#include <cstdint>
#include <string>

namespace equilibria {

// Larger files are refused before they are read.
inline constexpr std::int64_t kMaxGameFileBytes = std::int64_t{1} << 30;

// Reads a whole file, refusing missing, unreadable or oversized ones (InputError).
std::string read_text_file(const std::string& path);

// Writes through a temporary file and a rename, so a reader never sees half a
// file (a checkpoint interrupted mid-write leaves the previous one intact).
void write_text_file(const std::string& path, const std::string& bytes);

}  // namespace equilibria
