#include "store/delivery_writer.h"

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
#include "store/sql/audit.h"
#include "store/sql/open.h"
#include "store/sql/sqlite_connection.h"

namespace turnaround::store {

using ingest::CommentWrite;
using ingest::DeliveryOutcome;
using ingest::DeliveryRecord;
using model::CommentAction;

namespace {

constexpr std::chrono::milliseconds kMinReconnectBackoff{100};
constexpr std::chrono::milliseconds kMaxReconnectBackoff{5000};

constexpr const char* kInsertDelivery =
    "INSERT INTO deliveries(endpoint, received_at_ms, accepted, http_status, reason, comment_count, body) "
    "VALUES (?,?,?,?,?,?,?)";
constexpr const char* kFindComment =
    "SELECT id, text, state, received_at_ms FROM comments WHERE platform=? AND external_id=?";
// Idempotent without an error: on PostgreSQL a unique violation would abort
// the whole batch's transaction, not just this statement.
constexpr const char* kInsertComment =
    "INSERT INTO comments(platform, external_id, page_id, post_id, parent_id, author_id, author_name, text, "
    "url, created_at_ms, received_at_ms, updated_at_ms, state, is_ours, delivery_id, is_complaint, is_urgent, "
    "category, severity, confidence, verdict_json, rules_version) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (platform, external_id) DO NOTHING";
constexpr const char* kUpdateText =
    "UPDATE comments SET text=?, updated_at_ms=?, is_complaint=?, is_urgent=?, category=?, severity=?, "
    "confidence=?, verdict_json=?, rules_version=? WHERE id=?";
constexpr const char* kUpdateState = "UPDATE comments SET state=?, updated_at_ms=? WHERE id=?";
constexpr const char* kInsertHistory =
    "INSERT INTO comment_history(comment_id, action, at_ms, old_text, delivery_id) VALUES (?,?,?,?,?)";

// The seven verdict columns of kInsertComment and kUpdateText, in their
// order; NULLs for a write without a verdict.
void AddVerdict(sql::Params& params, const CommentWrite& w) {
  if (!w.verdict) {
    params.insert(params.end(), 7, sql::Value());
    return;
  }
  const model::Verdict& v = *w.verdict;
  params.emplace_back(v.is_complaint ? 1 : 0);
  params.emplace_back(v.urgent_reasons.empty() ? 0 : 1);
  params.emplace_back(v.category);
  params.emplace_back(model::SeverityName(v.severity));
  params.emplace_back(v.confidence);
  params.emplace_back(w.verdict_json.empty() ? classify::VerdictJsonText(v) : w.verdict_json);
  params.emplace_back(v.rules_version);
}

const char* StateAfter(CommentAction action) {
  return action == CommentAction::kRemove ? "withdrawn" : action == CommentAction::kHide ? "hidden" : "visible";
}

// A stored comment as ApplyComment needs it.
struct Stored {
  std::int64_t id = 0;
  std::string text, state;
  std::int64_t received_at_ms = 0;
};

}  // namespace

// The SQL of one batch; used only on the writer thread. Statements are
// prepared once per connection (the connection caches them by their text).
class DeliveryWriter::Applier {
 public:
  Applier(sql::Connection& conn, const Options& options)
      : conn_(conn),
        sla_(options.sla),
        options_(options),
        events_(conn),
        find_item_(std::string("SELECT ") + kItemColumns + " FROM items i WHERE i.comment_id=?") {}

  // BEGIN, then the audit chain head (once per batch; on PostgreSQL under
  // the audit lock, held until the batch ends).
  core::Status BeginBatch() {
    delivery_failed_ = false;
    TA_RETURN_IF_ERROR(conn_.Begin());
    return events_.Begin();
  }
  core::Status CommitBatch() {
    TA_RETURN_IF_ERROR(events_.Flush());
    return conn_.Commit();
  }
  bool delivery_failed() const { return delivery_failed_; }
  void RollbackBatch() { (void)conn_.Rollback(); }  // a failed rollback leaves nothing more to undo

