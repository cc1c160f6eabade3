// Read-side access to stored comments (export, look-ups), on either engine.
// Uses its own connection; on SQLite, WAL lets it read beside the writer.
// Not thread-safe: one CommentReader per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct HistoryRow {
  std::string action;  // edit | remove | hide | unhide
  std::int64_t at_ms = 0;
  std::string old_text;  // for edits
};

struct CommentRow {
  std::int64_t id = 0;
  std::string platform, external_id, page_id, post_id, parent_id;
  std::string author_id, author_name, text, url;
  std::int64_t created_at_ms = 0, received_at_ms = 0, updated_at_ms = 0;
  std::string state;  // visible | hidden | withdrawn
  bool is_ours = false;
  std::string verdict_json;  // "" when the comment has no verdict
  std::string rules_version;
  std::vector<HistoryRow> history;
};

// The comment columns as a SELECT list over a table aliased `c` (17 columns),
// and the reader for them starting at column `first`.
extern const char* const kCommentColumns;
CommentRow ReadCommentRow(const sql::Row& row, std::size_t first);

class CommentReader {
 public:
  // Opens `url` (sqlite:PATH or postgresql://...) as sql::OpenForReading
  // does: a SQLite database read-only, and it must exist at the latest
  // schema version.
  static core::Result<std::unique_ptr<CommentReader>> OpenUrl(const std::string& url);
  // The same for the SQLite database at `path`.
  static core::Result<std::unique_ptr<CommentReader>> Open(const std::string& path);

  // Calls `fn` for every comment in id order, with its history, all as of one
  // moment (one statement; it blocks no writer). Stops early and returns OK
  // if `fn` returns false.
  core::Status ForEach(const std::function<bool(const CommentRow&)>& fn);

  // Looks one comment up; NotFound if there is none.
  core::Result<CommentRow> Find(const std::string& platform, const std::string& external_id);

  // How many deliveries and comments are stored (health, tests).
  core::Result<std::int64_t> CountComments();
  core::Result<std::int64_t> CountDeliveries();

 private:
  explicit CommentReader(std::unique_ptr<sql::Connection> conn) : conn_(std::move(conn)) {}
  core::Result<std::int64_t> Count(const char* sql);

  std::unique_ptr<sql::Connection> conn_;
};

}  // namespace turnaround::store
