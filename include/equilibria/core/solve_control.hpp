#pragma once
// How a caller stops a long solve: a wall-clock deadline and an optional
// cancel flag another thread may raise. Solvers poll should_stop() between
// units of work, never inside the innermost loop.
#include <algorithm>
#include <atomic>
#include <chrono>

namespace equilibria {

class SolveControl {
 public:
  using Clock = std::chrono::steady_clock;

  SolveControl() = default;

  // seconds <= 0 (or NaN) means no limit; limits beyond a century are none
  // either, and would overflow the clock's representation.
  static SolveControl with_time_limit(double seconds) {
    SolveControl c;
    constexpr double kCentury = 100 * 365.25 * 86400;
    if (seconds > 0 && seconds < kCentury) {
      c.deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(seconds));
      c.has_deadline_ = true;
    }
    return c;
  }

  void set_cancel_flag(const std::atomic<bool>* flag) { cancel_ = flag; }

  // Seconds until the deadline (a large number when there is none), for
  // libraries that take a time budget of their own.
  double seconds_left() const {
    if (!has_deadline_) return 1e12;
    return std::max(0.0, std::chrono::duration<double>(deadline_ - Clock::now()).count());
  }

  bool has_deadline() const { return has_deadline_; }

  // The same control with its deadline `seconds` earlier: room for work that
  // must follow a stop (certifying the answer) within the limit.
  SolveControl earlier_by(double seconds) const {
    SolveControl c = *this;
    if (has_deadline_) c.deadline_ -= std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    return c;
  }

  bool should_stop() const {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) return true;
    return has_deadline_ && Clock::now() >= deadline_;
  }

 private:
  Clock::time_point deadline_{};
  bool has_deadline_ = false;
  const std::atomic<bool>* cancel_ = nullptr;
};

// How a solve ended.
enum class SolveStatus { kComplete, kStopped, kLimitReached };

inline const char* to_string(SolveStatus s) {
  switch (s) {
    case SolveStatus::kComplete: return "complete";
    case SolveStatus::kStopped: return "stopped";
    case SolveStatus::kLimitReached: return "limit-reached";
  }
  return "unknown";
}

}  // namespace equilibria
