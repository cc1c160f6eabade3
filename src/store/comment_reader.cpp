#include "store/comment_reader.h"

#include <SQLiteCpp/Statement.h>

#include "store/database.h"

namespace turnaround::store {
namespace {

const std::string kColumns = std::string("SELECT ") + kCommentColumns + " FROM comments c ";

CommentRow ReadRow(SQLite::Statement& st) { return ReadCommentRow(st, 0); }

void LoadHistory(SQLite::Statement& hist, CommentRow& r) {
  hist.reset();
  hist.bind(1, r.id);
  while (hist.executeStep()) {
    r.history.push_back({hist.getColumn(0).getString(), hist.getColumn(1).getInt64(),
                         hist.getColumn(2).getString()});
  }
}

constexpr const char* kHistory =
    "SELECT action, at_ms, coalesce(old_text, '') FROM comment_history WHERE comment_id=? "
    "ORDER BY id";

}  // namespace

const char* const kCommentColumns =
    "c.id, c.platform, c.external_id, c.page_id, c.post_id, c.parent_id, c.author_id, "
    "c.author_name, c.text, c.url, c.created_at_ms, c.received_at_ms, c.updated_at_ms, c.state, "
    "c.is_ours, coalesce(c.verdict_json, ''), coalesce(c.rules_version, '')";

CommentRow ReadCommentRow(SQLite::Statement& st, int f) {
  CommentRow r;
  r.id = st.getColumn(f + 0).getInt64();
  r.platform = st.getColumn(f + 1).getString();
  r.external_id = st.getColumn(f + 2).getString();
  r.page_id = st.getColumn(f + 3).getString();
  r.post_id = st.getColumn(f + 4).getString();
  r.parent_id = st.getColumn(f + 5).getString();
  r.author_id = st.getColumn(f + 6).getString();
  r.author_name = st.getColumn(f + 7).getString();
  r.text = st.getColumn(f + 8).getString();
  r.url = st.getColumn(f + 9).getString();
  r.created_at_ms = st.getColumn(f + 10).getInt64();
  r.received_at_ms = st.getColumn(f + 11).getInt64();
  r.updated_at_ms = st.getColumn(f + 12).getInt64();
  r.state = st.getColumn(f + 13).getString();
  r.is_ours = st.getColumn(f + 14).getInt() != 0;
  r.verdict_json = st.getColumn(f + 15).getString();
  r.rules_version = st.getColumn(f + 16).getString();
  return r;
}

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

core::Result<std::unique_ptr<CommentReader>> CommentReader::Open(const std::string& path) {
  auto db = OpenDatabase(path, OpenMode::kReadOnly);
  if (!db.ok()) return db.status();
  return std::unique_ptr<CommentReader>(new CommentReader(std::move(db).value()));
}

core::Status CommentReader::ForEach(const std::function<bool(const CommentRow&)>& fn) {
  try {
    // One read transaction gives a consistent snapshot of the whole export.
    db_->exec("BEGIN");
    SQLite::Statement st(*db_, kColumns + "ORDER BY c.id");
    SQLite::Statement hist(*db_, kHistory);
    bool go_on = true;
    while (go_on && st.executeStep()) {
      CommentRow r = ReadRow(st);
      LoadHistory(hist, r);
      go_on = fn(r);
    }
    db_->exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading comments failed: ") + e.what());
  }
  return core::Status::Ok();
}

core::Result<CommentRow> CommentReader::Find(const std::string& platform,
                                             const std::string& external_id) {
  try {
    SQLite::Statement st(*db_, kColumns + "WHERE c.platform=? AND c.external_id=?");
    st.bind(1, platform);
    st.bind(2, external_id);
    if (!st.executeStep()) return core::NotFound("no comment " + platform + "/" + external_id);
    CommentRow r = ReadRow(st);
    SQLite::Statement hist(*db_, kHistory);
    LoadHistory(hist, r);
    return r;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading a comment failed: ") + e.what());
  }
}

core::Result<std::int64_t> CommentReader::CountComments() {
  try {
    return db_->execAndGet("SELECT count(*) FROM comments").getInt64();
  } catch (const SQLite::Exception& e) {
    return core::Internal(e.what());
  }
}

core::Result<std::int64_t> CommentReader::CountDeliveries() {
  try {
    return db_->execAndGet("SELECT count(*) FROM deliveries").getInt64();
  } catch (const SQLite::Exception& e) {
    return core::Internal(e.what());
  }
}

}  // namespace turnaround::store
