// Report parameters: defaults, dates, and errors that name the parameter.
#include "reports/report_service.h"

#include <catch2/catch.hpp>

#include "core/clock.h"

using namespace turnaround;
using namespace turnaround::reports;

namespace {

core::Result<ReportRequest> Parse(std::map<std::string, std::string> params,
                                  ReportKind kind = ReportKind::kResponseTimes) {
  const std::int64_t now = *core::ParseRfc3339("2026-11-24T12:00:00Z");
  return ParseReportRequest(
      kind,
      [&params](const std::string& name) -> std::optional<std::string> {
        auto it = params.find(name);
        if (it == params.end()) return std::nullopt;
        return it->second;
      },
      now);
}

}  // namespace

TEST_CASE("report parameters have defaults and dates cover whole days", "[reports]") {
  auto d = Parse({});
  REQUIRE(d.ok());
  CHECK(d->to_ms == *core::ParseRfc3339("2026-11-24T12:00:00Z"));
  CHECK(d->from_ms == *core::ParseRfc3339("2026-10-25T12:00:00Z"));
  CHECK(d->group_by == GroupBy::kDay);
  CHECK(d->basis == Basis::kPosted);
  CHECK_FALSE(d->business_hours);
  CHECK(d->format == Format::kJson);
  auto q = Parse({{"from", "2026-11-10"}, {"to", "2026-11-10"}, {"group_by", "agent"}, {"basis", "received"},
                  {"business_hours", "true"}, {"format", "csv"}});
  REQUIRE(q.ok());
  CHECK(q->from_ms == *core::ParseRfc3339("2026-11-10T00:00:00Z"));
  CHECK(q->to_ms == *core::ParseRfc3339("2026-11-11T00:00:00Z"));
  CHECK(q->group_by == GroupBy::kAgent);
  CHECK(q->basis == Basis::kReceived);
  CHECK(q->business_hours);
  CHECK(q->format == Format::kCsv);
  auto t = Parse({{"from", "2026-11-10T08:00:00+01:00"}, {"to", "2026-11-10T09:00:00Z"}});
  REQUIRE(t.ok());
  CHECK(t->from_ms == *core::ParseRfc3339("2026-11-10T07:00:00Z"));
}

TEST_CASE("bad report parameters name the parameter", "[reports]") {
  struct Case {
    std::map<std::string, std::string> params;
    const char* name;
  } cases[] = {
      {{{"from", "yesterday"}}, "from:"},
      {{{"to", "2026-02-30"}}, "to:"},
      {{{"from", "2026-11-12"}, {"to", "2026-11-10"}}, "from:"},
      {{{"group_by", "month"}}, "group_by:"},
      {{{"basis", "replied"}}, "basis:"},
      {{{"business_hours", "yes"}}, "business_hours:"},
      {{{"format", "xml"}}, "format:"},
      {{{"group", "alice"}}, "group:"},  // only for breaches
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto r = Parse(c.params);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == core::Code::kInvalidArgument);
    CHECK(r.status().message().rfind(c.name, 0) == 0);
  }
  CHECK_FALSE(Parse({{"group", "alice"}}, ReportKind::kBreaches).ok());  // needs group_by
  CHECK(Parse({{"group", "alice"}, {"group_by", "agent"}}, ReportKind::kBreaches).ok());
}
