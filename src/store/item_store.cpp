#include "store/item_store.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <charconv>
#include <tuple>
#include <nlohmann/json.hpp>

#include "store/event_log.h"

namespace turnaround::store {

const char* const kItemColumns =
    "i.id, i.comment_id, i.state, i.severity, i.category, i.urgent_reasons, i.platform, "
    "i.created_at_ms, i.posted_at_ms, i.received_at_ms, i.due_at_ms, i.first_response_at_ms, "
    "i.resolved_at_ms, i.assignee, i.lease_expires_at_ms, i.dismiss_reason, "
    "i.escalation_reason, i.escalated_to";
constexpr int kItemColumnCount = 18;

model::Item ReadItemRow(SQLite::Statement& st, int f) {
  model::Item it;
  it.id = st.getColumn(f + 0).getInt64();
  it.comment_id = st.getColumn(f + 1).getInt64();
  model::ParseItemState(st.getColumn(f + 2).getString(), &it.state);
  model::ParseSeverity(st.getColumn(f + 3).getString(), &it.severity);
  it.category = st.getColumn(f + 4).getString();
  auto reasons = nlohmann::json::parse(st.getColumn(f + 5).getString(), nullptr, false);
  if (reasons.is_array()) {
    for (const auto& r : reasons) {
      if (r.is_string()) it.urgent_reasons.push_back(r.get<std::string>());
    }
  }
  it.platform = st.getColumn(f + 6).getString();
  it.created_at_ms = st.getColumn(f + 7).getInt64();
  it.posted_at_ms = st.getColumn(f + 8).getInt64();
  it.received_at_ms = st.getColumn(f + 9).getInt64();
  it.due_at_ms = st.getColumn(f + 10).getInt64();
  it.first_response_at_ms = st.getColumn(f + 11).getInt64();
  it.resolved_at_ms = st.getColumn(f + 12).getInt64();
  it.assignee = st.getColumn(f + 13).getString();
  it.lease_expires_at_ms = st.getColumn(f + 14).getInt64();
  it.dismiss_reason = st.getColumn(f + 15).getString();
  it.escalation_reason = st.getColumn(f + 16).getString();
  it.escalated_to = st.getColumn(f + 17).getString();
  return it;
}

namespace {

void BindItem(SQLite::Statement& st, const model::Item& it) {
  st.bind(1, it.comment_id);
  st.bind(2, model::ItemStateName(it.state));
  st.bind(3, model::SeverityName(it.severity));
  st.bind(4, it.category);
  st.bind(5, nlohmann::json(it.urgent_reasons).dump());
  st.bind(6, it.urgent() ? 1 : 0);
  st.bind(7, it.platform);
  st.bind(8, it.created_at_ms);
  st.bind(9, it.posted_at_ms);
  st.bind(10, it.received_at_ms);
  st.bind(11, it.due_at_ms);
  st.bind(12, it.first_response_at_ms);
  st.bind(13, it.resolved_at_ms);
  st.bind(14, it.assignee);
  st.bind(15, it.lease_expires_at_ms);
  st.bind(16, it.dismiss_reason);
  st.bind(17, it.escalation_reason);
  st.bind(18, it.escalated_to);
}

std::vector<ReplyRow> LoadReplies(SQLite::Database& db, std::int64_t item_id) {
  std::vector<ReplyRow> out;
  SQLite::Statement st(db,
                       "SELECT id, agent, text, template_id, override_reason, at_ms, "
                       "guard_overridden FROM replies WHERE item_id=? ORDER BY id");
  st.bind(1, item_id);
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                   st.getColumn(2).getString(), st.getColumn(3).getString(),
                   st.getColumn(4).getString(), st.getColumn(5).getInt64(),
                   st.getColumn(6).getInt() != 0});
  }
  return out;
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

