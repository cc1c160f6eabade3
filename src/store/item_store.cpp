#include "store/item_store.h"

#include <algorithm>
#include <charconv>
#include <span>
#include <tuple>
#include <unordered_map>

#include "store/event_log.h"
#include "store/sql/audit.h"
#include "store/sql/placeholders.h"

namespace turnaround::store {
namespace {

constexpr std::size_t kItemColumnCount = 18;

constexpr const char* kReplyColumns = "id, agent, text, template_id, override_reason, at_ms, guard_overridden, item_id";

ReplyRow ReadReplyRow(const sql::Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6) != 0};
}

// Fills in the replies and outbox entries of `views` (a whole page, or one
// item) with a few statements instead of two per item: on PostgreSQL every
// statement is a round trip (~100 a page before).
core::Status LoadAround(sql::Connection& c, std::span<ItemView> views) {
  std::vector<std::int64_t> item_ids, comment_ids;
  std::unordered_map<std::int64_t, ItemView*> by_item, by_comment;
  for (ItemView& v : views) {
    item_ids.push_back(v.item.id);
    comment_ids.push_back(v.item.comment_id);
    by_item[v.item.id] = &v;
    by_comment[v.item.comment_id] = &v;
  }
  TA_RETURN_IF_ERROR(sql::ForEachIdChunk(item_ids, [&](const std::string& in_list, const sql::Params& ids) {
    return c.QueryEach(std::string("SELECT ") + kReplyColumns + " FROM replies WHERE item_id IN " + in_list +
                           " ORDER BY id",
                       ids, [&](const sql::Row& row) {
                         by_item.at(row.Int(7))->replies.push_back(ReadReplyRow(row));
                         return core::Status::Ok();
                       });
  }));
  auto outbox = LoadOutbox(c, comment_ids);
  if (!outbox.ok()) return outbox.status();
  for (OutboxRow& r : *outbox) by_comment.at(r.comment_id)->outbox.push_back(std::move(r));
  return core::Status::Ok();
}

ItemView ReadView(const sql::Row& row) {
  return {ReadItemRow(row, 0), ReadCommentRow(row, kItemColumnCount), {}, {}};
}

std::string SelectItemsWithComments() {
  return std::string("SELECT ") + kItemColumns + ", " + kCommentColumns +
         " FROM items i JOIN comments c ON c.id = i.comment_id ";
}

// Cursor: "<is_urgent>.<due_at_ms>.<id>" of the last item of the page.
bool ParseCursor(const std::string& text, std::int64_t out[3]) {
  const char* p = text.data();
  const char* end = p + text.size();
  for (int i = 0; i < 3; ++i) {
    auto [next, ec] = std::from_chars(p, end, out[i]);
    if (ec != std::errc()) return false;
    p = next;
    if (i < 2) {
      if (p == end || *p != '.') return false;
      ++p;
    }
  }
  return p == end;
}

}  // namespace


