#include "store/sql/audit.h"

#include "store/event_log.h"
#include "store/sql/placeholders.h"

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
  pending_.clear();
  TA_RETURN_IF_ERROR(LockAuditChain(conn_));
  auto head = conn_.QueryRow("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
  if (!head.ok()) return head.status();
  // The first event's prev_hash is 64 zeros (event_log.h's invariant).
  head_ = head->has_value() ? Head{(*head)->Int(0), (*head)->Text(1)} : Head{0, std::string(64, '0')};
  return core::Status::Ok();
}

const model::Event& EventAppender::Append(model::Event e) {
  e.id = head_.id + 1;
  e.prev_hash = head_.hash;
  e.hash = EventHash(e);
  head_ = {e.id, e.hash};
  pending_.push_back(std::move(e));
  return pending_.back();
}

void EventAppender::Rewind(Mark mark) {
  head_ = std::move(mark.head);
  if (mark.pending < pending_.size()) pending_.resize(mark.pending);
}

core::Status EventAppender::Flush() {
  // Power-of-two chunks: at most seven statements past the full ones, and
  // seven prepared statements per connection.
  constexpr std::size_t kMaxRows = 64;
  constexpr std::size_t kColumns = 9;
  static const std::vector<std::string> kSql = [] {
    std::vector<std::string> sql(kMaxRows + 1);
    for (std::size_t n = 1; n <= kMaxRows; n *= 2) {
      sql[n] = "INSERT INTO events(id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash) VALUES " +
               Tuples(kColumns, n);
    }
    return sql;
  }();
  Params params;
  for (std::size_t at = 0; at < pending_.size();) {
    std::size_t n = kMaxRows;
    while (n > pending_.size() - at) n /= 2;
    params.clear();
    params.reserve(n * kColumns);
    for (std::size_t i = at; i < at + n; ++i) {
      model::Event& e = pending_[i];
      params.emplace_back(e.id);
      params.emplace_back(e.at_ms);
      params.emplace_back(std::move(e.actor));
      params.emplace_back(std::move(e.kind));
      params.emplace_back(e.item_id);
      params.emplace_back(e.comment_id);
      params.emplace_back(std::move(e.details));
      params.emplace_back(std::move(e.prev_hash));
      params.emplace_back(std::move(e.hash));
    }
    auto inserted = conn_.Exec(kSql[n], params);
    if (!inserted.ok()) {
      pending_.clear();
      return inserted.status();
    }
    at += n;
  }
  pending_.clear();
  return core::Status::Ok();
}

core::Result<model::Event> AppendEvent(Connection& conn, model::Event e) {
  EventAppender appender(conn);
  TA_RETURN_IF_ERROR(appender.Begin());
  model::Event appended = appender.Append(std::move(e));
  TA_RETURN_IF_ERROR(appender.Flush());
  return appended;
}

}  // namespace turnaround::store::sql
