#include "store/comment_reader.h"

#include <optional>

#include "store/sql/open.h"

namespace turnaround::store {
namespace {

const std::string kColumns = std::string("SELECT ") + kCommentColumns + " FROM comments c ";

constexpr const char* kHistory =
    "SELECT action, at_ms, coalesce(old_text, '') FROM comment_history WHERE comment_id=? "
    "ORDER BY id";

// Every comment with its history rows (none: NULLs) in one ordered stream:
// one statement reads one snapshot on either engine, so the export is
// consistent without a transaction; and a cursor cannot run a second query
// per comment (which would also be a round trip each on PostgreSQL).
const std::string kWithHistory = std::string("SELECT ") + kCommentColumns +
                                 ", h.action, h.at_ms, coalesce(h.old_text, '') FROM comments c "
                                 "LEFT JOIN comment_history h ON h.comment_id = c.id ORDER BY c.id, h.id";
constexpr std::size_t kHistoryColumn = 17;  // the first of h.* in kWithHistory

void AddHistory(const sql::Row& row, std::size_t f, CommentRow& r) {
  r.history.push_back({row.Text(f), row.Int(f + 1), row.Text(f + 2)});
}

}  // namespace

const char* const kCommentColumns =
    "c.id, c.platform, c.external_id, c.page_id, c.post_id, c.parent_id, c.author_id, "
    "c.author_name, c.text, c.url, c.created_at_ms, c.received_at_ms, c.updated_at_ms, c.state, "
    "c.is_ours, coalesce(c.verdict_json, ''), coalesce(c.rules_version, '')";

CommentRow ReadCommentRow(const sql::Row& row, std::size_t f) {
  CommentRow r;
  r.id = row.Int(f + 0);
  r.platform = row.Text(f + 1);
  r.external_id = row.Text(f + 2);
  r.page_id = row.Text(f + 3);
  r.post_id = row.Text(f + 4);
  r.parent_id = row.Text(f + 5);
  r.author_id = row.Text(f + 6);
  r.author_name = row.Text(f + 7);
  r.text = row.Text(f + 8);
  r.url = row.Text(f + 9);
  r.created_at_ms = row.Int(f + 10);
  r.received_at_ms = row.Int(f + 11);
  r.updated_at_ms = row.Int(f + 12);
  r.state = row.Text(f + 13);
  r.is_ours = row.Int(f + 14) != 0;
  r.verdict_json = row.Text(f + 15);
  r.rules_version = row.Text(f + 16);
  return r;
}

core::Result<std::unique_ptr<CommentReader>> CommentReader::OpenUrl(const std::string& url) {
  auto conn = sql::OpenForReading(url);
  if (!conn.ok()) return conn.status();
  return std::unique_ptr<CommentReader>(new CommentReader(std::move(conn).value()));
}

core::Result<std::unique_ptr<CommentReader>> CommentReader::Open(const std::string& path) {
  return OpenUrl("sqlite:" + path);
}

core::Status CommentReader::ForEach(const std::function<bool(const CommentRow&)>& fn) {
  // `fn` asking to stop ends the scan through a status; `stopped` tells it
  // from a real error.
  bool stopped = false;
  std::optional<CommentRow> current;
  core::Status s = conn_->QueryEach(kWithHistory, {}, [&](const sql::Row& row) -> core::Status {
    if (current && current->id != row.Int(0)) {
      stopped = !fn(*current);
      if (stopped) return core::Internal("stopped by the caller");
      current.reset();
    }
    if (!current) current = ReadCommentRow(row, 0);
    if (!row.IsNull(kHistoryColumn)) AddHistory(row, kHistoryColumn, *current);
    return core::Status::Ok();
  });
  if (stopped) return core::Status::Ok();
  if (!s.ok()) return core::Status(s.code(), "reading comments failed: " + s.message());
  if (current) (void)fn(*current);
  return core::Status::Ok();
}

core::Result<CommentRow> CommentReader::Find(const std::string& platform, const std::string& external_id) {
  auto row = conn_->QueryRow(kColumns + "WHERE c.platform=? AND c.external_id=?", {platform, external_id});
  if (!row.ok()) return core::Status(row.status().code(), "reading a comment failed: " + row.status().message());
  if (!row->has_value()) return core::NotFound("no comment " + platform + "/" + external_id);
  CommentRow r = ReadCommentRow(**row, 0);
  auto history = conn_->Query(kHistory, {r.id});
  if (!history.ok()) return history.status();
  for (const sql::Row& h : *history) AddHistory(h, 0, r);
  return r;
}

core::Result<std::int64_t> CommentReader::CountComments() { return Count("SELECT count(*) FROM comments"); }

core::Result<std::int64_t> CommentReader::CountDeliveries() { return Count("SELECT count(*) FROM deliveries"); }

core::Result<std::int64_t> CommentReader::Count(const char* sql) {
  auto row = conn_->QueryRow(sql);
  if (!row.ok()) return row.status();
  return (*row)->Int(0);
}

}  // namespace turnaround::store