// The queue order is (is_urgent DESC, due_at_ms, id) over several states.
// One query over `state IN (...)` cannot walk the items_queue index in that
// order, so SQLite sorted every open item per request (3.9 s p99 at 100,000
// open items). Instead each (state, urgency) pair is read in index order from
// the cursor on with a row-value seek, at most limit+1 rows each, and the
// pieces are merged here: the work per page is bounded by the page size, not
// by the size of the queue. The pieces are one statement (each a derived
// table under UNION ALL, which both engines accept with its own ORDER BY and
// LIMIT): on PostgreSQL each statement is a round trip, eight per page before.
//
// The pieces read only the order key, from the index; the page's own rows
// (the item, its comment's text and stored verdict) are read afterwards by id.
// Reading whole rows for every piece copied up to eight pages of comments to
// keep one: 45 % of the server's CPU per queue request.
namespace {

core::Result<QueuePage> ReadQueuePage(sql::Connection& c, const QueueFilter& f,
                                      const std::vector<model::ItemState>& states, const std::int64_t cursor[3]) {
  std::string filters;
  sql::Params filter_params;
  auto filter = [&](const char* condition, const std::string& value) {
    if (value.empty()) return;
    filters += condition;
    filter_params.emplace_back(value);
  };
  filter(" AND i.category=?", f.category);
  filter(" AND i.severity=?", f.severity);
  filter(" AND i.platform=?", f.platform);
  filter(" AND i.assignee=?", f.assignee);
  const std::string base =
      "SELECT i.is_urgent, i.due_at_ms, i.id FROM items i WHERE i.state=? AND i.is_urgent=?" + filters;
  const std::string order = " ORDER BY i.due_at_ms, i.id LIMIT ?";
  const std::string from_start = base + order;
  const std::string after = base + " AND (i.due_at_ms, i.id) > (?, ?)" + order;
  std::string pieces;
  sql::Params params;
  int piece = 0;
  for (model::ItemState state : states) {
    for (int urgent : {1, 0}) {
      // Urgent items come first: past an urgent cursor every non-urgent item
      // is still ahead; past a non-urgent one no urgent item is.
      if (!f.cursor.empty() && urgent > cursor[0]) continue;
      const bool seek = !f.cursor.empty() && urgent == cursor[0];
      if (piece > 0) pieces += " UNION ALL ";
      pieces += "SELECT * FROM (" + (seek ? after : from_start) + ") AS q" + std::to_string(piece++);
      params.emplace_back(model::ItemStateName(state));
      params.emplace_back(urgent);
      params.insert(params.end(), filter_params.begin(), filter_params.end());
      if (seek) {
        params.emplace_back(cursor[1]);
        params.emplace_back(cursor[2]);
      }
      params.emplace_back(f.limit + 1);
    }
  }
  // (urgent first, due, id): the queue order.
  using Key = std::tuple<int, std::int64_t, std::int64_t>;
  std::vector<Key> keys;
  if (piece > 0) {
    TA_RETURN_IF_ERROR(c.QueryEach(pieces, params, [&](const sql::Row& row) {
      keys.emplace_back(row.Int(0) != 0 ? 0 : 1, row.Int(1), row.Int(2));
      return core::Status::Ok();
    }));
  }
  std::sort(keys.begin(), keys.end());
  QueuePage page;
  const size_t limit = static_cast<size_t>(f.limit);
  if (keys.size() > limit) {
    keys.resize(limit);
    const auto& [rank, due, id] = keys.back();
    page.next_cursor = std::to_string(rank == 0 ? 1 : 0) + "." + std::to_string(due) + "." + std::to_string(id);
  }
  std::vector<std::int64_t> ids;
  std::unordered_map<std::int64_t, size_t> position;
  for (const auto& [rank, due, id] : keys) {
    position[id] = ids.size();
    ids.push_back(id);
  }
  // The same conditions again: an item claimed, resolved or re-filed since
  // the keys were read is left out of this page rather than shown where it
  // no longer belongs. The state is checked here, not in SQL: with
  // "state IN (...)" beside the id list SQLite walked the state index over
  // every open item instead of looking the ids up.
  std::vector<std::pair<size_t, ItemView>> found;
  TA_RETURN_IF_ERROR(sql::ForEachIdChunk(ids, [&](const std::string& in_list, const sql::Params& chunk) {
    sql::Params p = chunk;
    p.insert(p.end(), filter_params.begin(), filter_params.end());
    const std::string query = SelectItemsWithComments() + "WHERE i.id IN " + in_list + filters;
    return c.QueryEach(query, p, [&](const sql::Row& row) {
      ItemView v = ReadView(row);
      if (std::find(states.begin(), states.end(), v.item.state) != states.end()) {
        const size_t at = position.at(v.item.id);
        found.emplace_back(at, std::move(v));
      }
      return core::Status::Ok();
    });
  }));
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  page.items.reserve(found.size());
  for (auto& [at, v] : found) page.items.push_back(std::move(v));
  TA_RETURN_IF_ERROR(LoadAround(c, page.items));
  return page;
}

core::Result<ItemView> ReadItem(sql::Connection& c, std::int64_t id) {
  auto row = c.QueryRow(SelectItemsWithComments() + "WHERE i.id=?", {id});
  if (!row.ok()) return row.status();
  if (!row->has_value()) return core::NotFound("no item " + std::to_string(id));
  ItemView v = ReadView(**row);
  TA_RETURN_IF_ERROR(LoadAround(c, std::span<ItemView>(&v, 1)));
  return v;
}

core::Result<ItemDetail> ReadDetail(sql::Connection& conn, std::int64_t id) {
  auto view = ReadItem(conn, id);
  if (!view.ok()) return view.status();
  ItemDetail d;
  d.view = std::move(view).value();
  const CommentRow& c = d.view.comment;
  const std::string from_comments = std::string("SELECT ") + kCommentColumns + " FROM comments c ";
  auto comments = [&conn](const std::string& query, const sql::Params& params,
                          std::vector<CommentRow>* out) -> core::Status {
    return conn.QueryEach(query, params, [&](const sql::Row& row) {
      out->push_back(ReadCommentRow(row, 0));
      return core::Status::Ok();
    });
  };
  if (!c.parent_id.empty()) {
    std::vector<CommentRow> parent;
    TA_RETURN_IF_ERROR(
        comments(from_comments + "WHERE c.platform=? AND c.external_id=?", {c.platform, c.parent_id}, &parent));
    if (!parent.empty()) d.parent = std::move(parent.front());
  }
  // Replies beside this comment: under its parent, or under it (our answers).
  TA_RETURN_IF_ERROR(comments(from_comments +
                                  "WHERE c.platform=? AND c.id != ? AND "
                                  "(c.parent_id = ? OR (c.parent_id = ? AND c.parent_id != '')) "
                                  "ORDER BY c.created_at_ms, c.id LIMIT 50",
                              {c.platform, c.id, c.external_id, c.parent_id}, &d.thread_replies));
  if (!c.author_id.empty()) {
    TA_RETURN_IF_ERROR(conn.QueryEach(std::string("SELECT ") + kCommentColumns +
                                          ", coalesce(i.state, '') FROM comments c "
                                          "LEFT JOIN items i ON i.comment_id = c.id "
                                          "WHERE c.platform=? AND c.author_id=? AND c.id != ? "
                                          "ORDER BY c.received_at_ms DESC LIMIT 20",
                                      {c.platform, c.author_id, c.id}, [&](const sql::Row& row) {
                                        d.author_history.push_back({ReadCommentRow(row, 0), row.Text(17)});
                                        return core::Status::Ok();
                                      }));
  }
  TA_RETURN_IF_ERROR(conn.QueryEach(std::string(kSelectEvents) + "WHERE item_id=? ORDER BY id", {id},
                                    [&](const sql::Row& row) {
                                      d.events.push_back(ReadEventRow(row));
                                      return core::Status::Ok();
                                    }));
  return d;
}

}  // namespace

