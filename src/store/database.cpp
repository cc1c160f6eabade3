#include "store/database.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cerrno>
#include <mutex>

#include <SQLiteCpp/Transaction.h>

#include "store/migrations.h"

namespace turnaround::store {
namespace {

// SQLite creates files with the process umask; patient data must be
// owner-only, so create a missing file ourselves first (the -wal and -shm
// files inherit the main file's permissions).
//
// Only ever for a file that does not exist yet: closing any descriptor of a
// file drops every POSIX lock this process holds on it, so opening and
// closing an fd on a database another connection here has open would let a
// second process think it is alone, checkpoint and delete the WAL under us.
core::Status CreateOwnerOnly(const std::string& path) {
  if (path == ":memory:" || path.empty()) return core::Status::Ok();
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return core::Status::Ok();
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return core::Status::Ok();  // created by someone else meanwhile
    return core::Internal("cannot create database file " + path);
  }
  ::close(fd);
  return core::Status::Ok();
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

int SchemaVersion(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

core::Status Migrate(SQLite::Database& db, int target) {
  const auto& migrations = Migrations();
  if (target < 0) target = static_cast<int>(migrations.size());
  try {
    int current = SchemaVersion(db);
    if (current > static_cast<int>(migrations.size())) {
      return core::Internal("database schema version " + std::to_string(current) +
                            " is newer than this build (" + std::to_string(migrations.size()) +
                            "); refusing to touch it");
    }
    if (current >= target) return core::Status::Ok();
    SQLite::Transaction tx(db);
    for (int v = current; v < target; ++v) {
      db.exec(migrations[static_cast<size_t>(v)]);
    }
    db.exec("PRAGMA user_version = " + std::to_string(target));
    tx.commit();
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("migration failed: ") + e.what());
  }
  return core::Status::Ok();
}

core::Result<std::unique_ptr<SQLite::Database>> OpenDatabase(const std::string& path,
                                                             OpenMode mode) {
  // SQLite's memory statistics take a global mutex around every allocation
  // it makes: 717,000 of the writer's 1.6 million mutex calls per 20,000
  // comments. Nothing here reads them. sqlite3_config only works before the
  // library initialises; if something opened a database first it returns
  // SQLITE_MISUSE and the statistics stay on, which is only slower.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  // Every connection is used by one thread at a time (a pool lease, the
  // writer's or the checkpointer's thread), so SQLite's per-connection mutex,
  // taken by every bind, step and reset, guards nothing (NOMUTEX).
  try {
    std::unique_ptr<SQLite::Database> db;
    if (mode == OpenMode::kReadOnly) {
      db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    } else {
      TA_RETURN_IF_ERROR(CreateOwnerOnly(path));
      db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                        SQLite::OPEN_NOMUTEX);
    }
    db->setBusyTimeout(10000);
    if (mode == OpenMode::kReadWrite) {
      db->exec("PRAGMA journal_mode = WAL");
      db->exec("PRAGMA synchronous = FULL");
    }
    db->exec("PRAGMA foreign_keys = ON");
    if (mode == OpenMode::kReadWrite) {
      core::Status s = Migrate(*db);
      if (!s.ok()) return s;
    } else if (SchemaVersion(*db) != LatestSchemaVersion()) {
      return core::Internal("database " + path + " is at schema version " +
                            std::to_string(SchemaVersion(*db)) + ", expected " +
                            std::to_string(LatestSchemaVersion()) + ": run serve once to migrate");
    }
    return db;
  } catch (const SQLite::Exception& e) {
    return core::Internal("cannot open database " + path + ": " + e.what());
  }
}

}  // namespace turnaround::store
