#include "store/sql/audit.h"

#include "store/event_log.h"

namespace turnaround::store::sql {
namespace {

// Any constant every instance shares; "turnaudt" in ASCII.
constexpr const char* kAuditLock = "SELECT pg_advisory_xact_lock(8391739299081839732)";

}  // namespace

core::Result<model::Event> AppendEvent(Connection& conn, model::Event e) {
  if (!conn.in_transaction()) return core::Internal("AppendEvent needs an open transaction");
  if (conn.dialect() == Dialect::kPostgres) TA_RETURN_IF_ERROR(conn.Exec(kAuditLock).status());
  auto head = conn.QueryRow("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
  if (!head.ok()) return head.status();
  // The first event's prev_hash is 64 zeros (event_log.h's invariant).
  e.id = head->has_value() ? (*head)->Int(0) + 1 : 1;
  e.prev_hash = head->has_value() ? (*head)->Text(1) : std::string(64, '0');
  e.hash = EventHash(e);
  auto inserted = conn.Exec(
      "INSERT INTO events(id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash) "
      "VALUES (?,?,?,?,?,?,?,?,?)",
      {e.id, e.at_ms, e.actor, e.kind, e.item_id, e.comment_id, e.details, e.prev_hash, e.hash});
  if (!inserted.ok()) return inserted.status();
  return e;
}

}  // namespace turnaround::store::sql