// Each read is one snapshot (sql::InReadSnapshot): the item row and what is
// around it (replies, deliveries, events) are several statements, and an
// item whose delivery failed goes back to its agent in the same transaction
// that fails the delivery; read in separate statements, a page could show
// it half-way (still "replied", beside the failed delivery).
core::Result<QueuePage> ItemStore::List(const QueueFilter& f) {
  std::int64_t cursor[3] = {0, 0, 0};
  if (!f.cursor.empty() && (!ParseCursor(f.cursor, cursor) || cursor[0] < 0 || cursor[0] > 1)) {
    return core::InvalidArgument("cursor is not one this server handed out");
  }
  const std::vector<model::ItemState>& states = f.states.empty() ? model::AllItemStates() : f.states;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InReadSnapshot(c, [&] { return ReadQueuePage(c, f, states, cursor); });
}

core::Result<ItemView> ItemStore::Get(std::int64_t id) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InReadSnapshot(c, [&] { return ReadItem(c, id); });
}

core::Result<ItemDetail> ItemStore::GetDetail(std::int64_t id) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InReadSnapshot(c, [&] { return ReadDetail(c, id); });
}

namespace {

// The item row under a write lock: on SQLite the write transaction
// (BEGIN IMMEDIATE) already excludes every other writer; on PostgreSQL the
// row lock makes a second instance's Update wait here, then read the row as
// the first one committed it.
const std::string& LockItemSql(sql::Dialect dialect) {
  static const std::string plain = std::string("SELECT ") + kItemColumns + " FROM items i WHERE i.id=?";
  static const std::string for_update = plain + " FOR UPDATE";
  return dialect == sql::Dialect::kPostgres ? for_update : plain;
}

// Writes what `m` asks for, besides the item itself, inside the transaction.
core::Status ApplyMutation(sql::Connection& c, std::int64_t id, Mutation& m) {
  std::int64_t reply_id = 0;
  if (m.reply) {
    auto ins = c.InsertReturningId(
        "INSERT INTO replies(item_id, agent, text, template_id, at_ms, guard_overridden, override_reason) "
        "VALUES (?,?,?,?,?,?,?)",
        {id, m.reply->agent, m.reply->text, m.reply->template_id, m.reply->at_ms, m.reply->guard_overridden ? 1 : 0,
         m.reply->override_reason});
    if (!ins.ok()) return ins.status();
    reply_id = *ins;
  }
  if (m.outbox) {
    if (m.reply) m.outbox->reply_id = reply_id;
    m.outbox->item_id = id;
    m.outbox->comment_id = m.item.comment_id;
    TA_RETURN_IF_ERROR(InsertOutbox(c, *m.outbox).status());
  }
  if (m.outbox_result) {
    auto applied = ApplyOutboxResult(c, *m.outbox_result);
    if (!applied.ok()) return applied.status();
    if (!*applied) return core::Conflict("the delivery was settled meanwhile");
  }
  if (m.outbox_retry) {
    auto requeued = RequeueOutbox(c, m.outbox_retry, m.item.comment_id, m.event.at_ms);
    if (!requeued.ok()) return requeued.status();
    if (!*requeued) return core::Conflict("only a failed delivery of this item can be retried");
  }
  m.event.item_id = id;
  m.event.comment_id = m.item.comment_id;
  return sql::AppendEvent(c, m.event).status();
}

}  // namespace

