#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace turnaround::store {

// Statements prepared once per connection and reused. Preparing is not free
// (parsing, planning): on the writer thread, re-preparing two statements per
// Meta comment took about a third of its time. Not thread-safe: one cache per
// connection, used by the thread that owns the connection.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // The statement for `sql` (prepared on first use), reset and with its
  // bindings cleared, ready to bind. The reference stays valid for the
  // cache's lifetime.
  SQLite::Statement& Get(const std::string& sql) {
    auto& slot = statements_[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(db_, sql);
    } else {
      slot->reset();
      slot->clearBindings();
    }
    return *slot;
  }

  SQLite::Database& db() { return db_; }

 private:
  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace turnaround::store
