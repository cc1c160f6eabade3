// Clock: the one source of "now" so that SLA and lease logic can be tested
// with a fake. Implementations must be thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace turnaround::core {

// Milliseconds since the Unix epoch, UTC. All stored times use this unit.
using TimeMs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs NowMs() const = 0;
};

// Wall-clock time from std::chrono::system_clock.
class SystemClock final : public Clock {
 public:
  TimeMs NowMs() const override;
  // A process-wide instance; lives for the whole program.
  static const SystemClock& Instance();
};

// RFC 3339 / ISO 8601 in UTC with milliseconds, e.g. "2026-11-24T06:39:19.123Z".
std::string FormatRfc3339(TimeMs ms);

}  // namespace turnaround::core

namespace turnaround::core {
// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
// Hinnant's algorithms; valid far beyond any date we store).
std::int64_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(std::int64_t days, int* year, int* month, int* day);

// Parses RFC 3339 ("2026-11-24T06:39:19Z", "...19.5+01:00"); nullopt if malformed.
std::optional<TimeMs> ParseRfc3339(std::string_view text);
}  // namespace turnaround::core
