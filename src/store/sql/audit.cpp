#include "store/sql/audit.h"

#include "store/event_log.h"

namespace turnaround::store::sql {
namespace {

// Any constant every instance shares; "turnaudt" in ASCII.
constexpr const char* kAuditLock = "SELECT pg_advisory_xact_lock(8391739299081839732)";

}  // namespace

core::Status LockAuditChain(Connection& conn) {
  if (!conn.in_transaction()) return core::Internal("the audit lock needs an open transaction");
  if (conn.dialect() != Dialect::kPostgres) return core::Status::Ok();
  return conn.Exec(kAuditLock).status();
}

core::Status EventAppender::Begin() {
  TA_RETURN_IF_ERROR(LockAuditChain(conn_));
  auto head = conn_.QueryRow("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
  if (!head.ok()) return head.status();
  // The first event's prev_hash is 64 zeros (event_log.h's invariant).
  head_ = head->has_value() ? Head{(*head)->Int(0), (*head)->Text(1)} : Head{0, std::string(64, '0')};
  return core::Status::Ok();
}

core::Result<model::Event> EventAppender::Append(model::Event e) {
  e.id = head_.id + 1;
  e.prev_hash = head_.hash;
  e.hash = EventHash(e);
  auto inserted = conn_.Exec(
      "INSERT INTO events(id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash) "
      "VALUES (?,?,?,?,?,?,?,?,?)",
      {e.id, e.at_ms, e.actor, e.kind, e.item_id, e.comment_id, e.details, e.prev_hash, e.hash});
  if (!inserted.ok()) return inserted.status();
  head_ = {e.id, e.hash};
  return e;
}

core::Result<model::Event> AppendEvent(Connection& conn, model::Event e) {
  EventAppender appender(conn);
  TA_RETURN_IF_ERROR(appender.Begin());
  return appender.Append(std::move(e));
}

}  // namespace turnaround::store::sql
