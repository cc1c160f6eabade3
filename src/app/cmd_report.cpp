// turnaround report: the response-time report or the breach list from the
// command line, rendered by the same code as GET /api/reports/*.
#include <cstdio>
#include <map>

#include "app/commands.h"
#include "app/config.h"
#include "core/clock.h"
#include "reports/report_service.h"
#include "store/report_queries.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

constexpr const char* kReportUsage = R"(usage: turnaround report [--db PATH] [--from T] [--to T] [--group-by X]
                         [--format csv|json] [--basis posted|received]
                         [--business-hours] [--config FILE] [--breaches [--group KEY]]

Prints the response-time report (or, with --breaches, every item that missed
its SLA) exactly as GET /api/reports/response-times (or /breaches) returns it.

  --db PATH         SQLite database, opened read-only (default var/turnaround.db);
                    also sqlite:PATH or postgresql://... (a shared PostgreSQL store)
  --from T, --to T  RFC 3339 time or YYYY-MM-DD (UTC; a date in --to includes
                    that whole day). Default: the 30 days up to now.
  --group-by X      agent | category | severity | platform | day | week (default day)
  --format F        json (default) or csv
  --basis B         measure from when the comment was posted (default) or received
  --business-hours  count only business hours (weekly hours and time zone from
                    the config's "reports" section; default Mon-Fri 09:00-17:00 UTC)
  --config FILE     the serve config, for the business hours
  --breaches        print the breach list instead
  --group KEY       with --breaches and --group-by: only that group's breaches
)";

// Flags → the same parameter names the HTTP API takes. Returns 0 to go on,
// else the exit code.
int ParseArgs(const Args& args, std::map<std::string, std::string>* params, std::string* db, std::string* config,
              bool* breaches) {
  static const std::map<std::string, std::string> kValueFlags = {
      {"--from", "from"},     {"--to", "to"},       {"--group-by", "group_by"},
      {"--format", "format"}, {"--basis", "basis"}, {"--group", "group"}};
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kReportUsage, stdout);
      return -1;
    }
    if (a == "--business-hours") {
      (*params)["business_hours"] = "true";
    } else if (a == "--breaches") {
      *breaches = true;
    } else if ((a == "--db" || a == "--config" || kValueFlags.count(a)) && i + 1 < args.size()) {
      const std::string& value = args[++i];
      if (a == "--db") {
        *db = value;
      } else if (a == "--config") {
        *config = value;
      } else {
        (*params)[kValueFlags.at(a)] = value;
      }
    } else {
      std::fprintf(stderr, "turnaround report: %s '%s'\n\n%s",
                   kValueFlags.count(a) || a == "--db" || a == "--config" ? "missing value for" : "unknown option",
                   a.c_str(), kReportUsage);
      return 2;
    }
  }
  return 0;
}

int Fail(const std::string& message, int code) {
  std::fprintf(stderr, "turnaround report: %s\n", message.c_str());
  return code;
}

}  // namespace

int RunReport(const Args& args) {
  std::map<std::string, std::string> params;
  std::string db = "var/turnaround.db", config_file;
  bool breaches = false;
  if (int rc = ParseArgs(args, &params, &db, &config_file, &breaches); rc != 0) return rc < 0 ? 0 : rc;
  Config config;
  if (!config_file.empty()) {
    if (core::Status s = LoadConfigFile(config_file, &config); !s.ok()) return Fail(s.message(), 2);
  }
  const std::int64_t now = core::SystemClock::Instance().NowMs();
  auto request = reports::ParseReportRequest(
      breaches ? reports::ReportKind::kBreaches : reports::ReportKind::kResponseTimes,
      [&params](const std::string& name) -> std::optional<std::string> {
        auto it = params.find(name);
        if (it == params.end()) return std::nullopt;
        return it->second;
      },
      now);
  if (!request.ok()) return Fail(request.status().message(), 2);
  auto hours = reports::LoadBusinessHours(config.reports.business_hours, config.reports.time_zone);
  if (!hours.ok()) return Fail(hours.status().message(), 2);
  auto source = store::ReportSource::OpenUrl(store::sql::DbUrl(db));
  if (!source.ok()) return Fail(source.status().message(), 1);
  const QueueConfig& qc = config.queue;
  auto out = reports::RunReport(*source, *request, *hours, now,
                                {{"urgent", qc.sla_urgent_minutes},
                                 {"high", qc.sla_high_minutes},
                                 {"normal", qc.sla_normal_minutes},
                                 {"low", qc.sla_low_minutes}});
  if (!out.ok()) return Fail(out.status().message(), 1);
  if (std::fwrite(out->body.data(), 1, out->body.size(), stdout) != out->body.size()) return 1;
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace turnaround::app
