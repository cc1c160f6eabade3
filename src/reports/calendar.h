// Calendar arithmetic for the reports: UTC days, ISO weeks, time zones read
// from the system's TZif files, and business hours.
//
// Thread behaviour: TimeZone and BusinessHours are immutable after Load/Parse
// and safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"

namespace turnaround::reports {

using core::CivilFromDays;  // defined in core/clock.h, shared with RFC 3339 parsing
using core::DaysFromCivil;

// "YYYY-MM-DD" of the UTC day holding `ms`.
std::string UtcDayKey(std::int64_t ms);
// "YYYY-Www" of the ISO 8601 week (Monday first; week 1 holds the first
// Thursday) of the UTC day holding `ms`, e.g. "2026-W48".
std::string IsoWeekKey(std::int64_t ms);

// Milliseconds at UTC midnight of "YYYY-MM-DD"; nullopt if malformed.
std::optional<std::int64_t> ParseDate(std::string_view text);

// A time zone: UTC offsets by instant, from /usr/share/zoneinfo (or $TZDIR).
// After the file's last transition (2037 in Debian's "fat" files) the last
// offset stays in force.
class TimeZone {
 public:
  // "UTC" (no file needed) or an IANA name such as "Europe/London".
  // InvalidArgument naming the zone when it is unknown or the file is bad.
  static core::Result<TimeZone> Load(const std::string& name);

  // Seconds east of UTC in force at `utc_ms`.
  int OffsetAt(std::int64_t utc_ms) const;
  // The UTC instant of a local wall time (seconds since the local epoch).
  // In a DST gap or overlap the result is off by the DST shift at most.
  std::int64_t LocalToUtcMs(std::int64_t local_s) const;

  const std::string& name() const { return name_; }

 private:
  std::string name_ = "UTC";
  std::vector<std::int64_t> transitions_s_;  // ascending
  std::vector<int> offsets_s_;               // in force from transitions_s_[i]
  int initial_offset_s_ = 0;                 // before the first transition
};

// Opening hours per weekday in local time. Each day holds zero or more
// half-open [open, close) ranges in minutes after local midnight.
class BusinessHours {
 public:
  // `weekly` maps "mon".."sun" to "HH:MM-HH:MM" ranges separated by commas
  // ("" or a missing day: closed; "00:00-24:00": all day). InvalidArgument
  // naming the day on a malformed or overlapping range.
  static core::Result<BusinessHours> Parse(const std::map<std::string, std::string>& weekly, TimeZone zone);

  // Milliseconds of [from_ms, to_ms) that fall inside business hours; 0 when
  // to_ms <= from_ms. Walks local days, so cost grows with the span in days.
  std::int64_t OpenMs(std::int64_t from_ms, std::int64_t to_ms) const;

 private:
  using Range = std::pair<int, int>;            // minutes after local midnight
  std::array<std::vector<Range>, 7> ranges_;  // 0 = Monday
  TimeZone zone_;
};

}  // namespace turnaround::reports
