// The response-time report and the breach list, computed from the facts the
// store re-derives from the audit log. Pure functions, thread-safe.
//
// Definitions (README "Reports" says the same for users):
// - An item belongs to the window and to its day/week by the time of its
//   item.created event (our receipt), in UTC; ISO weeks start on Monday.
// - Time to first response: from the start (the comment's platform time for
//   basis=posted, our receipt for basis=received) to the first item.reply.
//   Time to resolution: from the start to the closing item.resolve (items
//   reopened since are open again; dismissals are not resolutions).
// - SLA: an item with a reply met its deadline when the first reply came at or
//   before items.due_at_ms, else it breached, late by reply - deadline. An item
//   without a reply breached when it was still waiting past its deadline: now
//   for open items, the closing time for resolved or withdrawn ones (late by
//   that minus the deadline); an open one not yet due is pending; a dismissed
//   one (spam, not a complaint...) or one closed before its deadline is
//   exempt. Attainment = met / (met + breached). Business hours never change
//   the SLA figures: they use the deadline the queue showed agents.
// - Outcomes: the complainers of a group are the distinct authors of its
//   replied items (author known), each judged once at their earliest reply in
//   the group: recovered when their next comment posted after that reply is
//   not a complaint, complained again when any later comment is a complaint.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reports/calendar.h"
#include "store/report_queries.h"

namespace turnaround::reports {

enum class GroupBy { kAgent, kCategory, kSeverity, kPlatform, kDay, kWeek };
enum class Basis { kPosted, kReceived };

const char* GroupByName(GroupBy g);
bool ParseGroupBy(const std::string& name, GroupBy* out);

// The group of an item: the first responder ("(unanswered)" when none), its
// category, severity or platform, or the UTC day / ISO week of its receipt.
std::string GroupKey(const store::ReportItemRow& row, GroupBy group_by);
inline constexpr const char* kUnanswered = "(unanswered)";
inline constexpr const char* kTotalKey = "(total)";

enum class SlaOutcome { kMet, kBreached, kPending, kExempt };
// Judges an item against its deadline as of `now_ms`; sets *late_ms for breaches.
SlaOutcome JudgeSla(const store::ReportItemRow& row, std::int64_t now_ms, std::int64_t* late_ms);

struct GroupFigures {
  std::string key;
  long long items = 0, replied = 0, resolved = 0, dismissed = 0;
  std::optional<double> first_response_median_s, first_response_p90_s, first_response_mean_s;
  std::optional<double> resolution_median_s, resolution_p90_s;
  long long sla_met = 0, breaches = 0, sla_pending = 0;
  std::optional<double> sla_attainment_pct;
  long long complainers = 0, recovered = 0, complained_again = 0;
  std::optional<double> recovered_pct, complained_again_pct;
};

struct ReportOptions {
  GroupBy group_by = GroupBy::kDay;
  Basis basis = Basis::kPosted;
  const BusinessHours* business_hours = nullptr;  // borrowed; nullptr: count every minute
  std::int64_t now_ms = 0;
};

struct ResponseReport {
  std::vector<GroupFigures> groups;  // by key
  GroupFigures total;                // every item, key kTotalKey
};

// Seconds from the item's start (per basis) to its first reply, counting only
// business hours when set; nullopt without a reply.
std::optional<double> FirstResponseS(const store::ReportItemRow& row, const ReportOptions& options);

ResponseReport ComputeResponseTimes(const std::vector<store::ReportItemRow>& rows, const ReportOptions& options);

struct Breach {
  store::ReportItemRow row;
  std::int64_t late_ms = 0;
  bool answered = false;  // a reply came, late
};

// Every breached item, the latest first (then by id).
std::vector<Breach> FindBreaches(const std::vector<store::ReportItemRow>& rows, std::int64_t now_ms);

}  // namespace turnaround::reports