void InsertItem(StatementCache& cache, model::Item& item) {
  SQLite::Statement& st = cache.Get(
                       "INSERT INTO items(comment_id, state, severity, category, urgent_reasons, "
                       "is_urgent, platform, created_at_ms, posted_at_ms, received_at_ms, due_at_ms, "
                       "first_response_at_ms, resolved_at_ms, assignee, lease_expires_at_ms, "
                       "dismiss_reason, escalation_reason, escalated_to) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  BindItem(st, item);
  st.exec();
  item.id = cache.db().getLastInsertRowid();
}

void SaveItem(SQLite::Database& db, const model::Item& item) {
  SQLite::Statement st(db,
                       "UPDATE items SET comment_id=?, state=?, severity=?, category=?, "
                       "urgent_reasons=?, is_urgent=?, platform=?, created_at_ms=?, posted_at_ms=?, "
                       "received_at_ms=?, due_at_ms=?, first_response_at_ms=?, resolved_at_ms=?, "
                       "assignee=?, lease_expires_at_ms=?, dismiss_reason=?, escalation_reason=?, "
                       "escalated_to=? WHERE id=?");
  BindItem(st, item);
  st.bind(19, item.id);
  st.exec();
}

// The queue order is (is_urgent DESC, due_at_ms, id) over several states.
// One query over `state IN (...)` cannot walk the items_queue index in that
// order, so SQLite sorted every open item per request (3.9 s p99 at 100,000
// open items). Instead each (state, urgency) pair is read in index order from
// the cursor on with a row-value seek, at most limit+1 rows each, and the
// pieces are merged here: the work per page is bounded by the page size, not
// by the size of the queue.
core::Result<QueuePage> ItemStore::List(const QueueFilter& f) {
  std::int64_t cursor[3] = {0, 0, 0};
  if (!f.cursor.empty() && (!ParseCursor(f.cursor, cursor) || cursor[0] < 0 || cursor[0] > 1)) {
    return core::InvalidArgument("cursor is not one this server handed out");
  }
  const std::vector<model::ItemState>& states = f.states.empty() ? model::AllItemStates() : f.states;
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  std::string filters;
  if (!f.category.empty()) filters += " AND i.category=?";
  if (!f.severity.empty()) filters += " AND i.severity=?";
  if (!f.platform.empty()) filters += " AND i.platform=?";
  if (!f.assignee.empty()) filters += " AND i.assignee=?";
  const std::string base = SelectItemsWithComments() + "WHERE i.state=? AND i.is_urgent=?" + filters;
  const std::string order = " ORDER BY i.due_at_ms, i.id LIMIT ?";
  try {
    SQLite::Statement from_start(db, base + order);
    SQLite::Statement after(db, base + " AND (i.due_at_ms, i.id) > (?, ?)" + order);
    std::vector<ItemView> merged;
    for (model::ItemState state : states) {
      for (int urgent : {1, 0}) {
        // Urgent items come first: past an urgent cursor every non-urgent item
        // is still ahead; past a non-urgent one no urgent item is.
        if (!f.cursor.empty() && urgent > cursor[0]) continue;
        const bool seek = !f.cursor.empty() && urgent == cursor[0];
        SQLite::Statement& st = seek ? after : from_start;
        st.reset();
        st.clearBindings();
        int n = 1;
        st.bind(n++, model::ItemStateName(state));
        st.bind(n++, urgent);
        if (!f.category.empty()) st.bind(n++, f.category);
        if (!f.severity.empty()) st.bind(n++, f.severity);
        if (!f.platform.empty()) st.bind(n++, f.platform);
        if (!f.assignee.empty()) st.bind(n++, f.assignee);
        if (seek) {
          st.bind(n++, cursor[1]);
          st.bind(n++, cursor[2]);
        }
        st.bind(n++, f.limit + 1);
        while (st.executeStep()) {
          merged.push_back({ReadItemRow(st, 0), ReadCommentRow(st, kItemColumnCount), {}, {}});
        }
      }
    }
    auto key = [](const ItemView& v) {
      return std::make_tuple(v.item.urgent() ? 0 : 1, v.item.due_at_ms, v.item.id);
    };
    std::sort(merged.begin(), merged.end(),
              [&key](const ItemView& a, const ItemView& b) { return key(a) < key(b); });
    QueuePage page;
    const size_t limit = static_cast<size_t>(f.limit);
    if (merged.size() > limit) {
      merged.resize(limit);
      const model::Item& last = merged.back().item;
      page.next_cursor = std::to_string(last.urgent() ? 1 : 0) + "." +
                         std::to_string(last.due_at_ms) + "." + std::to_string(last.id);
    }
    page.items = std::move(merged);
    for (ItemView& v : page.items) {
      v.replies = LoadReplies(db, v.item.id);
      v.outbox = LoadOutbox(db, v.item.comment_id);
    }
    return page;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading the queue failed: ") + e.what());
  }
}

core::Result<ItemView> ItemStore::Get(std::int64_t id) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(), SelectItemsWithComments() + "WHERE i.id=?");
    st.bind(1, id);
    if (!st.executeStep()) return core::NotFound("no item " + std::to_string(id));
    ItemView v{ReadItemRow(st, 0), ReadCommentRow(st, kItemColumnCount), {}, {}};
    v.replies = LoadReplies(lease->db(), id);
    v.outbox = LoadOutbox(lease->db(), v.item.comment_id);
    return v;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading an item failed: ") + e.what());
  }
}

