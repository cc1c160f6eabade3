#include "store/maintenance.h"

#include <sys/stat.h>

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "store/event_log.h"
#include "store/sql/audit.h"

namespace turnaround::store {
namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kChunk = 1000;

bool Exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0;
}

// Copies every page of `from` into `to` with the online backup API, in steps
// so a busy source is retried rather than failed.
void CopyAll(SQLite::Database& from, SQLite::Database& to) {
  SQLite::Backup backup(to, from);
  int rc;
  do {
    rc = backup.executeStep(256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
}

// Runs `sql` (an UPDATE of at most kChunk rows; `params` then kChunk bound
// to its parameters) in one transaction per chunk until it changes nothing
// or fails; returns the rows changed.
std::int64_t InChunks(sql::Connection& conn, const char* sql, sql::Params params) {
  params.emplace_back(kChunk);
  std::int64_t total = 0;
  for (;;) {
    std::int64_t changed = 0;
    core::Status s = sql::InTransaction(conn, [&]() -> core::Status {
      auto n = conn.Exec(sql, params);
      if (!n.ok()) return n.status();
      changed = *n;
      return core::Status::Ok();
    });
    if (!s.ok() || changed == 0) return total;
    total += changed;
  }
}

}  // namespace

core::Status Backup(const std::string& path, const std::string& out) {
  if (Exists(out)) return core::InvalidArgument(out + " already exists; refusing to overwrite it");
  if (!Exists(path)) return core::NotFound("no database at " + path);
  auto src = OpenDatabase(path, OpenMode::kReadOnly);
  if (!src.ok()) return src.status();
  auto dst = OpenDatabase(out);  // creates it owner-only (and migrates an empty schema, overwritten below)
  if (!dst.ok()) return dst.status();
  try {
    CopyAll(*src.value(), *dst.value());
    dst.value()->exec("PRAGMA journal_mode = DELETE");  // a self-contained single file
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("backup failed: ") + e.what());
  }
  return core::Status::Ok();
}

core::Result<std::string> Restore(const std::string& path, const std::string& backup) {
  if (!Exists(backup)) return core::NotFound("no backup at " + backup);
  auto src = OpenDatabase(backup, OpenMode::kReadOnly);
  if (!src.ok()) return core::InvalidArgument("not a usable Turnaround backup: " + src.status().message());
  try {
    std::string integrity = src.value()->execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok") return core::InvalidArgument("backup fails integrity_check: " + integrity);
    auto chain = VerifyChain(*src.value());
    if (!chain.ok()) return chain.status();
    if (chain->first_broken_id != 0) {
      return core::InvalidArgument("backup's audit chain is broken at event " +
                                   std::to_string(chain->first_broken_id) + ": " + chain->problem);
    }
    auto dst = OpenDatabase(path);
    if (!dst.ok()) return dst.status();
    CopyAll(*src.value(), *dst.value());
    std::int64_t comments = dst.value()->execAndGet("SELECT count(*) FROM comments").getInt64();
    return "restored " + std::to_string(comments) + " comments and " + std::to_string(chain->events) +
           " audit events into " + path;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("restore failed: ") + e.what());
  }
}

core::Result<PurgeCounts> Purge(sql::Connection& conn, const RetentionSettings& settings, std::int64_t now_ms) {
  PurgeCounts counts;
  if (settings.delivery_body_days > 0) {
    // The empty body is a bound blob: x'' would be a bit string on PostgreSQL.
    counts.delivery_bodies = InChunks(conn,
                                      "UPDATE deliveries SET body = ? WHERE id IN (SELECT id FROM deliveries "
                                      "WHERE received_at_ms < ? AND length(body) > 0 LIMIT ?)",
                                      {sql::Blob{}, now_ms - settings.delivery_body_days * kDayMs});
  }
  if (settings.closed_comment_text_days > 0) {
    // Closed: the item was resolved or dismissed (or withdrawn) long enough ago.
    counts.comment_texts = InChunks(conn,
                                    "UPDATE comments SET text = '', author_name = '' WHERE id IN ("
                                    " SELECT c.id FROM comments c JOIN items i ON i.comment_id = c.id"
                                    " WHERE i.state IN ('resolved','dismissed','withdrawn') AND i.resolved_at_ms > 0"
                                    " AND i.resolved_at_ms < ? AND (c.text != '' OR c.author_name != '') LIMIT ?)",
                                    {now_ms - settings.closed_comment_text_days * kDayMs});
    // Earlier versions of those texts go too.
    InChunks(conn,
             "UPDATE comment_history SET old_text = NULL WHERE id IN (SELECT h.id FROM comment_history h "
             "JOIN comments c ON c.id = h.comment_id WHERE c.text = '' AND h.old_text IS NOT NULL "
             "AND h.at_ms < ? LIMIT ?)",
             {now_ms});
  }
  if (counts.delivery_bodies == 0 && counts.comment_texts == 0) return counts;
  model::Event e;
  e.at_ms = now_ms;
  e.actor = "system";
  e.kind = "retention.purge";
  e.details = nlohmann::json{{"delivery_bodies", counts.delivery_bodies},
                             {"comment_texts", counts.comment_texts},
                             {"delivery_body_days", settings.delivery_body_days},
                             {"closed_comment_text_days", settings.closed_comment_text_days}}
                  .dump();
  TA_RETURN_IF_ERROR(sql::InTransaction(conn, [&]() { return sql::AppendEvent(conn, e).status(); }));
  return counts;
}

}  // namespace turnaround::store
