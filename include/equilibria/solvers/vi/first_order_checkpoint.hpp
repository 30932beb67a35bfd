#pragma once
// Checkpoints of the first-order methods, in the regret solvers' checkpoint
// format (solvers/cfr/checkpoint.hpp): the method, step, seed and the
// problem's fingerprint must match on reading; the state follows.
#include <string>

#include "equilibria/solvers/vi/first_order_methods.hpp"

namespace equilibria::vi {

// Identifies a problem: its sizes and the bits of F and P_Z at a fixed
// pseudo-random point (one full evaluation, so call it before a run, not
// during one: it counts as component calls).
std::string operator_fingerprint(const MonotoneOperator& op);

std::string encode_first_order_checkpoint(const std::string& fingerprint, const FirstOrderOptions& options, double step,
                                          const FirstOrderState& state);

// Throws std::invalid_argument (one line) for a damaged checkpoint or one
// taken with another method, step, seed or problem.
FirstOrderState decode_first_order_checkpoint(const std::string& bytes, const std::string& fingerprint,
                                              const FirstOrderOptions& options, double step, int dimension);

}  // namespace equilibria::vi
