#include "store/outbox_store.h"

#include "store/event_log.h"
#include "store/sql/audit.h"
#include "store/sql/placeholders.h"

namespace turnaround::store {
namespace {

constexpr const char* kOutboxColumns =
    "id, item_id, comment_id, reply_id, kind, platform, page_id, target_id, text, actor, state, "
    "attempts, next_attempt_at_ms, verify_first, sending_at_ms, platform_id, error, echo_comment_id, "
    "created_at_ms, updated_at_ms";

OutboxRow ReadOutboxRow(const sql::Row& row) {
  OutboxRow r;
  r.id = row.Int(0);
  r.item_id = row.Int(1);
  r.comment_id = row.Int(2);
  r.reply_id = row.Int(3);
  r.kind = row.Text(4);
  r.platform = row.Text(5);
  r.page_id = row.Text(6);
  r.target_id = row.Text(7);
  r.text = row.Text(8);
  r.actor = row.Text(9);
  r.state = row.Text(10);
  r.attempts = static_cast<int>(row.Int(11));
  r.next_attempt_at_ms = row.Int(12);
  r.verify_first = row.Int(13) != 0;
  r.sending_at_ms = row.Int(14);
  r.platform_id = row.Text(15);
  r.error = row.Text(16);
  r.echo_comment_id = row.Int(17);
  r.created_at_ms = row.Int(18);
  r.updated_at_ms = row.Int(19);
  return r;
}

std::vector<OutboxRow> ReadAll(const std::vector<sql::Row>& rows) {
  std::vector<OutboxRow> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(ReadOutboxRow(row));
  return out;
}

constexpr const char* kInsertOutbox =
    "INSERT INTO outbox(item_id, comment_id, reply_id, kind, platform, page_id, target_id, "
    "text, actor, state, attempts, next_attempt_at_ms, error, created_at_ms, updated_at_ms) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)";

std::string Select(const char* where) { return std::string("SELECT ") + kOutboxColumns + " FROM outbox " + where; }

}  // namespace

core::Result<std::int64_t> InsertOutbox(sql::Connection& c, const OutboxRow& r) {
  return c.InsertReturningId(kInsertOutbox, {r.item_id, r.comment_id, r.reply_id, r.kind, r.platform, r.page_id,
                                             r.target_id, r.text, r.actor, r.state, r.next_attempt_at_ms, r.error,
                                             r.created_at_ms, r.created_at_ms});
}

core::Result<bool> ApplyOutboxResult(sql::Connection& c, const OutboxResult& r) {
  // RETURNING tells what was acted on without a second look-up (one round
  // trip fewer on PostgreSQL).
  auto settled = c.QueryRow(
      "UPDATE outbox SET state=?, platform_id=CASE WHEN CAST(? AS TEXT)='' THEN platform_id "
      "ELSE CAST(? AS TEXT) END, error=?, next_attempt_at_ms=?, verify_first=?, updated_at_ms=? "
      "WHERE id=? AND state='sending' RETURNING kind, comment_id",
      {r.state, r.platform_id, r.platform_id, r.error, r.next_attempt_at_ms, r.verify_first ? 1 : 0, r.at_ms,
       r.id});
  if (!settled.ok()) return settled.status();
  if (!settled->has_value()) return false;
  const std::string kind = (*settled)->Text(0);
  if (r.state == "sent" && (kind == "hide" || kind == "unhide")) {
    // What the platform now shows; the webhook echo of the change may follow.
    TA_RETURN_IF_ERROR(c.Exec("UPDATE comments SET state=?, updated_at_ms=? WHERE id=? AND state != 'withdrawn'",
                              {kind == "hide" ? "hidden" : "visible", r.at_ms, (*settled)->Int(1)})
                           .status());
  }
  return true;
}

core::Result<bool> RequeueOutbox(sql::Connection& c, std::int64_t id, std::int64_t comment_id,
                                 std::int64_t now_ms) {
  auto n = c.Exec(
      "UPDATE outbox SET state='queued', attempts=0, error='', next_attempt_at_ms=?, "
      "verify_first=0, updated_at_ms=? WHERE id=? AND comment_id=? AND state='failed'",
      {now_ms, now_ms, id, comment_id});
  if (!n.ok()) return n.status();
  return *n > 0;
}

core::Result<std::vector<OutboxRow>> LoadOutbox(sql::Connection& c, const std::vector<std::int64_t>& comment_ids) {
  std::vector<OutboxRow> out;
  TA_RETURN_IF_ERROR(sql::ForEachIdChunk(comment_ids, [&](const std::string& in_list, const sql::Params& ids) {
    return c.QueryEach(Select("WHERE comment_id IN ").append(in_list).append(" ORDER BY id"), ids,
                       [&](const sql::Row& row) {
                         out.push_back(ReadOutboxRow(row));
                         return core::Status::Ok();
                       });
  }));
  return out;
}

core::Result<bool> MatchEcho(sql::Connection& c, const std::string& platform, const std::string& external_id,
                             const std::string& parent_id, const std::string& text, std::int64_t comment_row_id,
                             std::int64_t now_ms) {
  // A platform-id match first, then the oldest text match. Two lookups that
  // each walk one index in id order, rather than one OR with an ORDER BY:
  // that form made SQLite build a sorter per comment even with an empty outbox.
  auto found = c.QueryRow(
      "SELECT id FROM outbox WHERE platform_id=? AND platform=? AND kind='reply' AND echo_comment_id=0 "
      "ORDER BY id LIMIT 1",
      {external_id, platform});
  if (!found.ok()) return found.status();
  if (!found->has_value() && !parent_id.empty()) {
    found = c.QueryRow(
        "SELECT id FROM outbox WHERE target_id=? AND platform=? AND kind='reply' AND echo_comment_id=0 AND "
        "text=? AND state IN ('sending','sent') AND platform_id='' ORDER BY id LIMIT 1",
        {parent_id, platform, text});
    if (!found.ok()) return found.status();
  }
  if (!found->has_value()) return false;
  auto updated = c.Exec(
      "UPDATE outbox SET echo_comment_id=?, platform_id=CASE WHEN platform_id='' THEN CAST(? AS TEXT) "
      "ELSE platform_id END, state=CASE WHEN state='sending' THEN 'sent' ELSE state END, "
      "updated_at_ms=? WHERE id=?",
      {comment_row_id, external_id, now_ms, (*found)->Int(0)});
  if (!updated.ok()) return updated.status();
  return true;
}

namespace {

// All rows of a read on a pooled connection.
core::Result<std::vector<OutboxRow>> ReadRows(sql::Pool& pool, const std::string& query,
                                              const sql::Params& params) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = lease->conn().Query(query, params);
  if (!rows.ok()) return rows.status();
  return ReadAll(*rows);
}

}  // namespace


