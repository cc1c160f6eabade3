// The SQLite backend of sql::Connection (connection.h), over SQLiteCpp.
// It either owns its SQLite::Database or wraps one the store already opened
// (OpenDatabase / ConnectionPool), so ported and not-yet-ported store code
// can share connections. Not thread-safe: one thread at a time, like the
// SQLite::Database under it.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <string>

#include "store/pool.h"
#include "store/sql/connection.h"

namespace turnaround::store::sql {

class SqliteConnection : public Connection {
 public:
  // Takes ownership of `db`.
  explicit SqliteConnection(std::unique_ptr<SQLite::Database> db);
  // Borrows `db`, which must outlive this connection.
  explicit SqliteConnection(SQLite::Database& db);
  ~SqliteConnection() override;
  // Cached statements point into the database; never copied.
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  core::Result<std::int64_t> Exec(std::string_view sql, const Params& params = {}) override;
  core::Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) override;
  core::Status QueryEach(std::string_view sql, const Params& params,
                         const std::function<core::Status(const Row&)>& on_row) override;
  // Without RETURNING: SQLite gathers RETURNING rows in an ephemeral table
  // (a b-tree opened, zeroed and closed per INSERT: a fifth of the writer's
  // instructions per comment); the rowid of the INSERT is already at hand.
  core::Result<std::int64_t> InsertReturningId(std::string_view insert_sql, const Params& params,
                                               std::string_view id_column = "id") override;
  core::Status ExecScript(std::string_view sql) override;
  core::Status Begin() override;
  core::Status BeginRead() override;
  core::Status Commit() override;
  core::Status Rollback() override;
  bool in_transaction() const override { return in_tx_; }
  bool Connected() override { return true; }
  std::size_t cached_statements() const override { return cache_.size(); }

  SQLite::Database& db() { return db_; }

 private:
  // Prepares (or finds) the statement and binds `params`; throws SQLite::Exception.
  SQLite::Statement& Prepare(std::string_view sql, const Params& params);
  core::Status Fail(const char* what, std::string_view sql);

  std::unique_ptr<SQLite::Database> owned_;
  SQLite::Database& db_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> cache_;
  bool in_tx_ = false;
  bool busy_ = false;  // inside QueryEach's callback
};

// A sql::Pool over the store's existing ConnectionPool: each lease wraps one
// of its SQLite connections, and the wrapper (with its statement cache) is
// kept for that connection's lifetime. Thread-safe.
std::shared_ptr<Pool> WrapSqlitePool(std::shared_ptr<ConnectionPool> pool);

}  // namespace turnaround::store::sql
