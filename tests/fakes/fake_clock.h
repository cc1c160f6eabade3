// FakeClock: time that moves only when a test says so.
#pragma once

#include <atomic>

#include "core/clock.h"

namespace turnaround::testing {

class FakeClock final : public core::Clock {
 public:
  explicit FakeClock(core::TimeMs start = 1795500000000) : now_(start) {}
  core::TimeMs NowMs() const override { return now_.load(); }
  void Advance(core::TimeMs ms) { now_ += ms; }
  void Set(core::TimeMs ms) { now_ = ms; }

 private:
  std::atomic<core::TimeMs> now_;
};

}  // namespace turnaround::testing
