// ReportSource: what the response-time reports read, re-derived from the audit
// log (events) and joined with items and comments for the labels.
//
// The query is written once on the engine-neutral SQL layer (sql/), so the
// reports read SQLite and PostgreSQL alike.
//
// Thread behaviour: a pool-backed source is thread-safe (each call leases its
// own connection); a read-only source (the CLI) is for one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store {

// One item with the facts every report figure is computed from.
struct ReportItemRow {
  std::int64_t item_id = 0;
  std::string platform, category, severity, state, assignee;  // current labels (items)
  std::int64_t posted_at_ms = 0;    // the comment's platform time (items.posted_at_ms)
  std::int64_t received_at_ms = 0;  // time of the item.created event
  std::int64_t due_at_ms = 0;       // the first-response deadline (items.due_at_ms)
  std::int64_t first_reply_at_ms = 0;  // first item.reply event; 0 when none
  std::string first_reply_agent;       // its actor
  // The last item.resolve / item.dismiss / item.withdraw / item.reopen event:
  // the item's closing, unless it is a reopen. "" and 0 when none.
  std::string last_close_kind;
  std::int64_t last_close_at_ms = 0;
  // The complainer (platform + ":" + author id); "" when the platform gave none.
  std::string author_key;
  // The author's next comment posted after first_reply_at_ms (not one of
  // ours): -1 none (or no reply), 0 not a complaint, 1 a complaint.
  int next_comment_complaint = -1;
  bool complained_again = false;  // any later comment of theirs is a complaint
};

class ReportSource {
 public:
  // Over either engine (sql::OpenPool).
  explicit ReportSource(std::shared_ptr<sql::Pool> pool) : pool_(std::move(pool)) {}
  // Opens `url` for reading (the CLI; sql::OpenForReading: an existing
  // SQLite database read-only, or PostgreSQL). Errors are OpenForReading's.
  static core::Result<ReportSource> OpenUrl(const std::string& url);

  ReportSource(ReportSource&&) = default;
  ReportSource& operator=(ReportSource&&) = default;

  // Items whose item.created event lies in [from_ms, to_ms), by item id.
  core::Result<std::vector<ReportItemRow>> Items(std::int64_t from_ms, std::int64_t to_ms);

 private:
  explicit ReportSource(std::unique_ptr<sql::Connection> conn) : conn_(std::move(conn)) {}

  std::shared_ptr<sql::Pool> pool_;        // shared, or
  std::unique_ptr<sql::Connection> conn_;  // owned connection (the CLI)
};

}  // namespace turnaround::store
