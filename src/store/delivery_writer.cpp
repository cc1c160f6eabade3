#include "store/delivery_writer.h"

#include <SQLiteCpp/Statement.h>
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "classify/verdict_json.h"
#include "core/log.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/item_store.h"
#include "store/outbox_store.h"

namespace turnaround::store {

using ingest::CommentWrite;
using ingest::DeliveryOutcome;
using ingest::DeliveryRecord;
using model::CommentAction;

// Holds the prepared statements; used only on the writer thread.
class DeliveryWriter::Applier {
 public:
  Applier(SQLite::Database& db, const Options& options)
      : db_(db),
        sla_(options.sla),
        options_(options),
        events_(db),
        insert_delivery_(db, "INSERT INTO deliveries(endpoint, received_at_ms, accepted, "
                             "http_status, reason, comment_count, body) VALUES (?,?,?,?,?,?,?)"),
        find_comment_(db, "SELECT id, text, state, received_at_ms, is_ours FROM comments WHERE platform=? AND external_id=?"),
        insert_comment_(db,
                        "INSERT INTO comments(platform, external_id, page_id, post_id, parent_id, "
                        "author_id, author_name, text, url, created_at_ms, received_at_ms, "
                        "updated_at_ms, state, is_ours, delivery_id, is_complaint, is_urgent, "
                        "category, severity, confidence, verdict_json, rules_version) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        update_text_(db,
                     "UPDATE comments SET text=?, updated_at_ms=?, is_complaint=?, is_urgent=?, "
                     "category=?, severity=?, confidence=?, verdict_json=?, rules_version=? "
                     "WHERE id=?"),
        update_state_(db, "UPDATE comments SET state=?, updated_at_ms=? WHERE id=?"),
        insert_history_(db, "INSERT INTO comment_history(comment_id, action, at_ms, old_text, "
                            "delivery_id) VALUES (?,?,?,?,?)"),
        find_item_(db, std::string("SELECT ") + kItemColumns + " FROM items i WHERE i.comment_id=?"),
        begin_(db, "BEGIN IMMEDIATE"),
        commit_(db, "COMMIT"),
        savepoint_(db, "SAVEPOINT delivery"),
        release_(db, "RELEASE delivery"),
        rollback_to_(db, "ROLLBACK TO delivery") {}

  // Transaction control, prepared once rather than parsed again for every
  // delivery. BeginBatch also reads the audit chain head (once per batch).
  void BeginBatch() {
    Run(begin_);
    events_.Begin();
  }
  void CommitBatch() { Run(commit_); }
  void Savepoint() { Run(savepoint_); }
  void ReleaseSavepoint() { Run(release_); }
  void RollbackToSavepoint() {
    Run(rollback_to_);
    Run(release_);
  }
  // Around each delivery's savepoint: a rolled-back delivery's events are
  // gone, so the in-memory chain head goes back too.
  EventAppender::Head SaveHead() const { return events_.head(); }
  void RestoreHead(EventAppender::Head head) { events_.set_head(std::move(head)); }

  // Applies one delivery; throws SQLite::Exception on a database error.
  DeliveryOutcome Apply(const DeliveryRecord& rec) {
    DeliveryOutcome out;
    Reset(insert_delivery_);
    insert_delivery_.bind(1, rec.endpoint);
    insert_delivery_.bind(2, static_cast<std::int64_t>(rec.received_at_ms));
    insert_delivery_.bind(3, rec.accepted ? 1 : 0);
    insert_delivery_.bind(4, rec.http_status);
    insert_delivery_.bind(5, rec.reason);
    insert_delivery_.bind(6, static_cast<int>(rec.writes.size()));
    insert_delivery_.bindNoCopy(7, rec.body.data(), static_cast<int>(rec.body.size()));
    insert_delivery_.exec();
    out.delivery_id = db_.getLastInsertRowid();
    Audit(rec.received_at_ms, "webhook:" + rec.endpoint,
          rec.accepted ? "delivery.accepted" : "delivery.rejected", 0, 0,
          EventDetails()
              .Int("comments", static_cast<std::int64_t>(rec.writes.size()))
              .Int("delivery_id", out.delivery_id)
              .Str("reason", rec.reason)
              .Int("status", rec.http_status)
              .Take());
    for (const CommentWrite& w : rec.writes) ApplyComment(w, rec.received_at_ms, out);
    return out;
  }

 private:
  static void Reset(SQLite::Statement& st) {
    st.reset();
    st.clearBindings();
  }
  static void Run(SQLite::Statement& st) {
    st.reset();  // in case an earlier run threw before its reset
    st.exec();
    st.reset();
  }

