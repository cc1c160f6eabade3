// The engine-neutral SQL layer: one Connection interface with a SQLite and a
// PostgreSQL backend, so that a store class is written once and runs on both
// (issue #9). All SQL still lives in src/store/.
//
// SQL is written once, with `?` parameters; the PostgreSQL backend rewrites
// them to $1..$n (placeholders.h). Statements are prepared on first use and
// cached per connection by their SQL text, so a store passes the same
// constant string each time. Write SQL both engines accept: BIGINT/TEXT/BLOB
// types, integers (not booleans) for flags, `INSERT ... ON CONFLICT DO
// NOTHING`, `RETURNING`, and an explicit CAST around a bare `?` whose type
// PostgreSQL cannot infer from its context (it would otherwise be text).
//
// Errors never travel as exceptions. The codes callers may act on:
//   kConflict     a unique or primary-key violation, and only that (idempotent
//                 inserts: treat it as "already there");
//   kUnavailable  busy, a serialization failure or a deadlock (SQLSTATE 40001,
//                 40P01), or a lost connection: retry the whole transaction;
//   kInternal     everything else (a bug in the SQL, a full disk, ...).
// On PostgreSQL a failed statement aborts the open transaction, so inside a
// transaction prefer ON CONFLICT DO NOTHING to catching kConflict.
//
// Thread behaviour: a Connection is used by one thread at a time; a Pool is
// thread-safe and hands each connection to one Lease at a time.
//
// Usage:
//   auto pool = sql::OpenPool("postgresql://u@127.0.0.1:5432/db");   // open.h
//   auto lease = pool.value()->Acquire();
//   sql::Connection& c = lease->conn();
//   core::Status s = sql::InTransaction(c, [&]() -> core::Status {
//     auto n = c.Exec("UPDATE items SET state='claimed' WHERE id=? AND state='new'", {id});
//     if (!n.ok()) return n.status();
//     return *n == 1 ? core::Status::Ok() : core::Conflict("already claimed");
//   });
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/sql/value.h"

namespace turnaround::store::sql {

enum class Dialect { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;

  // Runs one statement and returns the number of rows it inserted, updated
  // or deleted (0 for other statements; rows it returns are dropped).
  virtual core::Result<std::int64_t> Exec(std::string_view sql, const Params& params = {}) = 0;

  // Runs one query and returns all of its rows.
  virtual core::Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;

  // The cursor form, for results too large to hold: calls `on_row` for each
  // row as it arrives; a non-OK status from it stops the query and is
  // returned. `on_row` must not use this connection (kInternal if it does).
  virtual core::Status QueryEach(std::string_view sql, const Params& params,
                                 const std::function<core::Status(const Row&)>& on_row) = 0;

  // Runs an INSERT and returns the new row's id (id_column: on SQLite it must
  // be the table's INTEGER PRIMARY KEY). kConflict when no row was inserted
  // (ON CONFLICT DO NOTHING hit an existing row) as well as on a unique
  // violation. By default " RETURNING <id_column>" is appended.
  virtual core::Result<std::int64_t> InsertReturningId(std::string_view insert_sql, const Params& params,
                                                       std::string_view id_column = "id");

  // Runs several `;`-separated statements without parameters (migrations).
  // Not cached.
  virtual core::Status ExecScript(std::string_view sql) = 0;

  // A write transaction. On SQLite, Begin takes the write lock at once
  // (BEGIN IMMEDIATE) so that two writers never deadlock upgrading a read
  // lock; on PostgreSQL it is READ COMMITTED, and row locks or conditional
  // updates decide races. Begin inside a transaction is kInternal (no
  // nesting); Rollback outside one is a no-op.
  virtual core::Status Begin() = 0;
  // A read snapshot: every query until Commit (or Rollback) sees the
  // database as one moment, however many statements a read takes, so a
  // writer's transaction is seen whole or not at all. On SQLite a deferred
  // BEGIN (the snapshot starts at the first read; no write lock is taken);
  // on PostgreSQL REPEATABLE READ READ ONLY (a write in it fails). Ends with
  // Commit or Rollback like a write transaction; does not nest either.
  virtual core::Status BeginRead() = 0;
  virtual core::Status Commit() = 0;
  virtual core::Status Rollback() = 0;
  virtual bool in_transaction() const = 0;

  // False once the server dropped this connection (PostgreSQL: a restart, a
  // failover, pg_terminate_backend); a dropped connection never comes back,
  // so open a new one. Between transactions it also notices a connection
  // the server closed while it sat idle, without blocking. Always true on
  // SQLite.
  virtual bool Connected() = 0;

  // How many prepared statements this connection holds (tests check reuse).
  virtual std::size_t cached_statements() const = 0;

  // The first row of a query, or nullopt when it returns none (reads them
  // all: meant for queries of one row).
  core::Result<std::optional<Row>> QueryRow(std::string_view sql, const Params& params = {});
};

// A connection borrowed from a Pool; goes back when destroyed (rolled back
// first if a transaction was left open). Move-only.
class Lease {
 public:
  // What a pool keeps alive for the duration of a lease and undoes at its end.
  class Holder {
   public:
    virtual ~Holder() = default;
    virtual Connection& conn() = 0;
  };

  explicit Lease(std::unique_ptr<Holder> holder) : holder_(std::move(holder)) {}
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = default;

  Connection& conn() { return holder_->conn(); }

 private:
  std::unique_ptr<Holder> holder_;
};

class Pool {
 public:
  virtual ~Pool() = default;
  virtual Dialect dialect() const = 0;
  // A free connection, opening one when allowed; kUnavailable when the pool
  // is at its limit and none comes free in time, or the server is down.
  virtual core::Result<Lease> Acquire() = 0;
};

// Runs `fn` (returning core::Status) between Begin and Commit; rolls back
// when it returns non-OK or Commit fails. On PostgreSQL a kUnavailable
// outcome (deadlock, serialization failure) is retried, `fn` included, up to
// `attempts` times in all, so `fn` must not have effects outside the
// database. (SQLite's kUnavailable comes after its busy timeout has already
// waited, so it is returned at once.)
template <typename Fn>
core::Status InTransaction(Connection& conn, Fn&& fn, int attempts = 3) {
  core::Status status;
  for (int i = 0; i < attempts; ++i) {
    status = conn.Begin();
    if (status.ok()) {
      status = fn();
      if (status.ok()) status = conn.Commit();
      if (!status.ok()) (void)conn.Rollback();  // the rollback's own failure adds nothing
    }
    if (status.code() != core::Code::kUnavailable || conn.dialect() != Dialect::kPostgres) break;
  }
  return status;
}

// Runs `fn` (returning core::Status or a core::Result) inside one read
// snapshot (BeginRead), for a read of several statements that must agree
// with each other, and returns what it returned. Inside a transaction the
// caller already opened, `fn` simply runs in it.
template <typename Fn>
auto InReadSnapshot(Connection& conn, Fn&& fn) -> decltype(fn()) {
  if (conn.in_transaction()) return fn();
  core::Status begun = conn.BeginRead();
  if (!begun.ok()) return begun;
  auto result = fn();
  // Nothing was written, so a failed read or commit only ends the snapshot.
  core::Status ended = result.ok() ? conn.Commit() : core::Status::Ok();
  if (!result.ok() || !ended.ok()) (void)conn.Rollback();
  if (!ended.ok()) return ended;
  return result;
}

}  // namespace turnaround::store::sql
