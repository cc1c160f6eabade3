#include "store/report_queries.h"

#include <cstdlib>

#include "store/sql/open.h"

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

ReportItemRow ReadRow(const sql::Row& row) {
  ReportItemRow r;
  r.item_id = row.Int(0);
  r.platform = row.Text(1);
  r.category = row.Text(2);
  r.severity = row.Text(3);
  r.state = row.Text(4);
  r.assignee = row.Text(5);
  r.posted_at_ms = row.Int(6);
  r.received_at_ms = row.Int(7);
  r.due_at_ms = row.Int(8);
  r.first_reply_at_ms = row.Int(9);
  r.first_reply_agent = row.Text(10);
  const std::string close = row.Text(11);
  if (auto space = close.find(' '); space != std::string::npos) {
    r.last_close_kind = close.substr(0, space);
    r.last_close_at_ms = std::strtoll(close.c_str() + space + 1, nullptr, 10);
  }
  r.author_key = row.Text(12);
  r.next_comment_complaint = row.IsNull(13) ? -1 : static_cast<int>(row.Int(13));
  r.complained_again = row.Int(14) != 0;
  return r;
}

core::Result<std::vector<ReportItemRow>> Query(sql::Connection& c, std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<ReportItemRow> out;
  core::Status s = c.QueryEach(kItemsSql, {from_ms, to_ms}, [&](const sql::Row& row) {
    out.push_back(ReadRow(row));
    return core::Status::Ok();
  });
  if (!s.ok()) return core::Status(s.code(), "reading report facts failed: " + s.message());
  return out;
}

}  // namespace

core::Result<ReportSource> ReportSource::OpenUrl(const std::string& url) {
  auto conn = sql::OpenForReading(url);
  if (!conn.ok()) return conn.status();
  return ReportSource(std::move(conn).value());
}

core::Result<std::vector<ReportItemRow>> ReportSource::Items(std::int64_t from_ms, std::int64_t to_ms) {
  if (conn_) return Query(*conn_, from_ms, to_ms);
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  return Query(lease->conn(), from_ms, to_ms);
}

}  // namespace turnaround::store
