// The one entry point the HTTP routes and the CLI share: parameters in,
// rendered JSON or CSV out, so both print the same figures.
//
// Usage:
//   auto request = reports::ParseReportRequest(reports::ReportKind::kResponseTimes, get_param, now);
//   if (!request.ok()) ...  // InvalidArgument naming the parameter
//   auto out = reports::RunReport(source, *request, hours, now);
//   // out->body, out->content_type
//
// Thread behaviour: stateless; thread-safe when the source is.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/status.h"
#include "reports/calendar.h"
#include "reports/response_report.h"
#include "store/report_queries.h"

namespace turnaround::reports {

enum class ReportKind { kResponseTimes, kBreaches };
enum class Format { kJson, kCsv };

struct ReportRequest {
  ReportKind kind = ReportKind::kResponseTimes;
  std::int64_t from_ms = 0, to_ms = 0;  // [from, to)
  GroupBy group_by = GroupBy::kDay;
  Basis basis = Basis::kPosted;
  bool business_hours = false;
  Format format = Format::kJson;
  // Breaches only: keep the items whose group_by key equals this ("" = all).
  std::string group;
};

// Reads parameters through `get` (nullopt when absent): from, to (RFC 3339 or
// YYYY-MM-DD; a date in `to` includes that whole UTC day; defaults: to = now,
// from = to - 30 days), group_by, basis, business_hours (true|false), format
// (json|csv), group. InvalidArgument naming the parameter on a bad value.
using ParamGetter = std::function<std::optional<std::string>(const std::string& name)>;
core::Result<ReportRequest> ParseReportRequest(ReportKind kind, const ParamGetter& get, std::int64_t now_ms);

// Business hours from the config's weekly table and time-zone name.
core::Result<BusinessHours> LoadBusinessHours(const std::map<std::string, std::string>& weekly,
                                              const std::string& time_zone);

struct RenderedReport {
  std::string body;
  std::string content_type;  // application/json or text/csv; charset=utf-8
};

// Reads the facts and renders the report. `hours` is used only when the
// request asks for business hours. `sla_minutes` (severity -> first-response
// target) is echoed in the JSON and adds its targets to the histogram's bucket
// bounds. Errors come from the store.
core::Result<RenderedReport> RunReport(store::ReportSource& source, const ReportRequest& request,
                                       const BusinessHours& hours, std::int64_t now_ms,
                                       const std::map<std::string, int>& sla_minutes = {});

}  // namespace turnaround::reports