  // Applies one delivery and appends its outcome to `results`.
  // Isolated: inside its own savepoint, so that a delivery that fails is
  // rolled back alone and gets an error there; the returned status then
  // fails only when the savepoint itself cannot be taken or undone, which
  // loses the whole batch. Not isolated (the first pass over a batch: a
  // savepoint is two round trips and a subtransaction on PostgreSQL): a
  // delivery that fails fails the batch and sets delivery_failed(); the
  // caller rolls back and redoes the batch isolated.
  core::Status ApplyOne(const DeliveryRecord& rec, std::vector<core::Result<DeliveryOutcome>>& results,
                        bool isolated) {
    if (!isolated) {
      core::Result<DeliveryOutcome> out = ApplyGuarded(rec);
      if (!out.ok()) {
        delivery_failed_ = true;
        return out.status();
      }
      results.push_back(std::move(out));
      return core::Status::Ok();
    }
    TA_RETURN_IF_ERROR(Exec("SAVEPOINT delivery"));
    // A rolled-back delivery's events go too (none of them is flushed yet).
    const sql::EventAppender::Mark mark = events_.mark();
    core::Result<DeliveryOutcome> out = ApplyGuarded(rec);
    if (out.ok()) {
      results.push_back(std::move(out));
      return Exec("RELEASE delivery");
    }
    core::LogError("store: delivery not stored: " + out.status().ToString());
    results.emplace_back(core::Internal("could not store the delivery"));
    events_.Rewind(mark);
    TA_RETURN_IF_ERROR(Exec("ROLLBACK TO delivery"));
    return Exec("RELEASE delivery");
  }

 private:
  core::Status Exec(const char* sql, const sql::Params& params = {}) { return conn_.Exec(sql, params).status(); }

  // Anything thrown while building the rows fails this delivery alone; its
  // caller gets an error, not a hang.
  core::Result<DeliveryOutcome> ApplyGuarded(const DeliveryRecord& rec) {
    try {
      return Apply(rec);
    } catch (const std::exception& e) {
      return core::Internal(e.what());
    }
  }

  core::Result<DeliveryOutcome> Apply(const DeliveryRecord& rec) {
    DeliveryOutcome out;
    auto id = conn_.InsertReturningId(kInsertDelivery,
                                      {rec.endpoint, rec.received_at_ms, rec.accepted ? 1 : 0, rec.http_status,
                                       rec.reason, rec.writes.size(), sql::Blob{rec.body}});
    if (!id.ok()) return id.status();
    out.delivery_id = *id;
    TA_RETURN_IF_ERROR(Audit(rec.received_at_ms, "webhook:" + rec.endpoint,
                             rec.accepted ? "delivery.accepted" : "delivery.rejected", 0, 0,
                             EventDetails()
                                 .Int("comments", static_cast<std::int64_t>(rec.writes.size()))
                                 .Int("delivery_id", out.delivery_id)
                                 .Str("reason", rec.reason)
                                 .Int("status", rec.http_status)
                                 .Take()));
    for (const CommentWrite& w : rec.writes) TA_RETURN_IF_ERROR(ApplyComment(w, rec.received_at_ms, out));
    return out;
  }

  // kConflict when the comment is already stored.
  core::Status Insert(const CommentWrite& w, core::TimeMs now, DeliveryOutcome& out) {
    const model::Comment& c = w.comment;
    const char* state = StateAfter(c.action);
    sql::Params params{c.platform, c.external_id, c.page_id,  c.post_id,          c.parent_id,
                       c.author_id, c.author_name, c.text,    c.url,              c.created_at_ms,
                       now,         now,           state,     c.from_page ? 1 : 0, out.delivery_id};
    AddVerdict(params, w);
    auto inserted = conn_.InsertReturningId(kInsertComment, params);
    if (!inserted.ok()) return inserted.status();
    const std::int64_t comment_id = *inserted;
    ++out.created;
    // Our own reply coming back: recorded as ours (and its outbox entry as
    // echoed), never queued, even when the author id does not give it away.
    bool echo = false;
    if (c.platform == "facebook" || c.platform == "instagram") {
      auto matched = MatchEcho(conn_, c.platform, c.external_id, c.parent_id, c.text, comment_id, now);
      if (!matched.ok()) return matched.status();
      echo = *matched;
    }
    const bool ours = echo || c.from_page;
    if (echo && !c.from_page) TA_RETURN_IF_ERROR(Exec("UPDATE comments SET is_ours=1 WHERE id=?", {comment_id}));
    if (w.verdict) TA_RETURN_IF_ERROR(AuditVerdict(comment_id, *w.verdict, now));
    if (w.verdict && w.verdict->flagged() && !ours && std::string(state) != "withdrawn") {
      ++out.flagged;
      TA_RETURN_IF_ERROR(CreateItem(comment_id, c, *w.verdict, now, now));
    }
    if (w.verdict && w.verdict->spam && !ours && std::string(state) == "visible") {
      return AutoHide(comment_id, c, now);
    }
    return core::Status::Ok();
  }

