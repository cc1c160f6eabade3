// SLA judgement, grouping and outcomes over hand-made rows.
#include "reports/response_report.h"

#include <catch2/catch.hpp>

#include "core/clock.h"

using namespace turnaround;
using namespace turnaround::reports;

namespace {

constexpr std::int64_t kMin = 60 * 1000;
const std::int64_t kT0 = *core::ParseRfc3339("2026-11-10T08:00:00Z");

store::ReportItemRow Row(std::int64_t id, std::int64_t reply_min, const char* close_kind = "",
                         std::int64_t close_min = 0) {
  store::ReportItemRow r;
  r.item_id = id;
  r.platform = "yelp";
  r.category = "wait_time";
  r.severity = "high";
  r.posted_at_ms = kT0;
  r.received_at_ms = kT0;
  r.due_at_ms = kT0 + 60 * kMin;
  r.first_reply_at_ms = reply_min >= 0 ? kT0 + reply_min * kMin : 0;
  r.first_reply_agent = reply_min >= 0 ? "alice" : "";
  r.last_close_kind = close_kind;
  r.last_close_at_ms = *close_kind ? kT0 + close_min * kMin : 0;
  return r;
}

}  // namespace

TEST_CASE("items are judged against their deadline", "[reports]") {
  struct Case {
    const char* name;
    store::ReportItemRow row;
    std::int64_t now_min;
    SlaOutcome want;
    std::int64_t late_min;
  } cases[] = {
      {"replied in time", Row(1, 60), 300, SlaOutcome::kMet, 0},
      {"replied late", Row(2, 75), 300, SlaOutcome::kBreached, 15},
      {"open not yet due", Row(3, -1), 30, SlaOutcome::kPending, 0},
      {"open past due", Row(4, -1), 90, SlaOutcome::kBreached, 30},
      {"dismissed late is exempt", Row(5, -1, "item.dismiss", 500), 600, SlaOutcome::kExempt, 0},
      {"resolved unanswered in time", Row(6, -1, "item.resolve", 30), 600, SlaOutcome::kExempt, 0},
      {"resolved unanswered late", Row(7, -1, "item.resolve", 100), 600, SlaOutcome::kBreached, 40},
      {"withdrawn while waiting late", Row(8, -1, "item.withdraw", 70), 600, SlaOutcome::kBreached, 10},
      {"reopened counts as open", Row(9, -1, "item.reopen", 20), 120, SlaOutcome::kBreached, 60},
      {"late reply after dismissal counts", Row(10, 61, "item.dismiss", 90), 600, SlaOutcome::kBreached, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::int64_t late = -1;
    CHECK(JudgeSla(c.row, kT0 + c.now_min * kMin, &late) == c.want);
    CHECK(late == c.late_min * kMin);
  }
}

TEST_CASE("each complainer counts once per group at their earliest reply", "[reports]") {
  store::ReportItemRow first = Row(1, 10), second = Row(2, 20), other = Row(3, 30), anonymous = Row(4, 40);
  first.author_key = second.author_key = "yelp:pat";
  first.next_comment_complaint = 0;   // came back happy after the first reply
  second.next_comment_complaint = 1;  // judged again from a later reply: ignored
  second.complained_again = true;
  other.author_key = "yelp:sam";
  other.next_comment_complaint = 1;
  other.complained_again = true;
  anonymous.next_comment_complaint = 0;  // no author id: cannot be followed
  ReportOptions o;
  o.group_by = GroupBy::kCategory;
  o.now_ms = kT0 + 600 * kMin;
  ResponseReport r = ComputeResponseTimes({second, first, other, anonymous}, o);
  REQUIRE(r.groups.size() == 1);
  const GroupFigures& g = r.groups[0];
  CHECK(g.key == "wait_time");
  CHECK(g.complainers == 2);
  CHECK(g.recovered == 1);
  CHECK(g.complained_again == 1);
  CHECK(*g.recovered_pct == Approx(50));
  CHECK(*g.first_response_median_s == Approx(25 * 60));
  CHECK(*g.first_response_mean_s == Approx(25 * 60));
  CHECK(*g.first_response_p90_s == Approx(37 * 60));
  CHECK(g.sla_met == 4);
  CHECK(*g.sla_attainment_pct == 100);
}

TEST_CASE("group keys", "[reports]") {
  store::ReportItemRow r = Row(1, -1);
  CHECK(GroupKey(r, GroupBy::kAgent) == "(unanswered)");
  CHECK(GroupKey(Row(1, 5), GroupBy::kAgent) == "alice");
  CHECK(GroupKey(r, GroupBy::kSeverity) == "high");
  CHECK(GroupKey(r, GroupBy::kPlatform) == "yelp");
  CHECK(GroupKey(r, GroupBy::kDay) == "2026-11-10");
  CHECK(GroupKey(r, GroupBy::kWeek) == "2026-W46");
  GroupBy g;
  CHECK(ParseGroupBy("week", &g));
  CHECK(g == GroupBy::kWeek);
  CHECK_FALSE(ParseGroupBy("month", &g));
}