  void BindVerdict(SQLite::Statement& st, int first, const CommentWrite& w) {
    if (!w.verdict) {
      for (int i = 0; i < 7; ++i) st.bind(first + i);  // NULLs
      return;
    }
    const model::Verdict& v = *w.verdict;
    st.bind(first, v.is_complaint ? 1 : 0);
    st.bind(first + 1, v.urgent_reasons.empty() ? 0 : 1);
    st.bind(first + 2, v.category);
    st.bind(first + 3, model::SeverityName(v.severity));
    st.bind(first + 4, v.confidence);
    st.bind(first + 5, w.verdict_json.empty()
                           ? classify::VerdictToJson(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                           : w.verdict_json);
    st.bind(first + 6, v.rules_version);
  }

  void Insert(const CommentWrite& w, const char* state, core::TimeMs now, DeliveryOutcome& out) {
    const model::Comment& c = w.comment;
    Reset(insert_comment_);
    insert_comment_.bind(1, c.platform);
    insert_comment_.bind(2, c.external_id);
    insert_comment_.bind(3, c.page_id);
    insert_comment_.bind(4, c.post_id);
    insert_comment_.bind(5, c.parent_id);
    insert_comment_.bind(6, c.author_id);
    insert_comment_.bind(7, c.author_name);
    insert_comment_.bind(8, c.text);
    insert_comment_.bind(9, c.url);
    insert_comment_.bind(10, static_cast<std::int64_t>(c.created_at_ms));
    insert_comment_.bind(11, static_cast<std::int64_t>(now));
    insert_comment_.bind(12, static_cast<std::int64_t>(now));
    insert_comment_.bind(13, state);
    insert_comment_.bind(14, c.from_page ? 1 : 0);
    insert_comment_.bind(15, static_cast<std::int64_t>(out.delivery_id));
    BindVerdict(insert_comment_, 16, w);
    insert_comment_.exec();
    const std::int64_t comment_id = db_.getLastInsertRowid();
    ++out.created;
    // Our own reply coming back: recorded as ours (and its outbox entry as
    // echoed), never queued, even when the author id does not give it away.
    const bool meta = c.platform == "facebook" || c.platform == "instagram";
    const bool ours = (meta && MatchEcho(cache_, c.platform, c.external_id, c.parent_id, c.text, comment_id, now)) ||
                      c.from_page;
    if (ours && !c.from_page) {
      SQLite::Statement& mark = cache_.Get("UPDATE comments SET is_ours=1 WHERE id=?");
      mark.bind(1, comment_id);
      mark.exec();
    }
    if (w.verdict) AuditVerdict(comment_id, *w.verdict, now);
    if (w.verdict && w.verdict->flagged() && !ours && std::string(state) != "withdrawn") {
      ++out.flagged;
      CreateItem(comment_id, c, *w.verdict, now, now);
    }
    if (w.verdict && w.verdict->spam && !ours && std::string(state) == "visible") AutoHide(comment_id, c, now);
  }

  void AutoHide(std::int64_t comment_id, const model::Comment& c, core::TimeMs now) {
    if (!options_.auto_hide_spam || !options_.page_configured || !options_.page_configured(c.platform, c.page_id)) {
      return;
    }
    OutboxRow row;
    row.comment_id = comment_id;
    row.kind = "hide";
    row.platform = c.platform;
    row.page_id = c.page_id;
    row.target_id = c.external_id;
    row.actor = "system";
    row.next_attempt_at_ms = now;
    row.created_at_ms = now;
    const std::int64_t id = InsertOutbox(db_, row);
    Audit(now, "system", "comment.auto_hide", 0, comment_id, {{"outbox_id", id}, {"reason", "spam"}});
  }

  // The per-comment events get their details from EventDetails (no JSON tree
  // per event); the rare ones still use nlohmann. Same bytes either way.
  void Audit(core::TimeMs now, const std::string& actor, const char* kind, std::int64_t item_id,
             std::int64_t comment_id, std::string details) {
    model::Event e;
    e.at_ms = now;
    e.actor = actor;
    e.kind = kind;
    e.item_id = item_id;
    e.comment_id = comment_id;
    e.details = std::move(details);
    events_.Append(std::move(e));
  }
  void Audit(core::TimeMs now, const std::string& actor, const char* kind, std::int64_t item_id,
             std::int64_t comment_id, const nlohmann::json& details) {
    Audit(now, actor, kind, item_id, comment_id,
          details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  void AuditVerdict(std::int64_t comment_id, const model::Verdict& v, core::TimeMs now) {
    Audit(now, "system", "comment.classified", 0, comment_id,
          EventDetails()
              .Str("category", v.category)
              .Bool("is_complaint", v.is_complaint)
              .Str("rules_version", v.rules_version)
              .Str("severity", model::SeverityName(v.severity))
              .Bool("spam", v.spam)
              .StrList("urgent_reasons", v.urgent_reasons)
              .Take());
  }

  void CreateItem(std::int64_t comment_id, const model::Comment& c, const model::Verdict& v,
                  core::TimeMs received, core::TimeMs now) {
    model::Item item;
    item.comment_id = comment_id;
    item.state = model::ItemState::kNew;
    item.severity = v.severity;
    item.category = v.category;
    item.urgent_reasons = v.urgent_reasons;
    item.platform = c.platform;
    item.created_at_ms = now;
    item.received_at_ms = received;
    item.posted_at_ms = c.created_at_ms > 0 && c.created_at_ms <= received ? c.created_at_ms : received;
    item.due_at_ms = queue::DueAt(sla_, v.severity, c.created_at_ms, received);
    InsertItem(cache_, item);
    Audit(now, "system", "item.created", item.id, comment_id,
          EventDetails()
              .Str("category", item.category)
              .Int("due_at_ms", item.due_at_ms)
              .Str("severity", model::SeverityName(item.severity))
              .StrList("urgent_reasons", item.urgent_reasons)
              .Take());
  }

  std::optional<model::Item> FindItem(std::int64_t comment_id) {
    Reset(find_item_);
    find_item_.bind(1, comment_id);
    if (!find_item_.executeStep()) return std::nullopt;
    model::Item item = ReadItemRow(find_item_, 0);
    find_item_.reset();
    return item;
  }

  // After an edit: re-open a closed item if the text is a complaint again,
  // refresh an open one's classification, or queue a newly flagged comment.
  void ItemAfterEdit(std::int64_t comment_id, const CommentWrite& w, std::int64_t received_at,
                     core::TimeMs now) {
    const model::Verdict& v = *w.verdict;
    std::optional<model::Item> item = FindItem(comment_id);
    if (!item) {
      if (v.flagged()) CreateItem(comment_id, w.comment, v, received_at, now);
      return;
    }
    if (!v.flagged()) return;  // the open item stays: a person decides whether it is handled
    model::Item next = *item;
    next.severity = std::max(item->severity, v.severity);
    next.category = v.category;
    next.urgent_reasons = v.urgent_reasons;
    next.due_at_ms = std::min(item->due_at_ms, queue::DueAt(sla_, next.severity, item->posted_at_ms, received_at));
    const char* kind = "item.reclassified";
    if (item->state == model::ItemState::kResolved || item->state == model::ItemState::kDismissed) {
      next.state = model::ItemState::kNew;
      next.resolved_at_ms = 0;
      next.dismiss_reason.clear();
      kind = "item.reopen";
    } else if (!model::IsOpen(item->state)) {
      return;
    }
    SaveItem(db_, next);
    Audit(now, "system", kind, next.id, comment_id,
          {{"from_state", model::ItemStateName(item->state)},
           {"severity", model::SeverityName(next.severity)},
           {"category", next.category}});
  }

  void WithdrawItem(std::int64_t comment_id, core::TimeMs now) {
    std::optional<model::Item> item = FindItem(comment_id);
    if (!item || !model::IsOpen(item->state)) return;
    model::Item next = *item;
    next.state = model::ItemState::kWithdrawn;
    next.assignee.clear();
    next.lease_expires_at_ms = 0;
    SaveItem(db_, next);
    Audit(now, "system", "item.withdraw", next.id, comment_id,
          {{"from_state", model::ItemStateName(item->state)}});
  }

  void History(std::int64_t comment_id, const char* action, core::TimeMs now,
               const std::string* old_text, std::int64_t delivery_id) {
    Reset(insert_history_);
    insert_history_.bind(1, comment_id);
    insert_history_.bind(2, action);
    insert_history_.bind(3, static_cast<std::int64_t>(now));
    if (old_text) insert_history_.bind(4, *old_text);
    insert_history_.bind(5, delivery_id);
    insert_history_.exec();
  }

  void SetState(std::int64_t id, const char* state, core::TimeMs now) {
    Reset(update_state_);
    update_state_.bind(1, state);
    update_state_.bind(2, static_cast<std::int64_t>(now));
    update_state_.bind(3, id);
    update_state_.exec();
  }

  // Deliveries arrive at least once and in any order: an edit or removal may
  // come before its add, and every change may come twice.
  void ApplyComment(const CommentWrite& w, core::TimeMs now, DeliveryOutcome& out) {
    const model::Comment& c = w.comment;
    Reset(find_comment_);
    find_comment_.bind(1, c.platform);
    find_comment_.bind(2, c.external_id);
    if (!find_comment_.executeStep()) {
      const char* state = c.action == CommentAction::kRemove ? "withdrawn"
                          : c.action == CommentAction::kHide ? "hidden"
                                                             : "visible";
      Insert(w, state, now, out);
      return;
    }
    const std::int64_t id = find_comment_.getColumn(0).getInt64();
    const std::string old_text = find_comment_.getColumn(1).getString();
    const std::string state = find_comment_.getColumn(2).getString();
    const std::int64_t received_at = find_comment_.getColumn(3).getInt64();
    find_comment_.reset();
    switch (c.action) {
      case CommentAction::kCreate:
        ++out.unchanged;  // a retry, or the add arriving after its edit
        return;
      case CommentAction::kEdit:
        if (old_text == c.text) {
          ++out.unchanged;
          return;
        }
        History(id, "edit", now, &old_text, out.delivery_id);
        Reset(update_text_);
        update_text_.bind(1, c.text);
        update_text_.bind(2, static_cast<std::int64_t>(now));
        BindVerdict(update_text_, 3, w);
        update_text_.bind(10, id);
        update_text_.exec();
        ++out.changed;
        if (w.verdict) AuditVerdict(id, *w.verdict, now);
        if (w.verdict && !c.from_page && state != "withdrawn") {
          if (w.verdict->flagged()) ++out.flagged;
          ItemAfterEdit(id, w, received_at, now);
        }
        return;
      case CommentAction::kRemove:
      case CommentAction::kHide:
      case CommentAction::kUnhide: {
        const char* next = c.action == CommentAction::kRemove ? "withdrawn"
                           : c.action == CommentAction::kHide ? "hidden"
                                                              : "visible";
        // A withdrawn comment stays withdrawn: it is gone from the platform.
        if (state == next || state == "withdrawn") {
          ++out.unchanged;
          return;
        }
        History(id, model::ActionName(c.action), now, nullptr, out.delivery_id);
        SetState(id, next, now);
        if (c.action == CommentAction::kRemove) WithdrawItem(id, now);
        ++out.changed;
        return;
      }
    }
  }

  SQLite::Database& db_;
  const queue::SlaTargets sla_;
  const Options options_;
  EventAppender events_;
  SQLite::Statement insert_delivery_;
  SQLite::Statement find_comment_;
  SQLite::Statement insert_comment_;
  SQLite::Statement update_text_;
  SQLite::Statement update_state_;
  SQLite::Statement insert_history_;
  SQLite::Statement find_item_;
  SQLite::Statement begin_, commit_, savepoint_, release_, rollback_to_;
  StatementCache cache_{db_};
};

core::Result<std::unique_ptr<DeliveryWriter>> DeliveryWriter::Open(const std::string& path,
                                                                   const core::Clock& clock,
                                                                   Options options) {
  auto db = OpenDatabase(path);
  if (!db.ok()) return db.status();
  auto checkpointer = WalCheckpointer::Start(path);
  if (!checkpointer.ok()) return checkpointer.status();
  try {
    // A batch dirties more pages than SQLite's default 2 MB cache holds; it
    // then spills them to the WAL mid-transaction and writes them again at
    // COMMIT.
    db.value()->exec("PRAGMA cache_size = -65536");  // KiB
    // Each delivery's SAVEPOINT keeps the original of every page it changes
    // in a sub-journal; past 64 KB SQLite moves that to a temporary file and
    // then pwrite()s every page image there, delivery after delivery (a third
    // of the writer thread's time in the profile). In memory it is also
    // emptied after each RELEASE.
    db.value()->exec("PRAGMA temp_store = MEMORY");
    checkpointer.value()->Attach(*db.value());
    return std::unique_ptr<DeliveryWriter>(new DeliveryWriter(
        std::move(db).value(), std::move(checkpointer).value(), clock, options));
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("cannot prepare writer statements: ") + e.what());
  }
}

DeliveryWriter::DeliveryWriter(std::unique_ptr<SQLite::Database> db,
                               std::unique_ptr<WalCheckpointer> checkpointer,
                               const core::Clock& clock, Options options)
    : checkpointer_(std::move(checkpointer)),
      db_(std::move(db)),
      applier_(std::make_unique<Applier>(*db_, options)),
      clock_(clock),
      options_(options),
      thread_([this] { Run(); }) {}

DeliveryWriter::~DeliveryWriter() { Shutdown(); }

void DeliveryWriter::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (!thread_.joinable()) return;
  thread_.join();
  const Stats s = stats();
  if (s.batches == 0) return;
  // One line for whoever tunes ingest: batch size and where a batch's time went.
  char line[256];
  std::snprintf(line, sizeof line,
                "store: writer committed %llu deliveries in %llu batches (mean %.1f, max %llu); "
                "per batch %.2f ms applying, %.2f ms committing; %llu checkpoints aside, %llu inline",
                static_cast<unsigned long long>(s.deliveries), static_cast<unsigned long long>(s.batches),
                static_cast<double>(s.deliveries) / static_cast<double>(s.batches),
                static_cast<unsigned long long>(s.max_batch),
                static_cast<double>(s.apply_us) / 1000.0 / static_cast<double>(s.batches),
                static_cast<double>(s.commit_us) / 1000.0 / static_cast<double>(s.batches),
                static_cast<unsigned long long>(checkpointer_->background_checkpoints()),
                static_cast<unsigned long long>(checkpointer_->inline_checkpoints()));
  core::LogInfo(line);
}

std::uint64_t DeliveryWriter::commits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return commits_;
}

core::Result<DeliveryOutcome> DeliveryWriter::Write(DeliveryRecord record) {
  if (record.received_at_ms == 0) record.received_at_ms = clock_.NowMs();
  std::optional<core::Result<DeliveryOutcome>> result;
  std::uint64_t ticket;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return core::Status(core::Code::kUnavailable, "server is shutting down");
    ticket = ++tickets_;
    queue_.push_back(Pending{std::move(record), &result, ticket});
  }
  cv_.notify_one();
  // Tickets complete in order (the queue is FIFO and batches are committed
  // one after another), so reaching ours means our result is written.
  for (std::uint64_t done = completed_.load(std::memory_order_acquire); done < ticket;
       done = completed_.load(std::memory_order_acquire)) {
    completed_.wait(done, std::memory_order_acquire);
  }
  return std::move(*result);
}

