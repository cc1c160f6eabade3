// SLA: first-response targets per severity, and the deadline they give.
#pragma once

#include <cstdint>

#include "model/verdict.h"

namespace turnaround::queue {

struct SlaTargets {
  std::int64_t urgent_ms = 15 * 60 * 1000;
  std::int64_t high_ms = 60 * 60 * 1000;
  std::int64_t normal_ms = 4 * 60 * 60 * 1000;
  std::int64_t low_ms = 24 * 60 * 60 * 1000;

  std::int64_t For(model::Severity s) const {
    switch (s) {
      case model::Severity::kUrgent: return urgent_ms;
      case model::Severity::kHigh: return high_ms;
      case model::Severity::kNormal: return normal_ms;
      case model::Severity::kLow: return low_ms;
    }
    return normal_ms;
  }
};

// The first-response deadline of a comment. The clock starts when the patient
// posted (platform time); a platform time in the future or missing falls back
// to our receipt, so a wrong sender clock cannot hide a breach.
inline std::int64_t DueAt(const SlaTargets& sla, model::Severity severity, std::int64_t posted_at_ms,
                          std::int64_t received_at_ms) {
  std::int64_t start = posted_at_ms > 0 && posted_at_ms <= received_at_ms ? posted_at_ms : received_at_ms;
  return start + sla.For(severity);
}

}  // namespace turnaround::queue
