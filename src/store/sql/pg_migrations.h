// The schema for PostgreSQL: the same numbered migrations as
// store/migrations.cpp (same tables, columns and indexes), written for
// PostgreSQL, and the function that applies them. Migration N here must
// mirror SQLite's migration N; a test compares the two schemas.
#pragma once

#include <vector>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store::sql {

// Migration N (1-based) takes a PostgreSQL schema at version N-1 to N.
const std::vector<const char*>& PgMigrations();

// The version recorded in schema_version (0 when the table does not exist).
core::Result<int> PgSchemaVersion(Connection& conn);

// Applies the pending migrations up to `target` (default: all) in one
// transaction, holding a transaction-scoped advisory lock so that instances
// starting together migrate one after the other (the second then finds
// nothing to do). Refuses a schema newer than this build. Tables go in the
// connection's current schema (the first of its search_path).
core::Status MigratePostgres(Connection& conn, int target = -1);

}  // namespace turnaround::store::sql
