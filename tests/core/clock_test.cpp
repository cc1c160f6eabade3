#include "core/clock.h"

#include <catch2/catch.hpp>

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
