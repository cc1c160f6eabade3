// PageGate: when a page may next be polled, after rate limits and failures.
//
// A page whose pass was stopped by a high usage header or a transient
// failure waits max(what the platform asked, base × 2^n) where n counts the
// consecutive stops (so the first stop skips at least one tick), capped at
// kMaxBackoffMs. A permanent failure (expired token, missing permission)
// blocks the page for kBlockedMs: retrying each tick cannot help, and the
// token only changes with a restart. A clean pass resets the count.
//
// Plain value; not thread-safe (the Reconciler guards it).
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"

namespace turnaround::reconcile {

class PageGate {
 public:
  static constexpr core::TimeMs kMaxBackoffMs = 6LL * 3600 * 1000;
  static constexpr core::TimeMs kBlockedMs = 24LL * 3600 * 1000;

  // True when a pass may run at `now`.
  bool Open(core::TimeMs now) const { return now >= until_ms_; }
  core::TimeMs until_ms() const { return until_ms_; }
  bool blocked() const { return blocked_; }
  // The platform's message of the permanent failure that blocked the page.
  const std::string& reason() const { return reason_; }

  void Passed();
  // Returns the time until which the page is skipped.
  core::TimeMs BackOff(core::TimeMs now, core::TimeMs asked_ms, core::TimeMs base_ms);
  core::TimeMs Block(core::TimeMs now, std::string reason);

 private:
  core::TimeMs until_ms_ = 0;
  int consecutive_ = 0;
  bool blocked_ = false;
  std::string reason_;
};

}  // namespace turnaround::reconcile
