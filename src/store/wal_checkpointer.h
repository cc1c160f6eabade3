// WalCheckpointer: copies the write-ahead log back into the database file on
// its own thread and connection, so that the group-commit writer never does
// it inside a COMMIT.
//
// With SQLite's automatic checkpoint, the commit that pushes the WAL past
// 1000 pages also writes those pages into the database file and fsyncs it:
// one batch in a few dozen paid that on top of its own fsync, and every
// delivery in it waited (the ingest p99). Here the writer's connection only
// reports the WAL size after each commit (Attach installs a WAL hook that
// replaces the automatic checkpoint); past `threshold_pages` this thread runs
// a PASSIVE checkpoint, which takes no lock the writer or readers wait for.
// Should the WAL still reach `limit_pages` (this thread starved of CPU), the
// writer's commit checkpoints itself as SQLite would have, so the file stays
// bounded. Durability is unchanged: a checkpoint only copies committed pages.
#pragma once

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/status.h"

struct sqlite3;

namespace turnaround::store {

class WalCheckpointer {
 public:
  static constexpr int kThresholdPages = 1000;  // SQLite's own autocheckpoint default
  static constexpr int kLimitPages = 16000;     // about 64 MB of WAL

  // Opens its own connection to `path` (an existing, migrated database) and
  // starts the thread.
  static core::Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path,
                                                               int threshold_pages = kThresholdPages,
                                                               int limit_pages = kLimitPages);
  ~WalCheckpointer();  // stops and joins; `Attach`ed connections must be closed first
  WalCheckpointer(const WalCheckpointer&) = delete;  // owns a thread and a connection
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Hands the checkpoints of `writer` (the connection that commits) to this
  // thread. Call once, before the connection's first commit.
  void Attach(SQLite::Database& writer);

  // Checkpoints run on this thread, and by writers past the limit (for tests
  // and the writer's log line).
  std::uint64_t background_checkpoints() const;
  std::uint64_t inline_checkpoints() const;
  // How often a commit asked this thread for a checkpoint: once per
  // `threshold_pages` of log written since the last request or restart.
  std::uint64_t requested_checkpoints() const;

 private:
  WalCheckpointer(std::unique_ptr<SQLite::Database> db, int threshold_pages, int limit_pages);
  static int OnCommit(void* self, ::sqlite3* db, const char* name, int pages);
  void Run();

  std::unique_ptr<SQLite::Database> db_;  // used only by the thread
  const int threshold_pages_, limit_pages_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  int requested_at_ = 0;               // log size at the last request; the writer's thread only
  bool wanted_ = false;                // guarded by mu_
  bool stopping_ = false;              // guarded by mu_
  std::uint64_t background_ = 0;       // guarded by mu_
  std::uint64_t inline_ = 0;           // guarded by mu_
  std::uint64_t requested_ = 0;        // guarded by mu_
  std::thread thread_;
};

}  // namespace turnaround::store
