#include "core/clock.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

using namespace turnaround::core;

TEST_CASE("RFC 3339 parsing accepts the common shapes", "[core]") {
  struct Case {
    const char* text;
    TimeMs want;
  } cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"2026-11-24T06:39:19Z", 1795502359000},
      {"2026-11-24T06:39:19.250Z", 1795502359250},
      {"2026-11-24T07:39:19+01:00", 1795502359000},
      {"2026-11-24T01:09:19-05:30", 1795502359000},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto got = ParseRfc3339(c.text);
    REQUIRE(got.has_value());
    CHECK(*got == c.want);
  }
}

TEST_CASE("RFC 3339 parsing rejects malformed times", "[core]") {
  const char* bad[] = {"", "2026-11-24", "2026-13-01T00:00:00Z", "2026-11-24T06:39:19",
                       "2026-11-24T06:39:19+0100", "yesterday", "2026-11-24T06:39:19Zjunk"};
  for (const char* b : bad) {
    INFO(b);
    CHECK_FALSE(ParseRfc3339(b).has_value());
  }
}

TEST_CASE("FormatRfc3339 round-trips", "[core]") {
  TimeMs t = 1795502359250;
  CHECK(FormatRfc3339(t) == "2026-11-24T06:39:19.250Z");
  CHECK(ParseRfc3339(FormatRfc3339(t)) == t);
}

TEST_CASE("FormatRfc3339 agrees with the C library's gmtime_r, before 1970 and after", "[core]") {
  std::mt19937_64 rng(20261128);
  // From 1900 to 2200, plus the edges of days, leap days and the epoch.
  std::uniform_int_distribution<TimeMs> any(-2208988800000LL, 7258118400000LL);
  std::vector<TimeMs> times = {0, -1, 1, 999, -999, -1000, 86399999, 86400000, -86400001,
                               951782400000 /* 2000-02-29 */, 4107542399999 /* 2100-02-28 end */,
                               // The last instant written by hand, and years past it either way.
                               253402300799999 /* 9999-12-31 end */, 253402300800000, -62167219200000,
                               -62167219200001 /* year -1 */};
  for (int i = 0; i < 20000; ++i) times.push_back(any(rng));
  for (TimeMs ms : times) {
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    int millis = static_cast<int>(ms % 1000);
    if (millis < 0) {
      millis += 1000;
      --secs;
    }
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char want[80];
    std::snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    INFO(ms);
    REQUIRE(FormatRfc3339(ms) == want);
  }
}