core::Result<std::vector<OutboxRow>> OutboxStore::Due(std::int64_t now_ms, int limit) {
  return ReadRows(*pool_,
                  Select("WHERE state='queued' AND next_attempt_at_ms <= ? ORDER BY next_attempt_at_ms, id LIMIT ?"),
                  {now_ms, limit});
}

core::Result<std::optional<std::int64_t>> OutboxStore::NextAttemptAt() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto row = lease->conn().QueryRow("SELECT min(next_attempt_at_ms) FROM outbox WHERE state='queued'");
  if (!row.ok()) return row.status();
  if (!row->has_value() || (*row)->IsNull(0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*row)->Int(0));
}

core::Result<std::vector<OutboxRow>> OutboxStore::InState(const std::string& state) {
  return ReadRows(*pool_, Select("WHERE state=? ORDER BY id"), {state});
}

core::Result<OutboxRow> OutboxStore::Get(std::int64_t id) {
  auto rows = ReadRows(*pool_, Select("WHERE id=?"), {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return core::NotFound("no outbox entry " + std::to_string(id));
  return std::move(rows->front());
}

// One conditional UPDATE, committed on its own: of two senders (threads or
// instances) taking the same entry, the second finds it no longer queued
// (on PostgreSQL it waits for the first one's row lock, then re-checks).
core::Status OutboxStore::MarkSending(std::int64_t id, std::int64_t now_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto n = lease->conn().Exec(
      "UPDATE outbox SET state='sending', attempts=attempts+1, sending_at_ms=?, updated_at_ms=? "
      "WHERE id=? AND state='queued'",
      {now_ms, now_ms, id});
  if (!n.ok()) return n.status();
  if (*n == 0) return core::Conflict("outbox entry " + std::to_string(id) + " is not queued");
  return core::Status::Ok();
}

core::Status OutboxStore::Finish(const OutboxResult& r, const model::Event& event) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InTransaction(c, [&]() -> core::Status {
    TA_RETURN_IF_ERROR(sql::LockAuditChain(c));  // before the row locks (audit.h)
    auto applied = ApplyOutboxResult(c, r);
    if (!applied.ok()) return applied.status();
    if (!*applied) return core::Conflict("outbox entry " + std::to_string(r.id) + " was settled already");
    return sql::AppendEvent(c, event).status();
  });
}

}  // namespace turnaround::store
