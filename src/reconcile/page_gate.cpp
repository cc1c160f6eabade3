#include "reconcile/page_gate.h"

#include <algorithm>

namespace turnaround::reconcile {

void PageGate::Passed() {
  consecutive_ = 0;
  blocked_ = false;
  reason_.clear();
}

core::TimeMs PageGate::BackOff(core::TimeMs now, core::TimeMs asked_ms, core::TimeMs base_ms) {
  consecutive_ = std::min(consecutive_ + 1, 30);  // 2^30 × base is far past the cap
  core::TimeMs doubled = std::max<core::TimeMs>(base_ms, 1);
  for (int i = 0; i < consecutive_ && doubled < kMaxBackoffMs; ++i) doubled *= 2;
  const core::TimeMs wait = std::max(asked_ms, std::min(doubled, kMaxBackoffMs));
  blocked_ = false;
  until_ms_ = now + wait;
  return until_ms_;
}

core::TimeMs PageGate::Block(core::TimeMs now, std::string reason) {
  blocked_ = true;
  reason_ = std::move(reason);
  until_ms_ = now + kBlockedMs;
  return until_ms_;
}

}  // namespace turnaround::reconcile
