// Copying a whole store into an empty one: `turnaround migrate-store`
// (issue #9), from the embedded SQLite store to a shared PostgreSQL, or to
// another SQLite file (a test or a backup).
//
// Invariants: every table of the schema is copied or the copy is refused
// (CopyOrder() must name each one; a new migration's table without a rule is
// an error, not a silent gap); every column travels by name; ids are copied as
// they are, so foreign keys and the audit chain's hashes (which cover event
// ids) stay valid; NULLs stay NULL and BLOB columns arrive as BYTEA bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace turnaround::store {

struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
};

struct StoreCopyReport {
  std::vector<TableCopy> tables;  // in copy order
  std::int64_t rows = 0;          // all tables together
  std::int64_t events = 0;        // audit events whose chain verified on the target
};

// The tables in the order they are copied, each after the tables its foreign
// keys point at. A table a migration adds must be added here.
const std::vector<std::string>& CopyOrder();

// Copies every row of `from_url` (sqlite:PATH, an existing file) into
// `to_url` (postgresql://... or sqlite:PATH), both opened through
// sql::OpenConnection, which brings both schemas to this build's version.
//
// Refused before anything is written:
//   kInvalidArgument  the source is not sqlite: or does not exist; the target
//                     names no known engine; both name the same file;
//   kConflict         the target already holds rows (there is no merge);
//   kInternal         a table of either schema has no copy rule, has no
//                     primary key, or has different columns on each side.
// Opening errors are those of sql::OpenConnection, prefixed with the side.
//
// The source is read in one transaction (a consistent snapshot; on SQLite it
// also holds off writers until the copy ends, so stop the server first); the
// target is written in one transaction, tables in CopyOrder(), rows in
// primary-key order and in multi-row batches, so a failed copy leaves the
// target empty and can be rerun. PostgreSQL identity sequences are then set
// to continue after the largest id copied. Afterwards the row count of each
// table on the target is compared with the source and the audit chain is
// verified on the target: any difference is kInternal naming the table, or
// the first broken event (and whether the source was already broken there).
core::Result<StoreCopyReport> CopyStore(const std::string& from_url, const std::string& to_url);

}  // namespace turnaround::store