core::Result<ItemDetail> ItemStore::GetDetail(std::int64_t id) {
  auto view = Get(id);
  if (!view.ok()) return view.status();
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  ItemDetail d;
  d.view = std::move(view).value();
  const CommentRow& c = d.view.comment;
  const std::string from_comments = std::string("SELECT ") + kCommentColumns + " FROM comments c ";
  try {
    if (!c.parent_id.empty()) {
      SQLite::Statement st(db, from_comments + "WHERE c.platform=? AND c.external_id=?");
      st.bind(1, c.platform);
      st.bind(2, c.parent_id);
      if (st.executeStep()) d.parent = ReadCommentRow(st, 0);
    }
    {
      // Replies beside this comment: under its parent, or under it (our answers).
      SQLite::Statement st(db, from_comments +
                                   "WHERE c.platform=? AND c.id != ? AND "
                                   "(c.parent_id = ? OR (c.parent_id = ? AND ? != '')) "
                                   "ORDER BY c.created_at_ms, c.id LIMIT 50");
      st.bind(1, c.platform);
      st.bind(2, c.id);
      st.bind(3, c.external_id);
      st.bind(4, c.parent_id);
      st.bind(5, c.parent_id);
      while (st.executeStep()) d.thread_replies.push_back(ReadCommentRow(st, 0));
    }
    if (!c.author_id.empty()) {
      SQLite::Statement st(db, std::string("SELECT ") + kCommentColumns +
                                   ", coalesce(i.state, '') FROM comments c "
                                   "LEFT JOIN items i ON i.comment_id = c.id "
                                   "WHERE c.platform=? AND c.author_id=? AND c.id != ? "
                                   "ORDER BY c.received_at_ms DESC LIMIT 20");
      st.bind(1, c.platform);
      st.bind(2, c.author_id);
      st.bind(3, c.id);
      while (st.executeStep()) {
        d.author_history.push_back({ReadCommentRow(st, 0), st.getColumn(17).getString()});
      }
    }
    SQLite::Statement ev(db, std::string(kSelectEvents) + "WHERE item_id=? ORDER BY id");
    ev.bind(1, id);
    while (ev.executeStep()) d.events.push_back(ReadEventRow(ev));
    return d;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading an item's context failed: ") + e.what());
  }
}

core::Result<model::Item> ItemStore::Update(std::int64_t id, const Decide& decide) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  model::Item saved;
  core::Status s = InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement st(db, std::string("SELECT ") + kItemColumns + " FROM items i WHERE i.id=?");
    st.bind(1, id);
    if (!st.executeStep()) return core::NotFound("no item " + std::to_string(id));
    model::Item current = ReadItemRow(st, 0);
    st.reset();
    auto mutation = decide(current);
    if (!mutation.ok()) return mutation.status();
    Mutation& m = mutation.value();
    m.item.id = id;
    SaveItem(db, m.item);
    if (m.reply) {
      SQLite::Statement ins(db,
                            "INSERT INTO replies(item_id, agent, text, template_id, at_ms, "
                            "guard_overridden, override_reason) VALUES (?,?,?,?,?,?,?)");
      ins.bind(1, id);
      ins.bind(2, m.reply->agent);
      ins.bind(3, m.reply->text);
      ins.bind(4, m.reply->template_id);
      ins.bind(5, m.reply->at_ms);
      ins.bind(6, m.reply->guard_overridden ? 1 : 0);
      ins.bind(7, m.reply->override_reason);
      ins.exec();
    }
    if (m.outbox) {
      if (m.reply) m.outbox->reply_id = db.getLastInsertRowid();
      m.outbox->item_id = id;
      m.outbox->comment_id = m.item.comment_id;
      InsertOutbox(db, *m.outbox);
    }
    if (m.outbox_result && !ApplyOutboxResult(db, *m.outbox_result)) {
      return core::Conflict("the delivery was settled meanwhile");
    }
    if (m.outbox_retry && !RequeueOutbox(db, m.outbox_retry, m.item.comment_id, m.event.at_ms)) {
      return core::Conflict("only a failed delivery of this item can be retried");
    }
    m.event.item_id = id;
    m.event.comment_id = m.item.comment_id;
    AppendEvent(db, m.event);
    saved = m.item;
    return core::Status::Ok();
  });
  if (!s.ok()) return s;
  return saved;
}