void DeliveryWriter::Run() {
  pthread_setname_np(pthread_self(), "ta-writer");  // to tell it apart in top and perf
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
  }
}

void DeliveryWriter::CommitBatch(std::deque<Pending>& batch) {
  std::vector<core::Result<DeliveryOutcome>> results;
  results.reserve(batch.size());
  const auto start = std::chrono::steady_clock::now();
  auto applied = start;
  try {
    applier_->BeginBatch();
    for (Pending& p : batch) {
      applier_->Savepoint();
      EventAppender::Head head = applier_->SaveHead();
      try {
        results.emplace_back(applier_->Apply(p.record));
        applier_->ReleaseSavepoint();
      } catch (const std::exception& e) {
        // Any failure (a database error, or anything thrown while building the
        // rows) fails this delivery alone; its caller gets an error, not a hang.
        applier_->RollbackToSavepoint();
        applier_->RestoreHead(std::move(head));
        core::LogError(std::string("store: delivery not stored: ") + e.what());
        results.emplace_back(core::Internal("could not store the delivery"));
      }
    }
    applied = std::chrono::steady_clock::now();
    applier_->CommitBatch();
  } catch (const std::exception& e) {
    // The commit itself failed: nothing of this batch is durable.
    core::LogError(std::string("store: batch commit failed: ") + e.what());
    try {
      db_->exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // Already rolled back by SQLite; nothing more to undo.
    }
    for (auto& r : results) r = core::Internal("could not store the delivery");
    while (results.size() < batch.size()) results.emplace_back(core::Internal("could not store the delivery"));
  }
  const auto committed = std::chrono::steady_clock::now();
  using us = std::chrono::microseconds;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++commits_;
    stats_.batches++;
    stats_.deliveries += batch.size();
    stats_.max_batch = std::max<std::uint64_t>(stats_.max_batch, batch.size());
    stats_.apply_us += static_cast<std::uint64_t>(std::chrono::duration_cast<us>(applied - start).count());
    stats_.commit_us += static_cast<std::uint64_t>(std::chrono::duration_cast<us>(committed - applied).count());
  }
  for (size_t i = 0; i < batch.size(); ++i) *batch[i].result = std::move(results[i]);
  completed_.store(batch.back().ticket, std::memory_order_release);
  completed_.notify_all();
}

DeliveryWriter::Stats DeliveryWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace turnaround::store
