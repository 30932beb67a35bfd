#pragma once
// The one error type for bad input. The I/O layer throws it; only the CLI
// turns it into a message and exit status 2.
#include <stdexcept>
#include <string>

namespace equilibria {

class InputError : public std::runtime_error {
 public:
  // line 0 means the cause is not tied to a line (e.g. the file is missing).
  InputError(std::string file, int line, std::string cause);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& cause() const { return cause_; }

 private:
  std::string file_;
  int line_;
  std::string cause_;
};

}  // namespace equilibria
