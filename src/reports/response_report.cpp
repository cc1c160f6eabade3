#include "reports/response_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "reports/stats.h"

namespace turnaround::reports {
namespace {

struct GroupBuilder {
  GroupFigures figures;
  std::vector<double> first_response_s, resolution_s;
  std::vector<const store::ReportItemRow*> replied;
};

// Milliseconds between start and end: every minute, or only business minutes.
double DurationS(std::int64_t start, std::int64_t end, const ReportOptions& o) {
  if (end <= start) return 0;
  const std::int64_t ms = o.business_hours ? o.business_hours->OpenMs(start, end) : end - start;
  return static_cast<double>(ms) / 1000.0;
}

void Add(GroupBuilder& g, const store::ReportItemRow& row, const ReportOptions& o) {
  GroupFigures& f = g.figures;
  ++f.items;
  const std::int64_t start = o.basis == Basis::kPosted ? row.posted_at_ms : row.received_at_ms;
  if (row.first_reply_at_ms > 0) {
    ++f.replied;
    g.first_response_s.push_back(*FirstResponseS(row, o));
    g.replied.push_back(&row);
  }
  if (row.last_close_kind == "item.resolve") {
    ++f.resolved;
    g.resolution_s.push_back(DurationS(start, row.last_close_at_ms, o));
  } else if (row.last_close_kind == "item.dismiss") {
    ++f.dismissed;
  }
  std::int64_t late = 0;
  switch (JudgeSla(row, o.now_ms, &late)) {
    case SlaOutcome::kMet: ++f.sla_met; break;
    case SlaOutcome::kBreached: ++f.breaches; break;
    case SlaOutcome::kPending: ++f.sla_pending; break;
    case SlaOutcome::kExempt: break;
  }
}

void Finish(GroupBuilder& g) {
  GroupFigures& f = g.figures;
  f.first_response_median_s = Quantile(g.first_response_s, 0.5);
  f.first_response_p90_s = Quantile(g.first_response_s, 0.9);
  f.first_response_mean_s = Mean(g.first_response_s);
  f.resolution_median_s = Quantile(g.resolution_s, 0.5);
  f.resolution_p90_s = Quantile(g.resolution_s, 0.9);
  f.sla_attainment_pct = Percent(f.sla_met, f.sla_met + f.breaches);
  // Each complainer once, at their earliest reply in the group.
  std::stable_sort(g.replied.begin(), g.replied.end(), [](const auto* a, const auto* b) {
    return a->first_reply_at_ms < b->first_reply_at_ms;
  });
  std::set<std::string> seen;
  for (const store::ReportItemRow* row : g.replied) {
    if (row->author_key.empty() || !seen.insert(row->author_key).second) continue;
    ++f.complainers;
    if (row->next_comment_complaint == 0) ++f.recovered;
    if (row->complained_again) ++f.complained_again;
  }
  f.recovered_pct = Percent(f.recovered, f.complainers);
  f.complained_again_pct = Percent(f.complained_again, f.complainers);
}

}  // namespace

std::optional<double> FirstResponseS(const store::ReportItemRow& row, const ReportOptions& o) {
  if (row.first_reply_at_ms <= 0) return std::nullopt;
  return DurationS(o.basis == Basis::kPosted ? row.posted_at_ms : row.received_at_ms, row.first_reply_at_ms, o);
}

const char* GroupByName(GroupBy g) {
  switch (g) {
    case GroupBy::kAgent: return "agent";
    case GroupBy::kCategory: return "category";
    case GroupBy::kSeverity: return "severity";
    case GroupBy::kPlatform: return "platform";
    case GroupBy::kDay: return "day";
    case GroupBy::kWeek: return "week";
  }
  return "day";
}

bool ParseGroupBy(const std::string& name, GroupBy* out) {
  for (GroupBy g : {GroupBy::kAgent, GroupBy::kCategory, GroupBy::kSeverity, GroupBy::kPlatform, GroupBy::kDay,
                    GroupBy::kWeek}) {
    if (name == GroupByName(g)) {
      *out = g;
      return true;
    }
  }
  return false;
}

std::string GroupKey(const store::ReportItemRow& row, GroupBy group_by) {
  switch (group_by) {
    case GroupBy::kAgent: return row.first_reply_agent.empty() ? kUnanswered : row.first_reply_agent;
    case GroupBy::kCategory: return row.category;
    case GroupBy::kSeverity: return row.severity;
    case GroupBy::kPlatform: return row.platform;
    case GroupBy::kDay: return UtcDayKey(row.received_at_ms);
    case GroupBy::kWeek: return IsoWeekKey(row.received_at_ms);
  }
  return "";
}

SlaOutcome JudgeSla(const store::ReportItemRow& row, std::int64_t now_ms, std::int64_t* late_ms) {
  *late_ms = 0;
  if (row.first_reply_at_ms > 0) {
    if (row.first_reply_at_ms <= row.due_at_ms) return SlaOutcome::kMet;
    *late_ms = row.first_reply_at_ms - row.due_at_ms;
    return SlaOutcome::kBreached;
  }
  if (row.last_close_kind == "item.dismiss") return SlaOutcome::kExempt;
  const bool closed = row.last_close_kind == "item.resolve" || row.last_close_kind == "item.withdraw";
  const std::int64_t waited_until = closed ? row.last_close_at_ms : now_ms;
  if (waited_until > row.due_at_ms) {
    *late_ms = waited_until - row.due_at_ms;
    return SlaOutcome::kBreached;
  }
  return closed ? SlaOutcome::kExempt : SlaOutcome::kPending;
}

ResponseReport ComputeResponseTimes(const std::vector<store::ReportItemRow>& rows, const ReportOptions& options) {
  std::map<std::string, GroupBuilder> groups;
  GroupBuilder total;
  total.figures.key = kTotalKey;
  for (const store::ReportItemRow& row : rows) {
    const std::string key = GroupKey(row, options.group_by);
    GroupBuilder& g = groups[key];
    g.figures.key = key;
    Add(g, row, options);
    Add(total, row, options);
  }
  ResponseReport report;
  for (auto& [key, g] : groups) {
    Finish(g);
    report.groups.push_back(std::move(g.figures));
  }
  Finish(total);
  report.total = std::move(total.figures);
  return report;
}

std::vector<Breach> FindBreaches(const std::vector<store::ReportItemRow>& rows, std::int64_t now_ms) {
  std::vector<Breach> out;
  for (const store::ReportItemRow& row : rows) {
    std::int64_t late = 0;
    if (JudgeSla(row, now_ms, &late) == SlaOutcome::kBreached) {
      out.push_back({row, late, row.first_reply_at_ms > 0});
    }
  }
  std::sort(out.begin(), out.end(), [](const Breach& a, const Breach& b) {
    return a.late_ms != b.late_ms ? a.late_ms > b.late_ms : a.row.item_id < b.row.item_id;
  });
  return out;
}

}  // namespace turnaround::reports
