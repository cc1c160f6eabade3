#include "http/report_routes.h"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "http/errors.h"
#include "http/guard.h"
#include "reports/report_service.h"

namespace turnaround::http {
namespace {

using nlohmann::json;

reports::ParamGetter Params(const httplib::Request& req) {
  return [&req](const std::string& name) -> std::optional<std::string> {
    if (!req.has_param(name.c_str())) return std::nullopt;
    return req.get_param_value(name.c_str());
  };
}

// GET /api/reports/response-times and /api/reports/breaches.
httplib::Server::Handler ReportHandler(ReportContext& ctx, reports::ReportKind kind) {
  return WithRole(ctx.authn, model::Role::kSupervisor, false,
                  [&ctx, kind](const httplib::Request& req, httplib::Response& res, const Principal&) {
                    const std::int64_t now = ctx.clock.NowMs();
                    auto request = reports::ParseReportRequest(kind, Params(req), now);
                    if (!request.ok()) return SendError(res, request.status());
                    auto hours = reports::LoadBusinessHours(ctx.config.reports.business_hours,
                                                            ctx.config.reports.time_zone);
                    if (!hours.ok()) return SendError(res, core::Internal("reports config: " + hours.status().message()));
                    const app::QueueConfig& qc = ctx.config.queue;
                    auto out = reports::RunReport(ctx.source, *request, *hours, now,
                                                  {{"urgent", qc.sla_urgent_minutes},
                                                   {"high", qc.sla_high_minutes},
                                                   {"normal", qc.sla_normal_minutes},
                                                   {"low", qc.sla_low_minutes}});
                    if (!out.ok()) return SendError(res, out.status());
                    res.status = 200;
                    if (request->format == reports::Format::kCsv) {
                      const char* name = kind == reports::ReportKind::kBreaches ? "breaches" : "response-times";
                      res.set_header("Content-Disposition", std::string("attachment; filename=\"") + name + ".csv\"");
                    }
                    res.set_content(out->body, out->content_type.c_str());
                  });
}

core::Status ParseInt(const httplib::Request& req, const char* name, std::int64_t min, std::int64_t max,
                      std::int64_t* out) {
  if (!req.has_param(name)) return core::Status::Ok();
  const std::string v = req.get_param_value(name);
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max) {
    return core::InvalidArgument(std::string(name) + ": must be an integer from " + std::to_string(min) + " to " +
                                 std::to_string(max));
  }
  *out = n;
  return core::Status::Ok();
}

core::Status ParseTimeParam(const httplib::Request& req, const char* name, std::int64_t* out) {
  if (!req.has_param(name)) return core::Status::Ok();
  auto t = core::ParseRfc3339(req.get_param_value(name));
  if (!t) return core::InvalidArgument(std::string(name) + ": must be an RFC 3339 time");
  *out = *t;
  return core::Status::Ok();
}

core::Status ParseEventFilter(const httplib::Request& req, store::ItemStore::EventFilter* f) {
  std::int64_t limit = 100;
  TA_RETURN_IF_ERROR(ParseInt(req, "item", 1, INT64_MAX, &f->item_id));
  TA_RETURN_IF_ERROR(ParseInt(req, "limit", 1, 500, &limit));
  TA_RETURN_IF_ERROR(ParseInt(req, "before", 1, INT64_MAX, &f->before_id));
  TA_RETURN_IF_ERROR(ParseTimeParam(req, "from", &f->from_ms));
  TA_RETURN_IF_ERROR(ParseTimeParam(req, "to", &f->to_ms));
  f->limit = static_cast<int>(limit);
  f->actor = req.get_param_value("actor");
  f->kind = req.get_param_value("kind");
  if (f->from_ms && f->to_ms && f->from_ms >= f->to_ms) return core::InvalidArgument("from: must be before to");
  return core::Status::Ok();
}

json EventJson(const model::Event& e) {
  json details = json::parse(e.details, nullptr, false);
  if (details.is_discarded()) details = e.details;  // shown as stored
  return {{"id", e.id},
          {"at", core::FormatRfc3339(e.at_ms)},
          {"actor", e.actor},
          {"kind", e.kind},
          {"item_id", e.item_id ? json(e.item_id) : json(nullptr)},
          {"comment_id", e.comment_id ? json(e.comment_id) : json(nullptr)},
          {"details", std::move(details)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

// GET /api/audit: events newest first; next_before pages further back.
void AuditHandler(ReportContext& ctx, const httplib::Request& req, httplib::Response& res) {
  store::ItemStore::EventFilter f;
  if (auto s = ParseEventFilter(req, &f); !s.ok()) return SendError(res, s);
  auto events = ctx.items.Events(f);
  if (!events.ok()) return SendError(res, events.status());
  json list = json::array();
  for (const model::Event& e : events.value()) list.push_back(EventJson(e));
  const bool full = static_cast<int>(events->size()) == f.limit;
  SendJson(res, 200,
           {{"events", std::move(list)}, {"next_before", full ? json(events->back().id) : json(nullptr)}});
}

}  // namespace

void RegisterReportRoutes(httplib::Server& server, ReportContext& ctx) {
  server.Get("/api/reports/response-times", ReportHandler(ctx, reports::ReportKind::kResponseTimes));
  server.Get("/api/reports/breaches", ReportHandler(ctx, reports::ReportKind::kBreaches));
  server.Get("/api/audit", WithRole(ctx.authn, model::Role::kSupervisor, false,
                                    [&ctx](const httplib::Request& req, httplib::Response& res, const Principal&) {
                                      AuditHandler(ctx, req, res);
                                    }));
}

}  // namespace turnaround::http