  core::Status AutoHide(std::int64_t comment_id, const model::Comment& c, core::TimeMs now) {
    if (!options_.auto_hide_spam || !options_.page_configured || !options_.page_configured(c.platform, c.page_id)) {
      return core::Status::Ok();
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
    auto id = InsertOutbox(conn_, row);
    if (!id.ok()) return id.status();
    return Audit(now, "system", "comment.auto_hide", 0, comment_id, {{"outbox_id", *id}, {"reason", "spam"}});
  }

  // The per-comment events get their details from EventDetails (no JSON tree
  // per event); the rare ones still use nlohmann. Same bytes either way.
  core::Status Audit(core::TimeMs now, const std::string& actor, const char* kind, std::int64_t item_id,
                     std::int64_t comment_id, std::string details) {
    model::Event e;
    e.at_ms = now;
    e.actor = actor;
    e.kind = kind;
    e.item_id = item_id;
    e.comment_id = comment_id;
    e.details = std::move(details);
    events_.Append(std::move(e));
    return core::Status::Ok();
  }
  core::Status Audit(core::TimeMs now, const std::string& actor, const char* kind, std::int64_t item_id,
                     std::int64_t comment_id, const nlohmann::json& details) {
    return Audit(now, actor, kind, item_id, comment_id,
                 details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  core::Status AuditVerdict(std::int64_t comment_id, const model::Verdict& v, core::TimeMs now) {
    return Audit(now, "system", "comment.classified", 0, comment_id,
                 EventDetails()
                     .Str("category", v.category)
                     .Bool("is_complaint", v.is_complaint)
                     .Str("rules_version", v.rules_version)
                     .Str("severity", model::SeverityName(v.severity))
                     .Bool("spam", v.spam)
                     .StrList("urgent_reasons", v.urgent_reasons)
                     .Take());
  }

  core::Status CreateItem(std::int64_t comment_id, const model::Comment& c, const model::Verdict& v,
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
    TA_RETURN_IF_ERROR(InsertItem(conn_, item));
    return Audit(now, "system", "item.created", item.id, comment_id,
                 EventDetails()
                     .Str("category", item.category)
                     .Int("due_at_ms", item.due_at_ms)
                     .Str("severity", model::SeverityName(item.severity))
                     .StrList("urgent_reasons", item.urgent_reasons)
                     .Take());
  }

  core::Result<std::optional<model::Item>> FindItem(std::int64_t comment_id) {
    auto row = conn_.QueryRow(find_item_, {comment_id});
    if (!row.ok()) return row.status();
    if (!row->has_value()) return std::optional<model::Item>();
    return std::optional<model::Item>(ReadItemRow(**row, 0));
  }

  // After an edit: re-open a closed item if the text is a complaint again,
  // refresh an open one's classification, or queue a newly flagged comment.
  core::Status ItemAfterEdit(std::int64_t comment_id, const CommentWrite& w, std::int64_t received_at,
                             core::TimeMs now) {
    const model::Verdict& v = *w.verdict;
    auto found = FindItem(comment_id);
    if (!found.ok()) return found.status();
    const std::optional<model::Item>& item = *found;
    if (!item) return v.flagged() ? CreateItem(comment_id, w.comment, v, received_at, now) : core::Status::Ok();
    if (!v.flagged()) return core::Status::Ok();  // the open item stays: a person decides whether it is handled
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
      return core::Status::Ok();
    }
    TA_RETURN_IF_ERROR(SaveItem(conn_, next));
    return Audit(now, "system", kind, next.id, comment_id,
                 {{"from_state", model::ItemStateName(item->state)},
                  {"severity", model::SeverityName(next.severity)},
                  {"category", next.category}});
  }

  core::Status WithdrawItem(std::int64_t comment_id, core::TimeMs now) {
    auto item = FindItem(comment_id);
    if (!item.ok()) return item.status();
    if (!item->has_value() || !model::IsOpen((*item)->state)) return core::Status::Ok();
    model::Item next = **item;
    next.state = model::ItemState::kWithdrawn;
    next.assignee.clear();
    next.lease_expires_at_ms = 0;
    TA_RETURN_IF_ERROR(SaveItem(conn_, next));
    return Audit(now, "system", "item.withdraw", next.id, comment_id,
                 {{"from_state", model::ItemStateName((*item)->state)}});
  }

  core::Result<std::optional<Stored>> FindComment(const model::Comment& c) {
    auto row = conn_.QueryRow(kFindComment, {c.platform, c.external_id});
    if (!row.ok()) return row.status();
    if (!row->has_value()) return std::optional<Stored>();
    const sql::Row& r = **row;
    return std::optional<Stored>(Stored{r.Int(0), r.Text(1), r.Text(2), r.Int(3)});
  }

  // Deliveries arrive at least once and in any order: an edit or removal may
  // come before its add, and every change may come twice.
  // Most comments are new, so the insert comes first (ON CONFLICT DO
  // NOTHING: one statement instead of a lookup and an insert); only a
  // conflict reads the stored row.
  core::Status ApplyComment(const CommentWrite& w, core::TimeMs now, DeliveryOutcome& out) {
    core::Status inserted = Insert(w, now, out);
    if (inserted.code() != core::Code::kConflict) return inserted;
    auto stored = FindComment(w.comment);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) return core::Internal("comment conflicts on insert but cannot be found");
    return ApplyToStored(**stored, w, now, out);
  }

  core::Status ApplyToStored(const Stored& s, const CommentWrite& w, core::TimeMs now, DeliveryOutcome& out) {
    const model::Comment& c = w.comment;
    switch (c.action) {
      case CommentAction::kCreate:
        ++out.unchanged;  // a retry, or the add arriving after its edit
        return core::Status::Ok();
      case CommentAction::kEdit:
        return Edit(s, w, now, out);
      case CommentAction::kRemove:
      case CommentAction::kHide:
      case CommentAction::kUnhide: {
        const char* next = StateAfter(c.action);
        // A withdrawn comment stays withdrawn: it is gone from the platform.
        if (s.state == next || s.state == "withdrawn") {
          ++out.unchanged;
          return core::Status::Ok();
        }
        TA_RETURN_IF_ERROR(History(s.id, model::ActionName(c.action), now, sql::Value(), out.delivery_id));
        TA_RETURN_IF_ERROR(Exec(kUpdateState, {next, now, s.id}));
        if (c.action == CommentAction::kRemove) TA_RETURN_IF_ERROR(WithdrawItem(s.id, now));
        ++out.changed;
        return core::Status::Ok();
      }
    }
    return core::Internal("unknown comment action");
  }

  core::Status Edit(const Stored& s, const CommentWrite& w, core::TimeMs now, DeliveryOutcome& out) {
    const model::Comment& c = w.comment;
    if (s.text == c.text) {
      ++out.unchanged;
      return core::Status::Ok();
    }
    TA_RETURN_IF_ERROR(History(s.id, "edit", now, s.text, out.delivery_id));
    sql::Params params{c.text, now};
    AddVerdict(params, w);
    params.emplace_back(s.id);
    TA_RETURN_IF_ERROR(Exec(kUpdateText, params));
    ++out.changed;
    if (w.verdict) TA_RETURN_IF_ERROR(AuditVerdict(s.id, *w.verdict, now));
    if (w.verdict && !c.from_page && s.state != "withdrawn") {
      if (w.verdict->flagged()) ++out.flagged;
      return ItemAfterEdit(s.id, w, s.received_at_ms, now);
    }
    return core::Status::Ok();
  }

  core::Status History(std::int64_t comment_id, const char* action, core::TimeMs now, sql::Value old_text,
                       std::int64_t delivery_id) {
    return Exec(kInsertHistory, {comment_id, action, now, std::move(old_text), delivery_id});
  }

  sql::Connection& conn_;
  const queue::SlaTargets sla_;
  const Options options_;
  sql::EventAppender events_;
  const std::string find_item_;  // the SQL, built once from kItemColumns
  bool delivery_failed_ = false;
};

core::Result<std::unique_ptr<DeliveryWriter>> DeliveryWriter::OpenUrl(const std::string& url,
                                                                      const core::Clock& clock,
                                                                      Options options) {
  auto dialect = sql::DialectOf(url);
  if (!dialect.ok()) return dialect.status();
  if (*dialect == sql::Dialect::kSqlite) return Open(sql::SqlitePathOf(url), clock, std::move(options));
  auto conn = sql::OpenConnection(url);
  if (!conn.ok()) return conn.status();
  return std::unique_ptr<DeliveryWriter>(
      new DeliveryWriter(std::move(conn).value(), nullptr, url, clock, std::move(options)));
}

core::Result<std::unique_ptr<DeliveryWriter>> DeliveryWriter::Open(const std::string& path,
                                                                   const core::Clock& clock,
                                                                   Options options) {
  auto db = OpenDatabase(path);
  if (!db.ok()) return db.status();
  auto checkpointer = WalCheckpointer::Start(path);
  if (!checkpointer.ok()) return checkpointer.status();
  auto conn = std::make_unique<sql::SqliteConnection>(std::move(db).value());
  // A batch dirties more pages than SQLite's default 2 MB cache holds; it
  // then spills them to the WAL mid-transaction and writes them again at
  // COMMIT. 16 MB holds a full batch's pages; the 64 MB this was before
  // filled within seconds of ingest and was a quarter of the server's peak
  // RSS, for the same deliveries/s (README, Performance, 2026-12-01).
  TA_RETURN_IF_ERROR(conn->ExecScript("PRAGMA cache_size = -16384"));  // KiB
  // Each delivery's SAVEPOINT keeps the original of every page it changes
  // in a sub-journal; past 64 KB SQLite moves that to a temporary file and
  // then pwrite()s every page image there, delivery after delivery (a third
  // of the writer thread's time in the profile). In memory it is also
  // emptied after each RELEASE.
  TA_RETURN_IF_ERROR(conn->ExecScript("PRAGMA temp_store = MEMORY"));
  checkpointer.value()->Attach(conn->db());
  return std::unique_ptr<DeliveryWriter>(
      new DeliveryWriter(std::move(conn), std::move(checkpointer).value(), "", clock, std::move(options)));
}

DeliveryWriter::DeliveryWriter(std::unique_ptr<sql::Connection> conn,
                               std::unique_ptr<WalCheckpointer> checkpointer, std::string reconnect_url,
                               const core::Clock& clock, Options options)
    : checkpointer_(std::move(checkpointer)),
      conn_(std::move(conn)),
      applier_(std::make_unique<Applier>(*conn_, options)),
      clock_(clock),
      options_(std::move(options)),
      reconnect_url_(std::move(reconnect_url)),
      reconnect_backoff_(kMinReconnectBackoff),
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
  int n = std::snprintf(line, sizeof line,
                        "store: writer committed %llu deliveries in %llu batches (mean %.1f, max %llu); "
                        "per batch %.2f ms applying, %.2f ms committing",
                        static_cast<unsigned long long>(s.deliveries), static_cast<unsigned long long>(s.batches),
                        static_cast<double>(s.deliveries) / static_cast<double>(s.batches),
                        static_cast<unsigned long long>(s.max_batch),
                        static_cast<double>(s.apply_us) / 1000.0 / static_cast<double>(s.batches),
                        static_cast<double>(s.commit_us) / 1000.0 / static_cast<double>(s.batches));
  if (checkpointer_ && n > 0 && static_cast<size_t>(n) < sizeof line) {
    std::snprintf(line + n, sizeof line - static_cast<size_t>(n), "; %llu checkpoints aside (%llu asked), %llu inline",
                  static_cast<unsigned long long>(checkpointer_->background_checkpoints()),
                  static_cast<unsigned long long>(checkpointer_->requested_checkpoints()),
                  static_cast<unsigned long long>(checkpointer_->inline_checkpoints()));
  } else if (s.reconnects > 0 && n > 0 && static_cast<size_t>(n) < sizeof line) {
    std::snprintf(line + n, sizeof line - static_cast<size_t>(n), "; %llu reconnects",
                  static_cast<unsigned long long>(s.reconnects));
  }
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
  completed_.WaitFor(ticket);
  return std::move(*result);
}

void DeliveryWriter::Run() {
  pthread_setname_np(pthread_self(), "ta-writer");  // to tell it apart in top and perf
  std::chrono::steady_clock::time_point last_start{};
  size_t last_size = 0;
  const std::chrono::microseconds window = options_.commit_window;
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      // Each commit rewrites the same hot pages (the rightmost leaves of every
      // index) into the log and pays an fsync, however few deliveries it holds:
      // at a thousand deliveries/s from many connections, batches of 3 wrote
      // ~33 KB of log per delivery (README, Performance).
      if (last_size > 1 && window.count() > 0) {
        cv_.wait_until(lock, last_start + window,
                       [this] { return stopping_ || queue_.size() >= options_.max_batch; });
      }
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    last_start = std::chrono::steady_clock::now();
    last_size = batch.size();
    CommitBatch(batch);
  }
}

