// Opening the SQLite database and bringing its schema up to date.
//
// Every connection is opened through OpenDatabase so that all of them share
// the same settings: WAL (readers never block the writer), synchronous=FULL
// (a commit is on disk before we acknowledge it), foreign keys on, and a busy
// timeout so that a brief lock is waited out rather than reported.
#pragma once

#include <SQLiteCpp/Database.h>

#include <memory>
#include <string>

#include "core/status.h"

namespace turnaround::store {

enum class OpenMode { kReadWrite, kReadOnly };

// Opens (creating with owner-only permissions if needed) the database at
// `path` (":memory:" works for tests) and, in read-write mode, applies every
// pending migration in one transaction. Errors say what failed and where.
// The connection has no mutex of its own (SQLITE_OPEN_NOMUTEX): use it from
// one thread at a time, as the pool's leases, the writer and the checkpointer do.
core::Result<std::unique_ptr<SQLite::Database>> OpenDatabase(const std::string& path,
                                                             OpenMode mode = OpenMode::kReadWrite);

// The schema version this build writes (number of migrations).
int LatestSchemaVersion();

// Applies migrations up to `target` (default: all). Exposed for the migration
// tests, which start from each older version.
core::Status Migrate(SQLite::Database& db, int target = -1);

// The version recorded in the database (PRAGMA user_version).
int SchemaVersion(SQLite::Database& db);

}  // namespace turnaround::store
