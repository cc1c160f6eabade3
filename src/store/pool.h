// ConnectionPool: read-write SQLite connections shared by HTTP handler threads.
// Thread-safe. Each Lease is used by one thread at a time and goes back to the
// pool when destroyed. WAL lets readers run beside the one writer; writes
// take BEGIN IMMEDIATE and wait out each other through the busy timeout.
#pragma once

#include <SQLiteCpp/Database.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"

namespace turnaround::store {

class ConnectionPool {
 public:
  // Opens (and migrates) the database once to fail early on a bad path.
  static core::Result<std::shared_ptr<ConnectionPool>> Open(const std::string& path);

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<SQLite::Database> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (db_) pool_->Return(std::move(db_));
    }
    SQLite::Database& db() { return *db_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SQLite::Database> db_;
  };

  // A connection, opening a new one when none is free.
  core::Result<Lease> Acquire();

  const std::string& path() const { return path_; }

 private:
  explicit ConnectionPool(std::string path) : path_(std::move(path)) {}
  void Return(std::unique_ptr<SQLite::Database> db);

  const std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<SQLite::Database>> free_;  // guarded by mu_
};

// Runs `fn` inside BEGIN IMMEDIATE ... COMMIT; rolls back if it returns a
// non-OK status or throws SQLite::Exception (turned into kInternal).
template <typename Fn>
core::Status InWriteTransaction(SQLite::Database& db, Fn&& fn);

}  // namespace turnaround::store

#include "store/pool_inl.h"
