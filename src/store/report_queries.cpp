#include "store/report_queries.h"

#include <SQLiteCpp/Statement.h>

#include <cstdlib>

#include "store/database.h"

namespace turnaround::store {
namespace {

// Each figure comes from the events table; items and comments give labels,
// the deadline and the posted time. A comment's time is its platform time,
// or its receipt when the platform gave none.
constexpr const char* kItemsSql = R"sql(
WITH base AS (
  SELECT i.id, i.platform, i.category, i.severity, i.state, i.assignee, i.posted_at_ms,
         created.at_ms AS received_at_ms, i.due_at_ms, c.platform AS cp, c.author_id, c.id AS comment_id,
         (SELECT r.at_ms FROM events r WHERE r.item_id = i.id AND r.kind = 'item.reply'
           ORDER BY r.id LIMIT 1) AS reply_at,
         (SELECT r.actor FROM events r WHERE r.item_id = i.id AND r.kind = 'item.reply'
           ORDER BY r.id LIMIT 1) AS reply_actor,
         (SELECT e.kind || ' ' || e.at_ms FROM events e WHERE e.item_id = i.id
           AND e.kind IN ('item.resolve', 'item.dismiss', 'item.withdraw', 'item.reopen')
           ORDER BY e.id DESC LIMIT 1) AS last_close
  FROM events created
  JOIN items i ON i.id = created.item_id
  JOIN comments c ON c.id = i.comment_id
  WHERE created.kind = 'item.created' AND created.at_ms >= ? AND created.at_ms < ?
)
SELECT id, platform, category, severity, state, assignee, posted_at_ms, received_at_ms, due_at_ms,
       coalesce(reply_at, 0), coalesce(reply_actor, ''), coalesce(last_close, ''),
       CASE WHEN author_id = '' THEN '' ELSE cp || ':' || author_id END,
       (SELECT coalesce(n.is_complaint, 0) FROM comments n
         WHERE reply_at IS NOT NULL AND author_id != '' AND n.platform = cp AND n.author_id = base.author_id
           AND n.is_ours = 0 AND n.id != comment_id
           AND coalesce(nullif(n.created_at_ms, 0), n.received_at_ms) > reply_at
         ORDER BY coalesce(nullif(n.created_at_ms, 0), n.received_at_ms), n.id LIMIT 1),
       EXISTS (SELECT 1 FROM comments n
         WHERE reply_at IS NOT NULL AND author_id != '' AND n.platform = cp AND n.author_id = base.author_id
           AND n.is_ours = 0 AND n.id != comment_id AND n.is_complaint = 1
           AND coalesce(nullif(n.created_at_ms, 0), n.received_at_ms) > reply_at)
FROM base ORDER BY id
)sql";

ReportItemRow ReadRow(SQLite::Statement& st) {
  ReportItemRow r;
  r.item_id = st.getColumn(0).getInt64();
  r.platform = st.getColumn(1).getString();
  r.category = st.getColumn(2).getString();
  r.severity = st.getColumn(3).getString();
  r.state = st.getColumn(4).getString();
  r.assignee = st.getColumn(5).getString();
  r.posted_at_ms = st.getColumn(6).getInt64();
  r.received_at_ms = st.getColumn(7).getInt64();
  r.due_at_ms = st.getColumn(8).getInt64();
  r.first_reply_at_ms = st.getColumn(9).getInt64();
  r.first_reply_agent = st.getColumn(10).getString();
  const std::string close = st.getColumn(11).getString();
  if (auto space = close.find(' '); space != std::string::npos) {
    r.last_close_kind = close.substr(0, space);
    r.last_close_at_ms = std::strtoll(close.c_str() + space + 1, nullptr, 10);
  }
  r.author_key = st.getColumn(12).getString();
  r.next_comment_complaint = st.getColumn(13).isNull() ? -1 : st.getColumn(13).getInt();
  r.complained_again = st.getColumn(14).getInt() != 0;
  return r;
}

core::Result<std::vector<ReportItemRow>> Query(SQLite::Database& db, std::int64_t from_ms, std::int64_t to_ms) {
  try {
    SQLite::Statement st(db, kItemsSql);
    st.bind(1, from_ms);
    st.bind(2, to_ms);
    std::vector<ReportItemRow> out;
    while (st.executeStep()) out.push_back(ReadRow(st));
    return out;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading report facts failed: ") + e.what());
  }
}

}  // namespace

core::Result<ReportSource> ReportSource::OpenReadOnly(const std::string& path) {
  auto db = OpenDatabase(path, OpenMode::kReadOnly);
  if (!db.ok()) return db.status();
  return ReportSource(std::move(db).value());
}

core::Result<std::vector<ReportItemRow>> ReportSource::Items(std::int64_t from_ms, std::int64_t to_ms) {
  if (db_) return Query(*db_, from_ms, to_ms);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  return Query(lease->db(), from_ms, to_ms);
}

}  // namespace turnaround::store