bool DeliveryWriter::EnsureConnected() {
  if (reconnect_url_.empty() || conn_->Connected()) return true;
  const auto now = std::chrono::steady_clock::now();
  if (now < next_reconnect_) return false;
  auto conn = sql::OpenConnection(reconnect_url_);
  if (!conn.ok()) {
    next_reconnect_ = now + reconnect_backoff_;
    core::LogWarn("store: writer cannot reconnect to the database (next try in " +
                  std::to_string(reconnect_backoff_.count()) + " ms): " + conn.status().ToString());
    reconnect_backoff_ = std::min(reconnect_backoff_ * 2, kMaxReconnectBackoff);
    return false;
  }
  applier_.reset();  // it refers to the old connection
  conn_ = std::move(conn).value();
  applier_ = std::make_unique<Applier>(*conn_, options_);
  reconnect_backoff_ = kMinReconnectBackoff;
  next_reconnect_ = {};
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.reconnects;
  }
  core::LogInfo("store: writer reconnected to the database");
  return true;
}

core::Status DeliveryWriter::ApplyBatch(const std::deque<Pending>& batch,
                                        std::vector<core::Result<DeliveryOutcome>>& results, bool isolated) {
  TA_RETURN_IF_ERROR(applier_->BeginBatch());
  for (const Pending& p : batch) TA_RETURN_IF_ERROR(applier_->ApplyOne(p.record, results, isolated));
  return core::Status::Ok();
}

