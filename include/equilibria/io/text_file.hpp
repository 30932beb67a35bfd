#pragma once
// Whole-file reads and writes with the project's error type.
#include <cstdint>
#include <string>

namespace equilibria {

// Larger files are refused before they are read.
inline constexpr std::int64_t kMaxGameFileBytes = std::int64_t{1} << 30;

// How long a read waits for the next piece of a stream (FIFO, pipe,
// terminal) before it gives up.
inline constexpr double kStreamWaitSeconds = 30;

// Reads a whole file (InputError when it is missing, unreadable, a directory
// or larger than kMaxGameFileBytes); "-" is standard input. A regular file's
// size is checked before it is read. Anything else (a FIFO, a pipe, a
// terminal, a character device) is read as a stream under the same cap, and
// refused when no data comes for `stream_wait_seconds`: a FIFO that nobody
// writes to never hangs the caller.
std::string read_text_file(const std::string& path, double stream_wait_seconds = kStreamWaitSeconds);

// Writes `bytes` where `path` leads. Symbolic links are followed and kept;
// a descriptor's name (/dev/stdout, /dev/fd/N, /proc/self/fd/N) writes to
// that descriptor; a FIFO or device is written straight through. Otherwise
// the bytes go to a fresh temporary beside the target, synced and renamed
// over it, so a reader never sees half a file (a checkpoint interrupted
// mid-write leaves the previous one intact) and concurrent writers never
// share a temporary; the temporary is removed when anything fails.
void write_text_file(const std::string& path, const std::string& bytes);

}  // namespace equilibria
