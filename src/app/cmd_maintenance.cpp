// turnaround backup / restore / purge: whole-database operations.
#include <cstdio>

#include "app/commands.h"
#include "core/clock.h"
#include "store/maintenance.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

constexpr const char* kUsage =
    "usage: turnaround backup [--db PATH] OUT      consistent online copy (the server may run)\n"
    "       turnaround restore [--db PATH] BACKUP  verify BACKUP and copy it over PATH (stop the server first)\n"
    "       turnaround purge [--db URL|PATH] [--delivery-body-days N] [--closed-comment-text-days N]\n"
    "                                              apply retention now (defaults 30 and 0 = keep)\n"
    "Default db: var/turnaround.db. backup and restore are SQLite's (sqlite:PATH or a path);\n"
    "purge also takes postgresql://...\n";

int Usage(const char* verb, const std::string& problem) {
  std::fprintf(stderr, "turnaround %s: %s\n\n%s", verb, problem.c_str(), kUsage);
  return 2;
}

int Fail(const char* verb, const core::Status& s) {
  std::fprintf(stderr, "turnaround %s: %s\n", verb, s.message().c_str());
  return 1;
}

bool ParseDays(const std::string& text, int* out) {
  if (text.empty() || text.size() > 5) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

struct Parsed {
  std::string db = "var/turnaround.db", file;
  store::RetentionSettings retention;
};

// Returns -1 to go on, or an exit code.
int Parse(const char* verb, const Args& args, bool wants_file, Parsed* p) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    const bool takes_value = a == "--db" || a == "--delivery-body-days" || a == "--closed-comment-text-days";
    if (takes_value && i + 1 >= args.size()) return Usage(verb, "missing value for " + a);
    if (a == "--db") {
      p->db = args[++i];
    } else if (a == "--delivery-body-days" && !wants_file) {
      if (!ParseDays(args[++i], &p->retention.delivery_body_days)) return Usage(verb, "days must be a number");
    } else if (a == "--closed-comment-text-days" && !wants_file) {
      if (!ParseDays(args[++i], &p->retention.closed_comment_text_days)) return Usage(verb, "days must be a number");
    } else if (wants_file && p->file.empty() && !a.empty() && a[0] != '-') {
      p->file = a;
    } else {
      return Usage(verb, "unexpected '" + a + "'");
    }
  }
  if (wants_file && p->file.empty()) return Usage(verb, "missing file name");
  return -1;
}

// The SQLite file --db names; backup and restore are SQLite's own (its
// online backup API and integrity_check), so any other store is refused.
core::Result<std::string> SqliteFile(const std::string& db) {
  const std::string url = store::sql::DbUrl(db);
  auto dialect = store::sql::DialectOf(url);
  if (!dialect.ok()) return dialect.status();
  if (*dialect != store::sql::Dialect::kSqlite) {
    return core::InvalidArgument("backup and restore are for SQLite stores; back up PostgreSQL with pg_dump "
                                 "and check it with pg_amcheck");
  }
  return store::sql::SqlitePathOf(url);
}

}  // namespace

int RunBackup(const Args& args) {
  Parsed p;
  if (int rc = Parse("backup", args, true, &p); rc >= 0) return rc;
  auto path = SqliteFile(p.db);
  if (!path.ok()) return Fail("backup", path.status());
  p.db = *path;
  core::Status s = store::Backup(p.db, p.file);
  if (!s.ok()) return Fail("backup", s);
  std::printf("backed up %s to %s\n", p.db.c_str(), p.file.c_str());
  return 0;
}

int RunRestore(const Args& args) {
  Parsed p;
  if (int rc = Parse("restore", args, true, &p); rc >= 0) return rc;
  auto path = SqliteFile(p.db);
  if (!path.ok()) return Fail("restore", path.status());
  auto r = store::Restore(*path, p.file);
  if (!r.ok()) return Fail("restore", r.status());
  std::printf("%s\n", r.value().c_str());
  return 0;
}

int RunPurge(const Args& args) {
  Parsed p;
  if (int rc = Parse("purge", args, false, &p); rc >= 0) return rc;
  auto conn = store::sql::OpenConnection(store::sql::DbUrl(p.db));
  if (!conn.ok()) return Fail("purge", conn.status());
  auto counts = store::Purge(**conn, p.retention, core::SystemClock::Instance().NowMs());
  if (!counts.ok()) return Fail("purge", counts.status());
  std::printf("purged %lld delivery bodies and %lld comment texts\n",
              static_cast<long long>(counts->delivery_bodies), static_cast<long long>(counts->comment_texts));
  return 0;
}

}  // namespace turnaround::app
