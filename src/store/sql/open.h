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

// What a --db value (or the config's `db`) names: a sqlite: or
// postgresql:// URL as given, anything else the path of a SQLite file. A
// value that looks like a URL of another kind ("mysql://...", "sqlite:" with
// no path) is returned as it is, so that opening it fails with DialectOf's
// message instead of creating a file of that name.
std::string DbUrl(const std::string& db_flag);

// `url` as it may be shown in a log or an error: a password in it (the
// user-info part or a `password=` parameter) becomes "***".
std::string ShownUrl(const std::string& url);

// A pool (the server): over the store's ConnectionPool for SQLite, a PgPool
// for PostgreSQL. Same errors as OpenConnection.
core::Result<std::shared_ptr<Pool>> OpenPool(const std::string& url);

}  // namespace turnaround::store::sql
