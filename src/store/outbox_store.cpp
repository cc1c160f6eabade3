#include "store/outbox_store.h"

#include <SQLiteCpp/Statement.h>

#include "store/event_log.h"

namespace turnaround::store {
namespace {

constexpr const char* kOutboxColumns =
    "id, item_id, comment_id, reply_id, kind, platform, page_id, target_id, text, actor, state, "
    "attempts, next_attempt_at_ms, verify_first, sending_at_ms, platform_id, error, echo_comment_id, "
    "created_at_ms, updated_at_ms";

OutboxRow ReadOutboxRow(SQLite::Statement& st) {
  OutboxRow r;
  r.id = st.getColumn(0).getInt64();
  r.item_id = st.getColumn(1).getInt64();
  r.comment_id = st.getColumn(2).getInt64();
  r.reply_id = st.getColumn(3).getInt64();
  r.kind = st.getColumn(4).getString();
  r.platform = st.getColumn(5).getString();
  r.page_id = st.getColumn(6).getString();
  r.target_id = st.getColumn(7).getString();
  r.text = st.getColumn(8).getString();
  r.actor = st.getColumn(9).getString();
  r.state = st.getColumn(10).getString();
  r.attempts = st.getColumn(11).getInt();
  r.next_attempt_at_ms = st.getColumn(12).getInt64();
  r.verify_first = st.getColumn(13).getInt() != 0;
  r.sending_at_ms = st.getColumn(14).getInt64();
  r.platform_id = st.getColumn(15).getString();
  r.error = st.getColumn(16).getString();
  r.echo_comment_id = st.getColumn(17).getInt64();
  r.created_at_ms = st.getColumn(18).getInt64();
  r.updated_at_ms = st.getColumn(19).getInt64();
  return r;
}

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

std::vector<OutboxRow> ReadAll(SQLite::Statement& st) {
  std::vector<OutboxRow> out;
  while (st.executeStep()) out.push_back(ReadOutboxRow(st));
  return out;
}

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

core::Result<std::vector<OutboxRow>> LoadOutbox(sql::Connection& c, std::int64_t comment_id) {
  auto rows = c.Query(Select("WHERE comment_id=? ORDER BY id"), {comment_id});
  if (!rows.ok()) return rows.status();
  return ReadAll(*rows);
}

std::int64_t InsertOutbox(SQLite::Database& db, const OutboxRow& r) {
  SQLite::Statement st(db, kInsertOutbox);
  st.bind(1, r.item_id);
  st.bind(2, r.comment_id);
  st.bind(3, r.reply_id);
  st.bind(4, r.kind);
  st.bind(5, r.platform);
  st.bind(6, r.page_id);
  st.bind(7, r.target_id);
  st.bind(8, r.text);
  st.bind(9, r.actor);
  st.bind(10, r.state);
  st.bind(11, r.next_attempt_at_ms);
  st.bind(12, r.error);
  st.bind(13, r.created_at_ms);
  st.bind(14, r.created_at_ms);
  st.exec();
  return db.getLastInsertRowid();
}

bool ApplyOutboxResult(SQLite::Database& db, const OutboxResult& r) {
  SQLite::Statement st(db,
                       "UPDATE outbox SET state=?, platform_id=CASE WHEN ?='' THEN platform_id ELSE ? END, "
                       "error=?, next_attempt_at_ms=?, verify_first=?, updated_at_ms=? "
                       "WHERE id=? AND state='sending'");
  st.bind(1, r.state);
  st.bind(2, r.platform_id);
  st.bind(3, r.platform_id);
  st.bind(4, r.error);
  st.bind(5, r.next_attempt_at_ms);
  st.bind(6, r.verify_first ? 1 : 0);
  st.bind(7, r.at_ms);
  st.bind(8, r.id);
  if (st.exec() == 0) return false;
  if (r.state == "sent") {
    // What the platform now shows; the webhook echo of the change may follow.
    SQLite::Statement hide(db,
                           "UPDATE comments SET state=CASE (SELECT kind FROM outbox WHERE id=?1) "
                           "WHEN 'hide' THEN 'hidden' ELSE 'visible' END, updated_at_ms=?2 "
                           "WHERE id=(SELECT comment_id FROM outbox WHERE id=?1 AND kind IN ('hide','unhide')) "
                           "AND state != 'withdrawn'");
    hide.bind(1, r.id);
    hide.bind(2, r.at_ms);
    hide.exec();
  }
  return true;
}

bool MatchEcho(StatementCache& cache, const std::string& platform, const std::string& external_id,
               const std::string& parent_id, const std::string& text, std::int64_t comment_row_id,
               std::int64_t now_ms) {
  SQLite::Statement& find = cache.Get(
      "SELECT id FROM outbox WHERE platform=?1 AND kind='reply' AND echo_comment_id=0 AND "
      "(platform_id=?2 OR (?3 != '' AND target_id=?3 AND text=?4 AND "
      "state IN ('sending','sent') AND platform_id='')) ORDER BY platform_id=?2 DESC, id LIMIT 1");
  find.bind(1, platform);
  find.bind(2, external_id);
  find.bind(3, parent_id);
  find.bind(4, text);
  if (!find.executeStep()) return false;
  const std::int64_t id = find.getColumn(0).getInt64();
  find.reset();
  SQLite::Statement& up = cache.Get(
      "UPDATE outbox SET echo_comment_id=?, platform_id=CASE WHEN platform_id='' THEN ? "
      "ELSE platform_id END, state=CASE WHEN state='sending' THEN 'sent' ELSE state END, "
      "updated_at_ms=? WHERE id=?");
  up.bind(1, comment_row_id);
  up.bind(2, external_id);
  up.bind(3, now_ms);
  up.bind(4, id);
  up.exec();
  return true;
}

namespace {

// Runs `fn` on a pooled connection; a database error becomes kInternal.
template <typename T, typename Fn>
core::Result<T> Read(ConnectionPool& pool, Fn&& fn) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    return fn(lease->db());
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading the outbox failed: ") + e.what());
  }
}

// Runs `fn` inside a write transaction on a pooled connection.
template <typename Fn>
core::Status Write(ConnectionPool& pool, Fn&& fn) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status { return fn(db); });
}

}  // namespace

