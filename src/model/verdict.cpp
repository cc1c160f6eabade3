#include "model/verdict.h"

namespace turnaround::model {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kLow: return "low";
    case Severity::kNormal: return "normal";
    case Severity::kHigh: return "high";
    case Severity::kUrgent: return "urgent";
  }
  return "normal";
}

bool ParseSeverity(const std::string& name, Severity* out) {
  static const Severity kAll[] = {Severity::kLow, Severity::kNormal, Severity::kHigh,
                                  Severity::kUrgent};
  for (Severity s : kAll) {
    if (name == SeverityName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

}  // namespace turnaround::model
