// The PostgreSQL backend of sql::Connection (connection.h), over libpq (C,
// so no exceptions to catch). Statements are prepared once per connection
// with PQprepare under generated names and run with PQexecPrepared;
// parameters go as text, blobs as binary BYTEA; results come back as text
// and are converted by column type (integers, floats, numeric, bool as 0/1,
// BYTEA as Blob, anything else as text).
//
// Differences from SQLite that callers must know:
//   - text may not contain a NUL byte (kInvalidArgument) and must be UTF-8;
//   - a failed statement aborts the open transaction; Commit then reports it;
//   - QueryEach streams in single-row mode; stopping early still reads (and
//     drops) the rest of the result.
// Not thread-safe: one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/sql/connection.h"

struct pg_conn;
struct pg_result;

namespace turnaround::store::sql {

class PgConnection : public Connection {
 public:
  // Connects to `url` (a libpq URI: postgresql://user@host:port/db?...) with
  // UTF-8 as the client encoding and a 10 s connect timeout. kUnavailable if
  // the server cannot be reached or refuses us, with libpq's reason.
  static core::Result<std::unique_ptr<PgConnection>> Connect(const std::string& url);
  ~PgConnection() override;
  // Owns the libpq connection; never copied.
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  core::Result<std::int64_t> Exec(std::string_view sql, const Params& params = {}) override;
  core::Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) override;
  core::Status QueryEach(std::string_view sql, const Params& params,
                         const std::function<core::Status(const Row&)>& on_row) override;
  core::Status ExecScript(std::string_view sql) override;
  core::Status Begin() override;
  core::Status BeginRead() override;
  core::Status Commit() override;
  core::Status Rollback() override;
  bool in_transaction() const override { return in_tx_; }
  bool Connected() override;
  std::size_t cached_statements() const override { return cache_.size(); }

  // Connected, and not inside a transaction: fit to go back to a pool.
  bool reusable() const;

 private:
  explicit PgConnection(pg_conn* conn) : conn_(conn) {}
  // The name of the prepared statement for `sql`, preparing it on first use;
  // kInternal unless it takes exactly `params` parameters.
  core::Result<std::string> Prepare(std::string_view sql, std::size_t params);
  // Prepares if needed and runs `sql`; on success *out holds the result,
  // which the caller frees with PQclear.
  core::Status Run(std::string_view sql, const Params& params, pg_result** out);

  pg_conn* conn_;
  struct Prepared {
    std::string name;
    std::size_t params = 0;
  };
  std::map<std::string, Prepared, std::less<>> cache_;  // keyed by our SQL text
  int next_statement_ = 0;
  bool in_tx_ = false;
  bool busy_ = false;  // inside QueryEach's callback
  // The server sent a FATAL between statements: it is ending this session.
  bool ended_by_server_ = false;
};

}  // namespace turnaround::store::sql
