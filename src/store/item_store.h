// ItemStore: the queue's items, their replies and events. Written on the
// engine-neutral SQL layer (sql/), so it runs on SQLite and on PostgreSQL
// alike (issue #9); several instances may share one PostgreSQL.
// Thread-safe (each call takes its own pooled connection).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/status.h"
#include "model/item.h"
#include "store/comment_reader.h"
#include "store/outbox_store.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct QueueFilter {
  std::vector<model::ItemState> states;  // empty: all states
  std::string category, severity, platform, assignee;
  int limit = 50;      // 1..200
  std::string cursor;  // from a previous page's next_cursor
};

struct ReplyRow {
  std::int64_t id = 0;
  std::string agent, text, template_id, override_reason;
  std::int64_t at_ms = 0;
  bool guard_overridden = false;
};

// An item with what the queue shows of it.
struct ItemView {
  model::Item item;
  CommentRow comment;  // verdict_json inside
  std::vector<ReplyRow> replies;
  std::vector<OutboxRow> outbox;  // deliveries of its replies and moderation actions
};

struct QueuePage {
  std::vector<ItemView> items;
  std::string next_cursor;  // "" on the last page
};

struct AuthorHistoryRow {
  CommentRow comment;
  std::string item_state;  // "" when the comment never became an item
};

struct ItemDetail {
  ItemView view;
  std::optional<CommentRow> parent;       // the comment this one answers, when stored
  std::vector<CommentRow> thread_replies;  // other comments under the same parent
  std::vector<AuthorHistoryRow> author_history;
  std::vector<model::Event> events;
};

// What a mutation decided: the item as it should now be, the event recording
// it, optionally a reply to store, an outbox entry to queue (its reply_id is
// set to the reply stored with it), and the result of an outbox attempt (the
// whole mutation is refused with Conflict if that entry is no longer sending),
// or a failed entry of the item's comment to queue again (Conflict if it is
// not failed).
struct Mutation {
  model::Item item;
  model::Event event;  // id/hash are filled in by the store
  std::optional<ReplyRow> reply;
  std::optional<OutboxRow> outbox;
  std::optional<OutboxResult> outbox_result;
  std::int64_t outbox_retry = 0;  // an outbox id, or 0
};

class ItemStore {
 public:
  // Over either engine (sql::OpenPool).
  explicit ItemStore(std::shared_ptr<sql::Pool> pool) : pool_(std::move(pool)) {}

  // Open items in queue order (urgent first, then due time, then id).
  // InvalidArgument on a malformed cursor.
  core::Result<QueuePage> List(const QueueFilter& filter);

  // NotFound if there is no such item.
  core::Result<ItemView> Get(std::int64_t id);
  core::Result<ItemDetail> GetDetail(std::int64_t id);

  // Reads the item inside a write transaction, lets `decide` turn it into a
  // Mutation (or refuse), then writes item, reply and event in the same
  // transaction. Concurrent callers are serialized, in this process and
  // across instances, so of two racing claims exactly one sees the item
  // unclaimed: on SQLite by BEGIN IMMEDIATE, on PostgreSQL by a row lock
  // (SELECT ... FOR UPDATE) taken before `decide` sees the row.
  // On PostgreSQL a deadlock or serialization failure retries the whole
  // transaction, so `decide` may be called more than once: it must have no
  // effects beyond the Mutation it returns.
  using Decide = std::function<core::Result<Mutation>(const model::Item& current)>;
  core::Result<model::Item> Update(std::int64_t id, const Decide& decide);

  // How many Update() calls of this object have committed: a reader that
  // keeps a rendered list can tell that an item changed through this
  // process since (items created by ingest, or changed by another instance,
  // are not counted).
  std::uint64_t changes() const { return changes_.load(std::memory_order_acquire); }

  // Items whose lease ran out before `now_ms`, for the expiry sweep.
  core::Result<std::vector<std::int64_t>> ExpiredLeases(std::int64_t now_ms);

  // Appends an event not tied to an item change (sign-ins, reloads...).
  core::Status Record(const model::Event& event);

  // Filtered audit events, newest first.
  struct EventFilter {
    std::int64_t item_id = 0;
    std::string actor, kind;  // kind may end in '*' for a prefix ("item.*")
    std::int64_t from_ms = 0, to_ms = 0;
    int limit = 100;
    std::int64_t before_id = 0;  // cursor
  };
  core::Result<std::vector<model::Event>> Events(const EventFilter& filter);

  // Open items counted by (state, severity), and the posting time of the
  // oldest open item (0 when none), for /metrics.
  struct QueueStats {
    std::vector<std::tuple<std::string, std::string, std::int64_t>> depth;
    std::int64_t oldest_open_posted_at_ms = 0;
  };
  core::Result<QueueStats> Stats();

  // Items created in [from_ms, to_ms), counted by category (spike alerts).
  core::Result<std::map<std::string, std::int64_t>> FlaggedByCategory(std::int64_t from_ms, std::int64_t to_ms);

 private:
  std::shared_ptr<sql::Pool> pool_;
  std::atomic<std::uint64_t> changes_{0};
};

// The item columns as a SELECT list over a table aliased `i` (18 columns).
extern const char* const kItemColumns;

// Reads/writes the item columns on either engine, inside the caller's
// transaction where they write.
model::Item ReadItemRow(const sql::Row& row, std::size_t first_column);
core::Status InsertItem(sql::Connection& conn, model::Item& item);  // sets item.id
core::Status SaveItem(sql::Connection& conn, const model::Item& item);

}  // namespace turnaround::store
