// Supervisors' routes: response-time and breach reports (JSON and CSV) and the
// audit log. HTTP only; figures come from reports/ over the store. Everything
// referenced must outlive the server.
#pragma once

#include <httplib.h>

#include "app/config.h"
#include "core/clock.h"
#include "http/authn.h"
#include "store/item_store.h"
#include "store/report_queries.h"

namespace turnaround::http {

struct ReportContext {
  Authenticator& authn;
  store::ReportSource& source;  // thread-safe (a pool-backed source)
  store::ItemStore& items;  // audit events
  const core::Clock& clock;
  const app::Config& config;  // SLA targets, business hours
};

// GET /api/reports/response-times, GET /api/reports/breaches,
// GET /api/audit (supervisor or admin).
void RegisterReportRoutes(httplib::Server& server, ReportContext& ctx);

}  // namespace turnaround::http
