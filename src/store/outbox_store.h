// OutboxStore: actions waiting for (or done on) a platform — public replies,
// hide/unhide and private replies — with their delivery state. All outbox SQL.
//
// Life of an entry: queued → sending → sent | failed, or sending → queued
// again (a transient failure, with its next attempt time). An entry moves to
// `sending` in a committed transaction BEFORE its request goes out, and only
// from `queued`, so one entry is never in flight twice; an entry found in
// `sending` after a restart was interrupted and its outcome is unknown.
// Every result is applied only to an entry still `sending`: if the webhook
// echo of our reply settled it first, the late result changes nothing.
//
// Written on the engine-neutral SQL layer (sql/): runs on SQLite and on
// PostgreSQL alike, and several instances may send from one PostgreSQL (the
// queued → sending step is a conditional update, so one entry is taken once).
// Thread-safe (each call takes its own pooled connection).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/item.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct OutboxRow {
  std::int64_t id = 0;
  std::int64_t item_id = 0;     // 0 when not tied to an item
  std::int64_t comment_id = 0;  // comments(id) acted on
  std::int64_t reply_id = 0;
  std::string kind;             // reply | hide | unhide | private_reply
  std::string platform, page_id, target_id, text, actor;
  std::string state = "queued";  // queued | sending | sent | failed
  int attempts = 0;
  std::int64_t next_attempt_at_ms = 0;
  bool verify_first = false;
  std::int64_t sending_at_ms = 0;
  std::string platform_id, error;
  std::int64_t echo_comment_id = 0;
  std::int64_t created_at_ms = 0, updated_at_ms = 0;
};

// How an attempt ended: `state` sent (with platform_id), queued (a retry at
// next_attempt_at_ms, verify_first when the attempt may have posted) or
// failed (with error).
struct OutboxResult {
  std::int64_t id = 0;
  std::string state;
  std::string platform_id, error;
  std::int64_t next_attempt_at_ms = 0;
  bool verify_first = false;
  std::int64_t at_ms = 0;
};

// Inside the caller's open transaction, on either engine:
// Inserts `row` (its id is ignored) and returns the new id.
core::Result<std::int64_t> InsertOutbox(sql::Connection& conn, const OutboxRow& row);
// Applies `r` if the entry is still `sending`; returns whether it did. A sent
// hide/unhide also sets the comment's state (hidden/visible).
core::Result<bool> ApplyOutboxResult(sql::Connection& conn, const OutboxResult& r);
// failed → queued (due at `now_ms`, attempts reset) for an agent's retry, if
// entry `id` failed and acts on comment `comment_id`; returns whether it did.
core::Result<bool> RequeueOutbox(sql::Connection& conn, std::int64_t id, std::int64_t comment_id,
                                 std::int64_t now_ms);
// The entries acting on any of `comment_ids`, in id order (so oldest first per
// comment); a few statements however many ids, for pages of items.
core::Result<std::vector<OutboxRow>> LoadOutbox(sql::Connection& conn, const std::vector<std::int64_t>& comment_ids);

// A comment arriving by webhook is our own reply when an outbox reply posted
// it (same platform id), or when a reply in flight or sent with the same text
// targets its parent and has no echo yet. Records the echo (and settles a
// `sending` entry as sent with the comment's id) inside the caller's open
// transaction; returns whether it matched.
core::Result<bool> MatchEcho(sql::Connection& conn, const std::string& platform, const std::string& external_id,
                             const std::string& parent_id, const std::string& text, std::int64_t comment_row_id,
                             std::int64_t now_ms);

class OutboxStore {
 public:
  // Over either engine (sql::OpenPool).
  explicit OutboxStore(std::shared_ptr<sql::Pool> pool) : pool_(std::move(pool)) {}

  // Queued entries due at `now_ms`, oldest first.
  core::Result<std::vector<OutboxRow>> Due(std::int64_t now_ms, int limit);
  // The earliest next attempt of any queued entry, or nullopt if none.
  core::Result<std::optional<std::int64_t>> NextAttemptAt();
  // Entries in `state` (the sender looks for `sending` at start-up).
  core::Result<std::vector<OutboxRow>> InState(const std::string& state);
  // NotFound if there is no such entry.
  core::Result<OutboxRow> Get(std::int64_t id);

  // queued → sending, counting the attempt, committed before returning.
  // Conflict if the entry is not queued (someone else, in this process or
  // another instance, took it).
  core::Status MarkSending(std::int64_t id, std::int64_t now_ms);
  // Applies `r` and appends `event` in one transaction. Conflict if the entry
  // was no longer `sending` (nothing is written then).
  core::Status Finish(const OutboxResult& r, const model::Event& event);

 private:
  std::shared_ptr<sql::Pool> pool_;
};

}  // namespace turnaround::store
