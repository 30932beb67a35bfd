#pragma once
// Errors other than bad input, each with its exit status in the CLI (see
// `equilibria --help`): a resource limit the input cannot be solved within
// (status 3) and a solver that failed on valid input (status 4). Messages are
// one line.
#include <stdexcept>
#include <string>

namespace equilibria {

// The input is valid but too large for this method or this machine (memory,
// a size the method refuses, numbers beyond what a floating method can hold).
class ResourceLimit : public std::runtime_error {
 public:
  explicit ResourceLimit(const std::string& what) : std::runtime_error(what) {}
};

// A solver failed on valid input; the message names the method.
class SolverFailure : public std::runtime_error {
 public:
  explicit SolverFailure(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace equilibria
