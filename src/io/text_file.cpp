#include "equilibria/io/text_file.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

std::string reason() { return std::strerror(errno); }

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ > STDERR_FILENO) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closing reports write-back errors on some file systems, so a write checks it.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string too_large() { return "file larger than " + std::to_string(kMaxGameFileBytes) + " bytes"; }

// Reads to the end, refusing more than the cap. A stream is polled first, so
// a FIFO with no writer (or a silent pipe) ends in an error, not a hang.
std::string read_to_end(int fd, const std::string& path, bool stream, double wait_seconds) {
  const double ms = std::ceil(std::max(0.0, wait_seconds) * 1000);
  const int timeout = ms >= INT_MAX ? INT_MAX : static_cast<int>(ms);
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    if (stream) {
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, timeout);
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0) throw InputError(path, 0, "cannot read file: " + reason());
      if (ready == 0) {
        char seconds[32];
        const auto end = std::to_chars(seconds, seconds + sizeof seconds, wait_seconds).ptr;
        throw InputError(path, 0, "no data for " + std::string(seconds, end) + " s (does anything write to it?)");
      }
    }
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) throw InputError(path, 0, "cannot read file: " + reason());
    if (n == 0) return text;
    if (static_cast<std::int64_t>(text.size()) + n > kMaxGameFileBytes) throw InputError(path, 0, too_large());
    text.append(buffer, static_cast<std::size_t>(n));
  }
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// The descriptor a path names (/dev/fd/N, /proc/self/fd/N), or -1.
int named_descriptor(const std::string& path) {
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    const std::size_t len = std::strlen(prefix);
    if (path.compare(0, len, prefix) != 0 || path.size() == len || path.size() > len + 9) continue;
    int fd = 0;
    for (std::size_t i = len; i < path.size(); ++i) {
      if (path[i] < '0' || path[i] > '9') return -1;
      fd = fd * 10 + (path[i] - '0');
    }
    return fd;
  }
  return -1;
}

std::string directory_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void write_descriptor(int fd, const std::string& path, const std::string& bytes) {
  // What the streams hold goes first, as it would through std::cout.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  if (!write_all(fd, bytes)) throw InputError(path, 0, "cannot write file: " + reason());
}

// Writes to a fresh temporary in the target's directory and renames it over
// the target. The name is unique among live processes (pid, counter), and
// O_EXCL skips any leftover.
void replace_file(const std::string& target, const std::string& path, const std::string& bytes) {
  static std::atomic<unsigned> counter{0};
  struct stat old{};
  const bool existed = ::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  const std::string dir = directory_of(target);
  const std::string base = target.substr(target.rfind('/') == std::string::npos ? 0 : target.rfind('/') + 1);
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    tmp = dir + "/." + base + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw InputError(path, 0, "cannot write file: " + reason());
  Descriptor out(fd);
  const auto fail = [&] {
    const std::string why = reason();
    ::unlink(tmp.c_str());
    throw InputError(path, 0, "cannot write file: " + why);
  };
  if (existed && ::fchmod(fd, old.st_mode & 07777) != 0) fail();
  if (!write_all(fd, bytes) || ::fsync(fd) != 0 || !out.close()) fail();
  if (std::rename(tmp.c_str(), target.c_str()) != 0) fail();
  // The rename itself survives a crash once the directory is synced.
  const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    ::fsync(d);
    ::close(d);
  }
}

}  // namespace

std::string read_text_file(const std::string& path, double stream_wait_seconds) {
  const bool standard_input = path == "-";
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw InputError(path, 0, errno == ENOENT ? "cannot open file" : "cannot open file: " + reason());
  Descriptor in(fd);
  struct stat st{};
  if (::fstat(fd, &st) != 0) throw InputError(path, 0, "cannot read file: " + reason());
  if (S_ISDIR(st.st_mode)) throw InputError(path, 0, "is a directory");
  if (S_ISREG(st.st_mode)) {
    if (st.st_size > kMaxGameFileBytes) throw InputError(path, 0, too_large());
    return read_to_end(fd, path, false, 0);
  }
  return read_to_end(fd, path, true, stream_wait_seconds);
}

void write_text_file(const std::string& path, const std::string& bytes) {
  std::string target = path;
  for (int hops = 0;; ++hops) {
    if (const int fd = named_descriptor(target); fd >= 0) return write_descriptor(fd, path, bytes);
    struct stat st{};
    if (::lstat(target.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) break;
    if (hops == 40) throw InputError(path, 0, "cannot write file: too many levels of symbolic links");
    // The link stays; its target (relative to the link's directory) is written.
    std::string link(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : PATH_MAX) + 1, '\0');
    const ssize_t n = ::readlink(target.c_str(), link.data(), link.size());
    if (n < 0 || static_cast<std::size_t>(n) >= link.size()) throw InputError(path, 0, "cannot write file: " + reason());
    link.resize(static_cast<std::size_t>(n));
    target = link.front() == '/' ? link : directory_of(target) + "/" + link;
  }
  struct stat st{};
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A FIFO or device: written as it is (a FIFO waits for its reader, as a shell redirection does).
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path, 0, "cannot write file: " + reason());
    Descriptor out(fd);
    if (!write_all(fd, bytes) || !out.close()) throw InputError(path, 0, "cannot write file: " + reason());
    return;
  }
  replace_file(target, path, bytes);
}

}  // namespace equilibria
