#include "equilibria/core/rational.hpp"

namespace equilibria {

std::string to_string(const Rational& q) { return q.get_str(10); }

}  // namespace equilibria
