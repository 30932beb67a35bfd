#include "equilibria/core/input_error.hpp"

namespace equilibria {
namespace {

// Messages are one line whatever a file puts into them.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

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
    : std::runtime_error(format_message(one_line(file), line, one_line(cause))),
      file_(std::move(file)),
      line_(line),
      cause_(one_line(std::move(cause))) {}

}  // namespace equilibria
