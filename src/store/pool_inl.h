// Template definitions for pool.h.
#pragma once

#include <SQLiteCpp/Exception.h>

namespace turnaround::store {

template <typename Fn>
core::Status InWriteTransaction(SQLite::Database& db, Fn&& fn) {
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    return core::Status(core::Code::kUnavailable, std::string("database busy: ") + e.what());
  }
  core::Status status;
  try {
    status = fn();
    if (status.ok()) {
      db.exec("COMMIT");
      return status;
    }
  } catch (const SQLite::Exception& e) {
    status = core::Internal(std::string("database error: ") + e.what());
  }
  try {
    db.exec("ROLLBACK");
  } catch (const SQLite::Exception&) {
    // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing left to undo.
  }
  return status;
}

}  // namespace turnaround::store
