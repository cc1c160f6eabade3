#include "reports/report_service.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "reports/csv.h"

namespace turnaround::reports {
namespace {

using nlohmann::json;
constexpr std::int64_t kDayMs = 86400000;

core::Result<std::int64_t> ParseTime(const std::string& name, const std::string& text, bool end_of_day) {
  if (auto date = ParseDate(text)) return *date + (end_of_day ? kDayMs : 0);
  if (auto t = core::ParseRfc3339(text)) return *t;
  return core::InvalidArgument(name + ": must be RFC 3339 (2026-11-24T06:00:00Z) or a date (2026-11-24)");
}

core::Status ParseChoice(const ParamGetter& get, const std::string& name,
                         std::initializer_list<const char*> choices, std::string* out) {
  auto v = get(name);
  if (!v) return core::Status::Ok();
  std::string list;
  for (const char* c : choices) {
    if (*v == c) {
      *out = *v;
      return core::Status::Ok();
    }
    list += list.empty() ? c : std::string(", ") + c;
  }
  return core::InvalidArgument(name + ": must be one of " + list);
}

// Seconds with millisecond precision; whole numbers as integers.
json Num(std::optional<double> v) {
  if (!v) return nullptr;
  const double r = std::round(*v * 1000.0) / 1000.0;
  if (r == std::floor(r) && std::fabs(r) < 9e15) return static_cast<std::int64_t>(r);
  return r;
}

std::string Time(std::int64_t ms) { return ms ? core::FormatRfc3339(ms) : std::string(); }
json TimeOrNull(std::int64_t ms) { return ms ? json(core::FormatRfc3339(ms)) : json(nullptr); }

// One column of the response-time report: its JSON key (= CSV header) and value.
struct Column {
  const char* name;
  std::optional<double> (*value)(const GroupFigures&);
};
#define TA_COUNT(field) \
  {#field, [](const GroupFigures& f) -> std::optional<double> { return static_cast<double>(f.field); }}
#define TA_FIGURE(field) {#field, [](const GroupFigures& f) { return f.field; }}
const Column kColumns[] = {
    TA_COUNT(items),
    TA_COUNT(replied),
    TA_COUNT(resolved),
    TA_COUNT(dismissed),
    TA_FIGURE(first_response_median_s),
    TA_FIGURE(first_response_p90_s),
    TA_FIGURE(first_response_mean_s),
    TA_FIGURE(resolution_median_s),
    TA_FIGURE(resolution_p90_s),
    TA_COUNT(sla_met),
    TA_COUNT(breaches),
    TA_COUNT(sla_pending),
    TA_FIGURE(sla_attainment_pct),
    TA_COUNT(complainers),
    TA_COUNT(recovered),
    TA_FIGURE(recovered_pct),
    TA_COUNT(complained_again),
    TA_FIGURE(complained_again_pct),
};
#undef TA_COUNT
#undef TA_FIGURE

json GroupJson(const GroupFigures& f) {
  json j = {{"group", f.key}};
  for (const Column& c : kColumns) j[c.name] = Num(c.value(f));
  return j;
}

std::string ResponseTimesCsv(const ResponseReport& r) {
  std::vector<std::string> header = {"group"};
  for (const Column& c : kColumns) header.push_back(c.name);
  std::string out = CsvRecord(header);
  auto row = [](const GroupFigures& f) {
    std::vector<std::string> cells = {f.key};
    for (const Column& c : kColumns) cells.push_back(FormatNumber(c.value(f)));
    return CsvRecord(cells);
  };
  for (const GroupFigures& f : r.groups) out += row(f);
  out += row(r.total);
  return out;
}

json BreachJson(const Breach& b) {
  const store::ReportItemRow& r = b.row;
  return {{"item_id", r.item_id},
          {"platform", r.platform},
          {"category", r.category},
          {"severity", r.severity},
          {"state", r.state},
          {"agent", r.first_reply_agent.empty() ? json(nullptr) : json(r.first_reply_agent)},
          {"assignee", r.assignee.empty() ? json(nullptr) : json(r.assignee)},
          {"posted_at", TimeOrNull(r.posted_at_ms)},
          {"received_at", TimeOrNull(r.received_at_ms)},
          {"due_at", TimeOrNull(r.due_at_ms)},
          {"first_response_at", TimeOrNull(r.first_reply_at_ms)},
          {"answered", b.answered},
          {"late_by_s", Num(static_cast<double>(b.late_ms) / 1000.0)}};
}

std::string BreachesCsv(const std::vector<Breach>& breaches) {
  std::string out = CsvRecord({"item_id", "platform", "category", "severity", "state", "agent", "assignee",
                               "posted_at", "received_at", "due_at", "first_response_at", "answered", "late_by_s"});
  for (const Breach& b : breaches) {
    const store::ReportItemRow& r = b.row;
    out += CsvRecord({std::to_string(r.item_id), r.platform, r.category, r.severity, r.state, r.first_reply_agent,
                      r.assignee, Time(r.posted_at_ms), Time(r.received_at_ms), Time(r.due_at_ms),
                      Time(r.first_reply_at_ms), b.answered ? "true" : "false",
                      FormatNumber(static_cast<double>(b.late_ms) / 1000.0)});
  }
  return out;
}

json Envelope(const ReportRequest& q, std::int64_t now_ms) {
  json j = {{"report", q.kind == ReportKind::kResponseTimes ? "response_times" : "breaches"},
            {"from", core::FormatRfc3339(q.from_ms)},
            {"to", core::FormatRfc3339(q.to_ms)},
            {"generated_at", core::FormatRfc3339(now_ms)},
            {"time_unit", "seconds"}};
  if (q.kind == ReportKind::kResponseTimes) {
    j["group_by"] = GroupByName(q.group_by);
    j["basis"] = q.basis == Basis::kPosted ? "posted" : "received";
    j["business_hours"] = q.business_hours;
  } else if (!q.group.empty()) {
    j["group_by"] = GroupByName(q.group_by);
    j["group"] = q.group;
  }
  return j;
}

// Items per category in each group (the supervisors' stacked volume chart).
json ByCategory(const std::vector<store::ReportItemRow>& rows, GroupBy group_by, const std::string& key) {
  json out = json::object();
  for (const store::ReportItemRow& r : rows) {
    if (key != kTotalKey && GroupKey(r, group_by) != key) continue;
    out[r.category] = out.value(r.category, 0) + 1;
  }
  return out;
}

// Answered items by time to first response: each bucket counts those above the
// previous bound and at most le_s; the last (le_s null) the rest.
json Histogram(const std::vector<store::ReportItemRow>& rows, const ReportOptions& options,
               const std::map<std::string, int>& sla_minutes) {
  std::set<std::int64_t> bounds = {15 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 24 * 3600};
  for (const auto& [severity, minutes] : sla_minutes) bounds.insert(minutes * 60LL);
  std::vector<std::int64_t> counts(bounds.size() + 1, 0);
  for (const store::ReportItemRow& r : rows) {
    auto s = FirstResponseS(r, options);
    if (!s) continue;
    auto it = std::lower_bound(bounds.begin(), bounds.end(), *s, [](std::int64_t b, double v) { return b < v; });
    ++counts[static_cast<std::size_t>(std::distance(bounds.begin(), it))];
  }
  json out = json::array();
  std::size_t i = 0;
  for (std::int64_t b : bounds) out.push_back({{"le_s", b}, {"count", counts[i++]}});
  out.push_back({{"le_s", nullptr}, {"count", counts[i]}});
  return out;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

}  // namespace

core::Result<ReportRequest> ParseReportRequest(ReportKind kind, const ParamGetter& get, std::int64_t now_ms) {
  ReportRequest q;
  q.kind = kind;
  q.to_ms = now_ms;
  if (auto to = get("to")) {
    auto t = ParseTime("to", *to, /*end_of_day=*/true);
    if (!t.ok()) return t.status();
    q.to_ms = *t;
  }
  q.from_ms = q.to_ms - 30 * kDayMs;
  if (auto from = get("from")) {
    auto t = ParseTime("from", *from, /*end_of_day=*/false);
    if (!t.ok()) return t.status();
    q.from_ms = *t;
  }
  if (q.from_ms >= q.to_ms) return core::InvalidArgument("from: must be before to");
  std::string group_by = GroupByName(q.group_by), basis = "posted", hours = "false", format = "json";
  TA_RETURN_IF_ERROR(ParseChoice(get, "group_by", {"agent", "category", "severity", "platform", "day", "week"},
                                 &group_by));
  TA_RETURN_IF_ERROR(ParseChoice(get, "basis", {"posted", "received"}, &basis));
  TA_RETURN_IF_ERROR(ParseChoice(get, "business_hours", {"true", "false"}, &hours));
  TA_RETURN_IF_ERROR(ParseChoice(get, "format", {"json", "csv"}, &format));
  ParseGroupBy(group_by, &q.group_by);
  q.basis = basis == "posted" ? Basis::kPosted : Basis::kReceived;
  q.business_hours = hours == "true";
  q.format = format == "csv" ? Format::kCsv : Format::kJson;
  if (auto group = get("group")) {
    if (kind != ReportKind::kBreaches) return core::InvalidArgument("group: only the breach list filters by group");
    if (!get("group_by")) return core::InvalidArgument("group: needs group_by");
    q.group = *group;
  }
  return q;
}

core::Result<BusinessHours> LoadBusinessHours(const std::map<std::string, std::string>& weekly,
                                              const std::string& time_zone) {
  auto zone = TimeZone::Load(time_zone);
  if (!zone.ok()) return zone.status();
  return BusinessHours::Parse(weekly, std::move(zone).value());
}

core::Result<RenderedReport> RunReport(store::ReportSource& source, const ReportRequest& q,
                                       const BusinessHours& hours, std::int64_t now_ms,
                                       const std::map<std::string, int>& sla_minutes) {
  auto rows = source.Items(q.from_ms, q.to_ms);
  if (!rows.ok()) return rows.status();
  const bool csv = q.format == Format::kCsv;
  RenderedReport out;
  out.content_type = csv ? "text/csv; charset=utf-8" : "application/json";
  if (q.kind == ReportKind::kBreaches) {
    std::vector<Breach> breaches = FindBreaches(*rows, now_ms);
    if (!q.group.empty()) {
      std::erase_if(breaches, [&q](const Breach& b) { return GroupKey(b.row, q.group_by) != q.group; });
    }
    if (csv) {
      out.body = BreachesCsv(breaches);
      return out;
    }
    json list = json::array();
    for (const Breach& b : breaches) list.push_back(BreachJson(b));
    json j = Envelope(q, now_ms);
    j["breaches"] = std::move(list);
    out.body = Dump(j);
    return out;
  }
  ReportOptions options{q.group_by, q.basis, q.business_hours ? &hours : nullptr, now_ms};
  ResponseReport report = ComputeResponseTimes(*rows, options);
  if (csv) {
    out.body = ResponseTimesCsv(report);
    return out;
  }
  json groups = json::array();
  for (const GroupFigures& f : report.groups) {
    groups.push_back(GroupJson(f));
    groups.back()["by_category"] = ByCategory(*rows, q.group_by, f.key);
  }
  json j = Envelope(q, now_ms);
  j["groups"] = std::move(groups);
  j["total"] = GroupJson(report.total);
  j["total"]["by_category"] = ByCategory(*rows, q.group_by, kTotalKey);
  j["total"]["first_response_histogram"] = Histogram(*rows, options, sla_minutes);
  j["sla_minutes"] = sla_minutes;
  out.body = Dump(j);
  return out;
}

}  // namespace turnaround::reports
