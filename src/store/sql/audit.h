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
// batches): Begin() takes the lock and reads the head once; Append() then
// only inserts, keeping the head in memory. A caller that rolls back a
// savepoint restores the head it saved with head()/set_head(). Errors are the
// connection's. Not thread-safe; borrows `conn`, which must outlive it.
class EventAppender {
 public:
  explicit EventAppender(Connection& conn) : conn_(conn) {}

  // After the caller's Begin, before the first Append of the transaction.
  core::Status Begin();
  core::Result<model::Event> Append(model::Event event);

  struct Head {
    std::int64_t id = 0;
    std::string hash;
  };
  const Head& head() const { return head_; }
  void set_head(Head head) { head_ = std::move(head); }

 private:
  Connection& conn_;
  Head head_;
};

}  // namespace turnaround::store::sql
