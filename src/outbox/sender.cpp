#include "outbox/sender.h"

#include <algorithm>
#include <chrono>

#include "core/log.h"
#include "queue/transitions.h"

namespace turnaround::outbox {

using nlohmann::json;

namespace {

constexpr const char* kUnknownAfterRestart = "outcome unknown after restart; check the platform";

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Where an entry's outcome is recorded in the audit log.
model::Event EventFor(const store::OutboxRow& row, const char* kind, std::int64_t now, json details) {
  model::Event e;
  e.at_ms = now;
  e.actor = "system";
  e.kind = kind;
  e.item_id = row.item_id;
  e.comment_id = row.comment_id;
  details["outbox_id"] = row.id;
  details["action"] = row.kind;
  e.details = Dump(details);
  return e;
}

}  // namespace

void PageTokens::Add(const std::string& platform, const std::string& page_id, std::string token) {
  tokens_[{platform, page_id}] = std::move(token);
}

const std::string* PageTokens::Find(const std::string& platform, const std::string& page_id) const {
  auto it = tokens_.find({platform, page_id});
  return it == tokens_.end() ? nullptr : &it->second;
}

OutboxSender::OutboxSender(store::OutboxStore& outbox, store::ItemStore& items, graph::GraphClient& client,
                           PageTokens pages, const core::Clock& clock, SenderSettings settings)
    : outbox_(outbox),
      items_(items),
      client_(client),
      pages_(std::move(pages)),
      clock_(clock),
      settings_(settings),
      rng_(std::random_device{}()) {}

OutboxSender::~OutboxSender() { Stop(); }

void OutboxSender::Start() {
  const int settled = ResolveInterrupted();
  if (settled > 0) core::LogWarn("outbox: settled " + std::to_string(settled) + " entries interrupted by a restart");
  thread_ = std::thread([this] { Run(); });
}

void OutboxSender::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxSender::Wake() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void OutboxSender::Run() {
  for (;;) {
    try {
      RunOnce();
    } catch (const std::exception& e) {
      core::LogError(std::string("outbox: sender pass failed: ") + e.what());
    }
    std::int64_t wait_ms = settings_.poll_ms;
    auto next = outbox_.NextAttemptAt();
    if (next.ok() && next.value()) wait_ms = std::clamp<std::int64_t>(**next - clock_.NowMs(), 0, settings_.poll_ms);
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(wait_ms), [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

int OutboxSender::RunOnce() {
  auto due = outbox_.Due(clock_.NowMs(), 20);
  if (!due.ok()) {
    core::LogError("outbox: " + due.status().ToString());
    return 0;
  }
  int n = 0;
  for (const store::OutboxRow& row : due.value()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) break;
    }
    Attempt(row);
    ++n;
  }
  return n;
}

void OutboxSender::Attempt(const store::OutboxRow& row) {
  // Committed before the request: from here on a crash leaves `sending`.
  if (!outbox_.MarkSending(row.id, clock_.NowMs()).ok()) return;
  const int attempts = row.attempts + 1;
  const std::string* token = pages_.Find(row.platform, row.page_id);
  if (!token) return Fail(row, "no page token configured for page " + row.page_id);
  const graph::Target t{row.platform, row.page_id, row.target_id, *token};
  if (row.kind == "reply") {
    if (row.verify_first) {
      Lookup l = FindOurReply(row, t);
      if (!l.ok) return Retry(row, l.failure, attempts);
      if (!l.found_id.empty()) return Sent(row, l.found_id, "found on the platform after an unanswered attempt");
    }
    auto r = client_.PublicReply(t, row.text);
    if (r.ok()) return Sent(row, r.value->id, "posted");
    if (r.failure.kind == graph::FailureKind::kPermanent) return Fail(row, r.failure.message);
    return Retry(row, r.failure, attempts);
  }
  if (row.kind == "hide" || row.kind == "unhide") {
    auto r = client_.SetHidden(t, row.kind == "hide");
    if (r.ok()) return Sent(row, "", "done");
    if (r.failure.kind == graph::FailureKind::kPermanent) return Fail(row, r.failure.message);
    graph::GraphFailure f = r.failure;
    f.maybe_done = false;  // repeating a hide is harmless
    return Retry(row, f, attempts);
  }
  if (row.kind == "private_reply") {
    auto r = client_.PrivateReply(t, row.text);
    if (r.ok()) return Sent(row, r.value->id, "sent");
    if (r.failure.kind == graph::FailureKind::kPermanent) return Fail(row, r.failure.message);
    if (r.failure.maybe_done) {
      return Fail(row, "no answer from the platform; the private reply may have been sent: check the inbox");
    }
    return Retry(row, r.failure, attempts);
  }
  Fail(row, "unknown outbox action " + row.kind);
}

void OutboxSender::Finish(const store::OutboxRow& row, const store::OutboxResult& r, const char* kind,
                          json details) {
  core::Status s = outbox_.Finish(r, EventFor(row, kind, r.at_ms, std::move(details)));
  if (!s.ok() && s.code() != core::Code::kConflict) {
    core::LogError("outbox: entry " + std::to_string(row.id) + " result not stored: " + s.ToString());
  }
}

void OutboxSender::Sent(const store::OutboxRow& row, const std::string& platform_id, const char* how) {
  const std::int64_t now = clock_.NowMs();
  Finish(row, {row.id, "sent", platform_id, "", 0, false, now}, "outbox.sent",
         {{"platform_id", platform_id}, {"how", how}});
  core::LogInfo("outbox: entry " + std::to_string(row.id) + " (" + row.kind + ") " + how);
}

void OutboxSender::Fail(const store::OutboxRow& row, const std::string& error) {
  const std::int64_t now = clock_.NowMs();
  const store::OutboxResult result{row.id, "failed", "", error, 0, false, now};
  core::LogWarn("outbox: entry " + std::to_string(row.id) + " (" + row.kind + ") failed");
  if (row.item_id == 0 || (row.kind != "reply" && row.kind != "private_reply")) {
    return Finish(row, result, "outbox.failed", {{"error", error}});
  }
  // The customer was not answered: the item goes back to the agent, in the
  // same transaction as the failure.
  auto r = items_.Update(row.item_id, [&](const model::Item& current) -> core::Result<store::Mutation> {
    queue::Action a{queue::ActionKind::kDeliveryFailed, "system", false, "", error, ""};
    auto t = queue::ApplyAction(current, a, now, 0);
    if (!t.ok()) return t.status();
    store::Mutation m;
    m.item = t->item;
    m.event = EventFor(row, t->event_kind.c_str(), now,
                       {{"error", error},
                        {"from_state", model::ItemStateName(current.state)},
                        {"to_state", model::ItemStateName(t->item.state)}});
    m.outbox_result = result;
    return m;
  });
  if (!r.ok() && r.status().code() != core::Code::kConflict) {
    core::LogError("outbox: entry " + std::to_string(row.id) + " failure not stored: " + r.status().ToString());
  }
}

void OutboxSender::Retry(const store::OutboxRow& row, const graph::GraphFailure& f, int attempts) {
  const std::int64_t now = clock_.NowMs();
  if (attempts >= settings_.max_attempts || now - row.created_at_ms >= settings_.max_age_ms) {
    std::string why = "gave up after " + std::to_string(attempts) + " attempts: " + f.message;
    if (f.maybe_done && row.kind == "reply") why += " (the last attempt may have posted it: check the platform)";
    return Fail(row, why);
  }
  const std::int64_t next = now + Backoff(attempts, f.retry_after_ms);
  Finish(row, {row.id, "queued", "", f.message, next, f.maybe_done && row.kind == "reply", now}, "outbox.retry",
         {{"error", f.message}, {"http_status", f.http_status}, {"code", f.code}, {"attempts", attempts},
          {"next_attempt_in_ms", next - now}});
}

std::int64_t OutboxSender::Backoff(int attempts, std::int64_t retry_after_ms) {
  std::int64_t d = settings_.first_backoff_ms;
  for (int i = 1; i < attempts && d < settings_.max_backoff_ms; ++i) d *= 2;
  d = std::min(d, settings_.max_backoff_ms);
  // Full jitter over the upper half, so retries after one outage spread out.
  std::uniform_int_distribution<std::int64_t> jitter(d / 2, d);
  return std::max(jitter(rng_), retry_after_ms);
}

OutboxSender::Lookup OutboxSender::FindOurReply(const store::OutboxRow& row, const graph::Target& t) {
  Lookup out;
  std::string cursor;
  // Ours: same text, from the page (Instagram may show another id for the
  // account), not older than the entry itself (a minute of clock skew allowed).
  const std::int64_t not_before = row.created_at_ms - 60 * 1000;
  for (int page = 0; page < settings_.lookup_pages; ++page) {
    auto r = client_.ListComments(t, graph::CommentsOf::kComment, cursor, 100);
    if (!r.ok()) {
      out.failure = r.failure;
      return out;
    }
    for (const graph::RemoteComment& c : r.value->data) {
      const bool from_us = c.from_id == row.page_id || row.platform == "instagram";
      if (from_us && c.text == row.text && (c.created_at_ms == 0 || c.created_at_ms >= not_before)) {
        out.ok = true;
        out.found_id = c.id;
        return out;
      }
    }
    cursor = r.value->next_cursor;
    if (cursor.empty()) break;
  }
  out.ok = true;
  return out;
}

int OutboxSender::ResolveInterrupted() {
  auto rows = outbox_.InState("sending");
  if (!rows.ok()) {
    core::LogError("outbox: " + rows.status().ToString());
    return 0;
  }
  int n = 0;
  for (const store::OutboxRow& row : rows.value()) {
    ++n;
    const std::int64_t now = clock_.NowMs();
    if (row.kind == "hide" || row.kind == "unhide") {
      Finish(row, {row.id, "queued", "", "interrupted by a restart", now, false, now}, "outbox.retry",
             {{"error", "interrupted by a restart"}});
      continue;
    }
    const std::string* token = pages_.Find(row.platform, row.page_id);
    if (row.kind != "reply" || !token) {
      Fail(row, kUnknownAfterRestart);
      continue;
    }
    Lookup l = FindOurReply(row, {row.platform, row.page_id, row.target_id, *token});
    if (l.ok && !l.found_id.empty()) {
      Sent(row, l.found_id, "found on the platform after a restart");
    } else {
      Fail(row, kUnknownAfterRestart);
    }
  }
  return n;
}

}  // namespace turnaround::outbox
