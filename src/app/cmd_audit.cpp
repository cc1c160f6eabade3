// turnaround audit verify: walks the audit log's hash chain.
#include <cstdio>

#include "app/commands.h"
#include "store/event_log.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

constexpr const char* kAuditUsage =
    "usage: turnaround audit verify [--db PATH]\n\n"
    "Checks that every audit event chains to the one before it (prev_hash) and still\n"
    "matches its own hash. Exits 0 when the chain is intact, 1 naming the first broken\n"
    "event otherwise. Default db: var/turnaround.db\n"
    "--db also takes sqlite:PATH or postgresql://... (a shared PostgreSQL store).\n";

}  // namespace

int RunAudit(const Args& args) {
  std::string db_path = "var/turnaround.db", verb;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kAuditUsage, stdout);
      return 0;
    }
    if (args[i] == "--db" && i + 1 < args.size()) {
      db_path = args[++i];
    } else if (verb.empty() && args[i][0] != '-') {
      verb = args[i];
    } else {
      std::fprintf(stderr, "turnaround audit: unexpected '%s'\n\n%s", args[i].c_str(), kAuditUsage);
      return 2;
    }
  }
  if (verb != "verify") {
    std::fprintf(stderr, "turnaround audit: %s\n\n%s",
                 verb.empty() ? "missing command" : ("unknown command '" + verb + "'").c_str(), kAuditUsage);
    return 2;
  }
  auto conn = store::sql::OpenForReading(store::sql::DbUrl(db_path));
  if (!conn.ok()) {
    std::fprintf(stderr, "turnaround audit: %s\n", conn.status().message().c_str());
    return 1;
  }
  auto report = store::VerifyChain(*conn.value());
  if (!report.ok()) {
    std::fprintf(stderr, "turnaround audit: %s\n", report.status().message().c_str());
    return 1;
  }
  if (report->first_broken_id != 0) {
    std::printf("audit chain BROKEN at event %lld: %s (%lld events read)\n",
                static_cast<long long>(report->first_broken_id), report->problem.c_str(),
                static_cast<long long>(report->events));
    return 1;
  }
  std::printf("audit chain OK: %lld events\n", static_cast<long long>(report->events));
  return 0;
}

}  // namespace turnaround::app
