// Appending to the hash-chained audit log (store/event_log.h) through the
// SQL layer, on either engine.
//
// The chain stays one chain under concurrent writers: on SQLite the write
// transaction (BEGIN IMMEDIATE) already serializes them; on PostgreSQL every
// appender, in every instance, first takes one transaction-scoped advisory
// lock and only then reads the head (READ COMMITTED reads the head its
// predecessor committed). The lock is held until the transaction ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/item.h"
#include "store/sql/connection.h"

namespace turnaround::store::sql {

// Takes the audit lock now, inside the caller's open transaction (PostgreSQL;
// on SQLite the write transaction already holds every lock). A transaction
// that locks rows (UPDATE, SELECT ... FOR UPDATE) before it appends calls
// this first: the delivery writer holds the audit lock for its whole batch
// and then updates rows, so locking in the other order could deadlock with it.
core::Status LockAuditChain(Connection& conn);

// Appends `event` (id, prev_hash and hash filled in) inside the caller's open
// transaction and returns it.
core::Result<model::Event> AppendEvent(Connection& conn, model::Event event);

// The same for many appends in one transaction (the delivery writer's
// batches): Begin() takes the lock and reads the head once; Append() chains
// an event in memory; Flush() inserts everything appended since, in
// multi-row INSERTs (on PostgreSQL every statement is a round trip, and a
// webhook comment makes two or three events). A caller that rolls back a
// savepoint rewinds to the Mark it took before. Errors are the connection's.
// Not thread-safe; borrows `conn`, which must outlive it.
class EventAppender {
 public:
  explicit EventAppender(Connection& conn) : conn_(conn) {}

  // After the caller's Begin, before the first Append of the transaction;
  // forgets anything appended and not flushed before.
  core::Status Begin();
  // Returns `event` with id, prev_hash and hash filled in, valid until the
  // next call on this appender (copy it to keep it); it is written by the
  // next Flush, which must come before the transaction commits.
  const model::Event& Append(model::Event event);
  core::Status Flush();

  struct Head {
    std::int64_t id = 0;
    std::string hash;
  };
  struct Mark {
    Head head;
    std::size_t pending = 0;
  };
  Mark mark() const { return {head_, pending_.size()}; }
  // Forgets the events appended since `mark` (none of them flushed since).
  void Rewind(Mark mark);

 private:
  Connection& conn_;
  Head head_;
  std::vector<model::Event> pending_;
};

}  // namespace turnaround::store::sql
