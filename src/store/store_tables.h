// What a store's schema holds, read from the database itself on either
// engine: its tables and their columns. migrate-store (store_copy.h) uses it
// so that a table or column added by a later migration is copied, or refused
// by name, never skipped.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct ColumnInfo {
  std::string name;
  bool primary_key = false;  // part of the primary key
  bool blob = false;         // BLOB (SQLite) / BYTEA (PostgreSQL)
  bool identity = false;     // PostgreSQL identity column (has a sequence)
};

// The data tables of the connection's schema, sorted by name: SQLite's own
// (sqlite_*) and PostgreSQL's schema_version bookkeeping left out.
core::Result<std::vector<std::string>> ListTables(sql::Connection& conn);

// The columns of `table` in declaration order; empty when there is no such
// table.
core::Result<std::vector<ColumnInfo>> ListColumns(sql::Connection& conn, const std::string& table);

// `name` as a quoted SQL identifier (for names read from the schema).
std::string QuoteIdentifier(const std::string& name);

}  // namespace turnaround::store