void DeliveryWriter::CommitBatch(std::deque<Pending>& batch) {
  std::vector<core::Result<DeliveryOutcome>> results;
  results.reserve(batch.size());
  const auto start = std::chrono::steady_clock::now();
  const bool connected = EnsureConnected();
  core::Status status = connected ? ApplyBatch(batch, results, /*isolated=*/false)
                                 : core::Status(core::Code::kUnavailable, "");
  if (!status.ok() && connected && applier_->delivery_failed()) {  // redo with each delivery in a savepoint
    applier_->RollbackBatch();
    results.clear();
    status = ApplyBatch(batch, results, /*isolated=*/true);
  }
  const auto applied = std::chrono::steady_clock::now();
  if (status.ok()) status = applier_->CommitBatch();
  if (!status.ok()) {
    // Nothing of this batch is acknowledged. A lost connection (EnsureConnected
    // logs its own attempts) says "send it again": a COMMIT cut off may or may
    // not have landed, and a retried delivery is idempotent.
    if (connected) {
      core::LogError("store: batch commit failed: " + status.ToString());
      applier_->RollbackBatch();
    }
    results.assign(batch.size(), conn_->Connected()
                                     ? core::Internal("could not store the delivery")
                                     : core::Status(core::Code::kUnavailable,
                                                    "the database connection was lost; the delivery is "
                                                    "not acknowledged, send it again"));
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
  completed_.Advance(batch.back().ticket);
}

DeliveryWriter::Stats DeliveryWriter::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace turnaround::store
