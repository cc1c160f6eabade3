// Opening a store by its --db URL (issue #9):
//   sqlite:PATH               the embedded default (sqlite::memory: for tests)
//   postgresql://... or postgres://...   a shared PostgreSQL (libpq URI)
// Both bring the schema up to date (store/migrations.cpp on SQLite,
// pg_migrations.cpp on PostgreSQL) before returning.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store::sql {

// The engine a URL names; kInvalidArgument for anything else.
core::Result<Dialect> DialectOf(const std::string& url);

// The file a sqlite: URL names; "" for any other URL.
std::string SqlitePathOf(const std::string& url);

// One connection (CLI verbs, tests). Errors: kInvalidArgument for a URL of
// no known engine; kUnavailable when PostgreSQL cannot be reached;
// kInternal when opening or migrating fails.
core::Result<std::unique_ptr<Connection>> OpenConnection(const std::string& url);

// One connection for a verb that only reads (export, report, audit
// verify): a SQLite database is opened read-only and must already exist at
// the latest schema version; PostgreSQL is as OpenConnection.
core::Result<std::unique_ptr<Connection>> OpenForReading(const std::string& url);

// What a CLI --db value names: a sqlite: or postgresql:// URL as given,
// anything else the path of a SQLite file.
std::string DbUrl(const std::string& db_flag);

// A pool (the server): over the store's ConnectionPool for SQLite, a PgPool
// for PostgreSQL. Same errors as OpenConnection.
core::Result<std::shared_ptr<Pool>> OpenPool(const std::string& url);

}  // namespace turnaround::store::sql