core::Result<std::vector<OutboxRow>> OutboxStore::Due(std::int64_t now_ms, int limit) {
  return Read<std::vector<OutboxRow>>(*pool_, [&](SQLite::Database& db) {
    SQLite::Statement st(db, Select("WHERE state='queued' AND next_attempt_at_ms <= ? ORDER BY "
                                    "next_attempt_at_ms, id LIMIT ?"));
    st.bind(1, now_ms);
    st.bind(2, limit);
    return ReadAll(st);
  });
}

core::Result<std::optional<std::int64_t>> OutboxStore::NextAttemptAt() {
  return Read<std::optional<std::int64_t>>(*pool_, [&](SQLite::Database& db) {
    SQLite::Statement st(db, "SELECT min(next_attempt_at_ms) FROM outbox WHERE state='queued'");
    if (!st.executeStep() || st.getColumn(0).isNull()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(st.getColumn(0).getInt64());
  });
}

core::Result<std::vector<OutboxRow>> OutboxStore::InState(const std::string& state) {
  return Read<std::vector<OutboxRow>>(*pool_, [&](SQLite::Database& db) {
    SQLite::Statement st(db, Select("WHERE state=? ORDER BY id"));
    st.bind(1, state);
    return ReadAll(st);
  });
}

core::Result<OutboxRow> OutboxStore::Get(std::int64_t id) {
  return Read<OutboxRow>(*pool_, [&](SQLite::Database& db) -> core::Result<OutboxRow> {
    SQLite::Statement st(db, Select("WHERE id=?"));
    st.bind(1, id);
    if (!st.executeStep()) return core::NotFound("no outbox entry " + std::to_string(id));
    return ReadOutboxRow(st);
  });
}

core::Status OutboxStore::MarkSending(std::int64_t id, std::int64_t now_ms) {
  return Write(*pool_, [&](SQLite::Database& db) -> core::Status {
    SQLite::Statement st(db,
                         "UPDATE outbox SET state='sending', attempts=attempts+1, sending_at_ms=?, updated_at_ms=? "
                         "WHERE id=? AND state='queued'");
    st.bind(1, now_ms);
    st.bind(2, now_ms);
    st.bind(3, id);
    if (st.exec() == 0) return core::Conflict("outbox entry " + std::to_string(id) + " is not queued");
    return core::Status::Ok();
  });
}

core::Status OutboxStore::Finish(const OutboxResult& r, const model::Event& event) {
  return Write(*pool_, [&](SQLite::Database& db) -> core::Status {
    if (!ApplyOutboxResult(db, r)) return core::Conflict("outbox entry " + std::to_string(r.id) + " was settled already");
    AppendEvent(db, event);
    return core::Status::Ok();
  });
}

}  // namespace turnaround::store
