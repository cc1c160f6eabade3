// OutboxSender: the thread that carries outbox entries to the platforms
// through a GraphClient — public replies, hide/unhide, private replies.
//
// Guarantees (README "Replies reach the platform" spells them out):
//  - At most once per entry: an entry is marked `sending` in a committed
//    transaction before its request goes out, and only a queued entry can be.
//    An entry found `sending` at start-up was interrupted with its outcome
//    unknown: a reply is looked for under its comment on the platform (found:
//    sent; otherwise failed "outcome unknown after restart; check the
//    platform"), a hide/unhide is queued again (repeating it is harmless), a
//    private reply is failed (it cannot be looked up; the platform refuses a
//    second one anyway).
//  - Transient failures (5xx, 429 and rate-limit codes, no answer) are retried
//    with exponential backoff and jitter, at least as late as the platform's
//    retry-after, up to max_attempts or max_age; then failed. A reply that got
//    no answer after it was sent may have been posted: before the next attempt
//    the sender looks for it on the platform and only posts if it is not there.
//  - Permanent failures (token, permission, deleted comment, blocked) fail the
//    entry with the platform's message; a failed reply or private reply puts
//    its item back in front of the agent (transition kDeliveryFailed) in the
//    same transaction. Every outcome is an audit event.
//
// Thread behaviour: Start() runs the loop on its own thread; RunOnce() and
// ResolveInterrupted() may instead be called by a test on its own thread (not
// both at once). No lock is held across network I/O. Everything passed in
// must outlive the sender.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "graph/graph_client.h"
#include "store/item_store.h"
#include "store/outbox_store.h"

namespace turnaround::outbox {

// The access token of each configured page, by (platform, page id).
class PageTokens {
 public:
  void Add(const std::string& platform, const std::string& page_id, std::string token);
  // The token, or nullptr when the page is not configured.
  const std::string* Find(const std::string& platform, const std::string& page_id) const;
  bool empty() const { return tokens_.empty(); }

 private:
  std::map<std::pair<std::string, std::string>, std::string> tokens_;
};

struct SenderSettings {
  int max_attempts = 8;                           // then the entry fails
  std::int64_t max_age_ms = 24LL * 3600 * 1000;  // no retry after this long
  std::int64_t first_backoff_ms = 2000;           // doubled per attempt, with jitter
  std::int64_t max_backoff_ms = 15LL * 60 * 1000;
  std::int64_t poll_ms = 1000;  // how often the thread looks for due entries unwoken
  int lookup_pages = 5;         // pages of 100 replies read when looking for ours
};

class OutboxSender {
 public:
  OutboxSender(store::OutboxStore& outbox, store::ItemStore& items, graph::GraphClient& client,
               PageTokens pages, const core::Clock& clock, SenderSettings settings);
  ~OutboxSender();  // Stop()
  OutboxSender(const OutboxSender&) = delete;  // owns a thread
  OutboxSender& operator=(const OutboxSender&) = delete;

  // Settles entries left `sending` by an earlier process, then starts the thread.
  void Start();
  // Lets the current attempt finish (at most the client's timeout), then joins.
  void Stop();
  // A new entry was queued: look now rather than at the next poll.
  void Wake();

  // Attempts every entry due now; returns how many were attempted.
  int RunOnce();
  // See the class comment; returns how many entries were settled.
  int ResolveInterrupted();

 private:
  struct Lookup {
    bool ok = false;
    std::string found_id;  // "" when our reply is not there
    graph::GraphFailure failure;
  };
  void Run();
  void Attempt(const store::OutboxRow& row);
  void Sent(const store::OutboxRow& row, const std::string& platform_id, const char* how);
  void Fail(const store::OutboxRow& row, const std::string& error);
  void Retry(const store::OutboxRow& row, const graph::GraphFailure& f, int attempts);
  Lookup FindOurReply(const store::OutboxRow& row, const graph::Target& t);
  std::int64_t Backoff(int attempts, std::int64_t retry_after_ms);
  void Finish(const store::OutboxRow& row, const store::OutboxResult& r, const char* kind,
              nlohmann::json details);

  store::OutboxStore& outbox_;
  store::ItemStore& items_;
  graph::GraphClient& client_;
  const PageTokens pages_;
  const core::Clock& clock_;
  const SenderSettings settings_;
  std::mt19937_64 rng_;  // jitter; used only by the sending thread

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  bool woken_ = false;     // guarded by mu_
  std::thread thread_;
};

}  // namespace turnaround::outbox
