// UTC days, ISO weeks, TZif time zones and business hours.
#include "reports/calendar.h"

#include <catch2/catch.hpp>

#include "core/clock.h"

using namespace turnaround;
using namespace turnaround::reports;

namespace {
std::int64_t T(const char* rfc3339) { return *core::ParseRfc3339(rfc3339); }
constexpr std::int64_t kMin = 60 * 1000;
}  // namespace

TEST_CASE("days and ISO weeks are UTC", "[reports]") {
  struct Case {
    const char* at;
    const char* day;
    const char* week;
  } cases[] = {
      {"2026-11-10T08:00:00Z", "2026-11-10", "2026-W46"},
      {"2026-11-10T23:59:59Z", "2026-11-10", "2026-W46"},
      {"2026-11-16T00:00:00Z", "2026-11-16", "2026-W47"},  // Monday starts a week
      {"2026-01-01T12:00:00Z", "2026-01-01", "2026-W01"},  // a Thursday
      {"2027-01-01T12:00:00Z", "2027-01-01", "2026-W53"},  // a Friday: last week of 2026
      {"2024-12-30T00:00:00Z", "2024-12-30", "2025-W01"},
      {"1969-12-31T23:00:00Z", "1969-12-31", "1970-W01"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.at);
    CHECK(UtcDayKey(T(c.at)) == c.day);
    CHECK(IsoWeekKey(T(c.at)) == c.week);
  }
}

TEST_CASE("dates parse to UTC midnight and reject impossible days", "[reports]") {
  CHECK(ParseDate("2026-11-10") == T("2026-11-10T00:00:00Z"));
  CHECK(ParseDate("2024-02-29") == T("2024-02-29T00:00:00Z"));
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-1-01", "20261110", "", "2026-11-10T"}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseDate(bad).has_value());
  }
}

TEST_CASE("time zones follow daylight saving from the TZif files", "[reports]") {
  auto london = TimeZone::Load("Europe/London");
  REQUIRE(london.ok());
  CHECK(london->OffsetAt(T("2026-01-15T12:00:00Z")) == 0);
  CHECK(london->OffsetAt(T("2026-07-15T12:00:00Z")) == 3600);
  CHECK(london->OffsetAt(T("2026-03-29T00:59:59Z")) == 0);  // the switch is at 01:00 UTC
  CHECK(london->OffsetAt(T("2026-03-29T01:00:00Z")) == 3600);
  auto ny = TimeZone::Load("America/New_York");
  REQUIRE(ny.ok());
  CHECK(ny->OffsetAt(T("2026-11-10T12:00:00Z")) == -5 * 3600);
  CHECK(ny->LocalToUtcMs(DaysFromCivil(2026, 11, 10) * 86400 + 9 * 3600) == T("2026-11-10T14:00:00Z"));
  auto utc = TimeZone::Load("UTC");
  REQUIRE(utc.ok());
  CHECK(utc->OffsetAt(T("2026-07-15T12:00:00Z")) == 0);
  for (const char* bad : {"Mars/Olympus", "../etc/passwd", "/etc/localtime", ""}) {
    CAPTURE(bad);
    auto z = TimeZone::Load(bad);
    CHECK_FALSE(z.ok());
  }
}

TEST_CASE("business hours count only open minutes in local time", "[reports]") {
  auto berlin = TimeZone::Load("Europe/Berlin");
  REQUIRE(berlin.ok());
  // Local Tuesday 09:00-09:30 and 10:00-13:00 = 08:00-08:30Z and 09:00-12:00Z in November.
  auto hours = BusinessHours::Parse({{"tue", "09:00-09:30,10:00-13:00"}, {"wed", "00:00-24:00"}}, *berlin);
  REQUIRE(hours.ok());
  struct Case {
    const char* from;
    const char* to;
    std::int64_t want_ms;
  } cases[] = {
      {"2026-11-10T07:50:00Z", "2026-11-10T08:20:00Z", 20 * kMin},
      {"2026-11-10T07:55:00Z", "2026-11-10T09:30:00Z", 60 * kMin},
      {"2026-11-10T07:50:00Z", "2026-11-10T08:40:00Z", 30 * kMin},
      {"2026-11-10T12:30:00Z", "2026-11-10T22:00:00Z", 0},                  // after closing
      {"2026-11-10T11:00:00Z", "2026-11-11T01:00:00Z", 60 * kMin + 120 * kMin},  // Wed opens 23:00Z
      {"2026-11-09T00:00:00Z", "2026-11-17T00:00:00Z", 210 * kMin + 24 * 60 * kMin},  // Mon..Mon
      {"2026-11-10T09:00:00Z", "2026-11-10T09:00:00Z", 0},
      {"2026-11-10T10:00:00Z", "2026-11-10T09:00:00Z", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.from, c.to);
    CHECK(hours->OpenMs(T(c.from), T(c.to)) == c.want_ms);
  }
}

TEST_CASE("business hours across a daylight-saving change keep local opening times", "[reports]") {
  auto london = TimeZone::Load("Europe/London");
  REQUIRE(london.ok());
  auto hours = BusinessHours::Parse({{"fri", "09:00-17:00"}, {"mon", "09:00-17:00"}}, *london);
  REQUIRE(hours.ok());
  // Fri 2026-03-27 09:00-17:00 GMT, Mon 2026-03-30 09:00-17:00 BST (08:00-16:00Z).
  CHECK(hours->OpenMs(T("2026-03-27T16:00:00Z"), T("2026-03-30T09:00:00Z")) == 60 * kMin + 60 * kMin);
}

TEST_CASE("bad business hours name the day", "[reports]") {
  auto utc = TimeZone::Load("UTC");
  REQUIRE(utc.ok());
  for (const char* bad : {"9-5", "09:00-08:00", "09:00-17:60", "09:00-25:00", "09:00-12:00,11:00-13:00"}) {
    CAPTURE(bad);
    auto h = BusinessHours::Parse({{"mon", bad}}, *utc);
    REQUIRE_FALSE(h.ok());
    CHECK(h.status().message().rfind("mon:", 0) == 0);
  }
  CHECK_FALSE(BusinessHours::Parse({{"monday", "09:00-17:00"}}, *utc).ok());
  CHECK(BusinessHours::Parse({{"sat", ""}}, *utc).ok());
}
