// Backups, restores and retention: whole-database operations.
//
// Backup and Restore are SQLite-only (SQLite's online backup API and PRAGMA
// integrity_check); a PostgreSQL store is backed up and checked with the
// server's own tools (pg_dump, pg_amcheck). Retention (Purge) runs on either
// engine.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store {

// A consistent copy of the live database at `path` into the new file `out`
// (owner-only), using SQLite's online backup API: the server keeps running
// and writing; the copy is the database as of one moment. Refuses to
// overwrite an existing file.
core::Status Backup(const std::string& path, const std::string& out);

// Checks that `backup` is a sound Turnaround database (integrity_check, a
// schema this build knows, an intact audit chain) and copies it over `path`.
// The server must be stopped. Returns what was restored, for the operator.
core::Result<std::string> Restore(const std::string& path, const std::string& backup);

struct RetentionSettings {
  int delivery_body_days = 30;       // raw webhook bodies older than this are emptied; 0 = keep
  int closed_comment_text_days = 0;  // text and author names of comments whose items are closed; 0 = keep
};

struct PurgeCounts {
  std::int64_t delivery_bodies = 0;
  std::int64_t comment_texts = 0;
};

// Applies the retention settings as of `now_ms` in small transactions (so the
// writer is never blocked for long) and records an audit event
// "retention.purge" with the counts when anything was purged. A chunk that
// fails ends that part of the purge early; the counts say what was done.
// Errors: those of the connection (sql/connection.h) for the audit event.
core::Result<PurgeCounts> Purge(sql::Connection& conn, const RetentionSettings& settings, std::int64_t now_ms);

}  // namespace turnaround::store