core::Result<std::vector<std::int64_t>> ItemStore::ExpiredLeases(std::int64_t now_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(),
                         "SELECT id FROM items WHERE assignee != '' AND lease_expires_at_ms <= ?");
    st.bind(1, now_ms);
    std::vector<std::int64_t> ids;
    while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
    return ids;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading leases failed: ") + e.what());
  }
}

core::Result<ItemStore::QueueStats> ItemStore::Stats() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    QueueStats stats;
    SQLite::Statement st(lease->db(),
                         "SELECT state, severity, count(*) FROM items "
                         "WHERE state IN ('new','claimed','escalated','replied') GROUP BY state, severity");
    while (st.executeStep()) {
      stats.depth.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString(),
                               st.getColumn(2).getInt64());
    }
    SQLite::Statement oldest(lease->db(),
                             "SELECT coalesce(min(posted_at_ms), 0) FROM items "
                             "WHERE state IN ('new','claimed','escalated','replied')");
    if (oldest.executeStep()) stats.oldest_open_posted_at_ms = oldest.getColumn(0).getInt64();
    return stats;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading queue stats failed: ") + e.what());
  }
}

core::Result<std::map<std::string, std::int64_t>> ItemStore::FlaggedByCategory(std::int64_t from_ms,
                                                                               std::int64_t to_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(),
                         "SELECT category, count(*) FROM items WHERE created_at_ms >= ? AND created_at_ms < ? "
                         "GROUP BY category");
    st.bind(1, from_ms);
    st.bind(2, to_ms);
    std::map<std::string, std::int64_t> out;
    while (st.executeStep()) out[st.getColumn(0).getString()] = st.getColumn(1).getInt64();
    return out;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("counting flagged items failed: ") + e.what());
  }
}

core::Status ItemStore::Record(const model::Event& event) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status {
    AppendEvent(db, event);
    return core::Status::Ok();
  });
}

core::Result<std::vector<model::Event>> ItemStore::Events(const EventFilter& f) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  std::string sql = std::string(kSelectEvents) + "WHERE 1=1";
  std::string kind = f.kind;
  bool prefix = !kind.empty() && kind.back() == '*';
  if (prefix) kind.pop_back();
  if (f.item_id) sql += " AND item_id=?";
  if (!f.actor.empty()) sql += " AND actor=?";
  if (!kind.empty()) sql += prefix ? " AND substr(kind, 1, ?) = ?" : " AND kind=?";
  if (f.from_ms) sql += " AND at_ms>=?";
  if (f.to_ms) sql += " AND at_ms<?";
  if (f.before_id) sql += " AND id<?";
  sql += " ORDER BY id DESC LIMIT ?";
  try {
    SQLite::Statement st(lease->db(), sql);
    int n = 1;
    if (f.item_id) st.bind(n++, f.item_id);
    if (!f.actor.empty()) st.bind(n++, f.actor);
    if (!kind.empty()) {
      if (prefix) st.bind(n++, static_cast<int>(kind.size()));
      st.bind(n++, kind);
    }
    if (f.from_ms) st.bind(n++, f.from_ms);
    if (f.to_ms) st.bind(n++, f.to_ms);
    if (f.before_id) st.bind(n++, f.before_id);
    st.bind(n++, f.limit);
    std::vector<model::Event> out;
    while (st.executeStep()) out.push_back(ReadEventRow(st));
    return out;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading events failed: ") + e.what());
  }
}

}  // namespace turnaround::store