core::Result<model::Item> ItemStore::Update(std::int64_t id, const Decide& decide) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  const std::string& lock = LockItemSql(c.dialect());
  model::Item saved;
  core::Status s = sql::InTransaction(c, [&]() -> core::Status {
    TA_RETURN_IF_ERROR(sql::LockAuditChain(c));  // before the row lock (audit.h)
    auto row = c.QueryRow(lock, {id});
    if (!row.ok()) return row.status();
    if (!row->has_value()) return core::NotFound("no item " + std::to_string(id));
    const model::Item current = ReadItemRow(**row, 0);
    auto mutation = decide(current);
    if (!mutation.ok()) return mutation.status();
    Mutation& m = mutation.value();
    m.item.id = id;
    TA_RETURN_IF_ERROR(SaveItem(c, m.item));
    TA_RETURN_IF_ERROR(ApplyMutation(c, id, m));
    saved = m.item;
    return core::Status::Ok();
  });
  if (!s.ok()) return s;
  changes_.fetch_add(1, std::memory_order_acq_rel);
  return saved;
}

core::Result<std::vector<std::int64_t>> ItemStore::ExpiredLeases(std::int64_t now_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = lease->conn().Query("SELECT id FROM items WHERE assignee != '' AND lease_expires_at_ms <= ?", {now_ms});
  if (!rows.ok()) return rows.status();
  std::vector<std::int64_t> ids;
  ids.reserve(rows->size());
  for (const auto& r : *rows) ids.push_back(r.Int(0));
  return ids;
}

core::Result<ItemStore::QueueStats> ItemStore::Stats() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  QueueStats stats;
  auto depth = c.Query(
      "SELECT state, severity, count(*) FROM items "
      "WHERE state IN ('new','claimed','escalated','replied') GROUP BY state, severity");
  if (!depth.ok()) return depth.status();
  for (const auto& r : *depth) stats.depth.emplace_back(r.Text(0), r.Text(1), r.Int(2));
  auto oldest = c.QueryRow(
      "SELECT coalesce(min(posted_at_ms), 0) FROM items "
      "WHERE state IN ('new','claimed','escalated','replied')");
  if (!oldest.ok()) return oldest.status();
  if (oldest->has_value()) stats.oldest_open_posted_at_ms = (*oldest)->Int(0);
  return stats;
}

core::Result<std::map<std::string, std::int64_t>> ItemStore::FlaggedByCategory(std::int64_t from_ms,
                                                                               std::int64_t to_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = lease->conn().Query(
      "SELECT category, count(*) FROM items WHERE created_at_ms >= ? AND created_at_ms < ? GROUP BY category",
      {from_ms, to_ms});
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::int64_t> out;
  for (const auto& r : *rows) out[r.Text(0)] = r.Int(1);
  return out;
}

core::Status ItemStore::Record(const model::Event& event) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InTransaction(c, [&]() -> core::Status { return sql::AppendEvent(c, event).status(); });
}

core::Result<std::vector<model::Event>> ItemStore::Events(const EventFilter& f) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  std::string query = std::string(kSelectEvents) + "WHERE 1=1";
  sql::Params params;
  std::string kind = f.kind;
  const bool prefix = !kind.empty() && kind.back() == '*';
  if (prefix) kind.pop_back();
  if (f.item_id) {
    query += " AND item_id=?";
    params.emplace_back(f.item_id);
  }
  if (!f.actor.empty()) {
    query += " AND actor=?";
    params.emplace_back(f.actor);
  }
  if (!kind.empty()) {
    query += prefix ? " AND substr(kind, 1, ?) = ?" : " AND kind=?";
    if (prefix) params.emplace_back(static_cast<std::int64_t>(kind.size()));
    params.emplace_back(kind);
  }
  if (f.from_ms) {
    query += " AND at_ms>=?";
    params.emplace_back(f.from_ms);
  }
  if (f.to_ms) {
    query += " AND at_ms<?";
    params.emplace_back(f.to_ms);
  }
  if (f.before_id) {
    query += " AND id<?";
    params.emplace_back(f.before_id);
  }
  query += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(f.limit);
  std::vector<model::Event> out;
  TA_RETURN_IF_ERROR(lease->conn().QueryEach(query, params, [&](const sql::Row& row) {
    out.push_back(ReadEventRow(row));
    return core::Status::Ok();
  }));
  return out;
}

}  // namespace turnaround::store
