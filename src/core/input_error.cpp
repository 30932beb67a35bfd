#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

std::string format_message(const std::string& file, int line, const std::string& cause) {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out.push_back(':');
    out.append(std::to_string(line));
  }
  out.append(": ");
  out.append(cause);
  return out;
}

}  // namespace

InputError::InputError(std::string file, int line, std::string cause)
    : std::runtime_error(format_message(file, line, cause)),
      file_(std::move(file)),
      line_(line),
      cause_(std::move(cause)) {}

}  // namespace equilibria
