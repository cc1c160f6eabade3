// Reconciler: the poll that recovers comments the webhooks missed.
//
// Each pass, for every configured page whose gate is open: list the newest
// posts/media within the lookback (ListPosts), then the comments of each
// (ListComments, following paging), then, while the call budget lasts, the
// replies under those comments. Our own page's comments are skipped; the rest
// are classified and handed to the same DeliverySink the webhook pipeline
// writes to, as one delivery of endpoint "reconcile" per page. The store
// dedupes on platform + external id, so `recovered` (comments new to the
// store) is exactly what the webhooks missed; those are queued like any
// webhook comment.
//
// Rate limits: after every call the usage headers are checked; above
// `backoff_usage_percent`, or on a transient failure (5xx, timeout, rate
// limit), the page's pass stops (what was read is still stored) and the page
// is skipped until its PageGate opens. A permanent failure of the page
// (expired token, missing permission) blocks it for a day; a permanent
// failure about one post (deleted) skips that post only.
//
// Thread behaviour: RunOnce() may be called from any thread; a call made while
// another pass runs returns at once with `busy` set. counters() is safe from
// any thread (metrics). Start()/Stop() own a periodic thread; Stop() also
// ends a pass in progress at its next Graph call. No lock is held across a
// Graph call or a store write. Borrowed references must outlive the object.
//
//   Reconciler r(graph, writer, classifier, clock, pages, settings, audit);
//   r.Start();   // a pass every interval_minutes, the first one interval from now
//   ...
//   r.Stop();
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "core/clock.h"
#include "core/periodic.h"
#include "core/status.h"
#include "graph/graph_client.h"
#include "ingest/delivery.h"
#include "model/item.h"
#include "reconcile/page_gate.h"
#include "reconcile/settings.h"

namespace turnaround::reconcile {

// How one page's pass ended.
enum class PageOutcome {
  kOk,         // everything within the lookback was read
  kBudget,     // the call budget ran out (replies of some comments unread)
  kBackedOff,  // usage above the threshold or a transient failure: skipped for a while
  kBlocked,    // a permanent failure of the page: skipped for a day
  kSkipped,    // not run: the page is still backing off or blocked
  kStoreFailed,
  kStopped,    // Stop() was called during the pass
};
const char* PageOutcomeName(PageOutcome o);

struct PageReport {
  std::string platform, page_id;
  PageOutcome outcome = PageOutcome::kOk;
  int posts = 0;      // posts/media whose comments were read
  int seen = 0;       // comments read, ours excluded
  int ours = 0;       // comments written by the page itself (skipped)
  int recovered = 0;  // comments new to the store
  int calls = 0;
  std::int64_t duration_ms = 0;
  std::string detail;  // why it stopped (the platform's message); never a token
};

struct RunReport {
  bool busy = false;  // another pass was running; nothing was done
  std::vector<PageReport> pages;
  int PagesRead() const;  // pages not skipped
  int Posts() const;
  int Seen() const;
  int Recovered() const;
  bool AnyFailed() const;  // a page backed off, was blocked or could not store
};

// Totals since start, for /metrics.
struct Counters {
  std::uint64_t runs = 0;
  std::uint64_t seen = 0, recovered = 0;
  std::uint64_t backoffs = 0;           // page passes stopped by usage or a transient failure
  std::uint64_t permanent_failures = 0;  // page passes that blocked the page
  std::uint64_t store_failures = 0;
  int pages_waiting = 0;  // gauge: pages now skipped (backing off or blocked)
  int pages_blocked = 0;  // gauge: pages now blocked by a permanent failure
};

class Reconciler {
 public:
  // Called with a "reconcile.run" event for each page pass that recovered
  // anything; may be empty (no audit).
  using AuditFn = std::function<core::Status(const model::Event&)>;

  Reconciler(graph::GraphClient& graph, ingest::DeliverySink& sink,
             const classify::ClassifierHolder& classifier, const core::Clock& clock,
             std::vector<graph::Target> pages, Settings settings, AuditFn audit = nullptr);
  ~Reconciler();  // Stop()
  Reconciler(const Reconciler&) = delete;  // owns a thread (through timer_)
  Reconciler& operator=(const Reconciler&) = delete;

  // Starts the periodic pass, first run one interval from now (no-op when
  // interval_minutes is 0 or there are no pages).
  void Start();
  void Stop();

  // One pass over every page; logs one line per page.
  RunReport RunOnce();

  Counters counters() const;

 private:
  PageReport RunPage(const graph::Target& page, core::TimeMs now);
  // Moves the page's gate on after a pass and adds the pass to the counters.
  void Settle(const graph::Target& page, const PageReport& report, PageOutcome pass_outcome,
              core::TimeMs asked_ms);

  graph::GraphClient& graph_;
  ingest::DeliverySink& sink_;
  const classify::ClassifierHolder& classifier_;
  const core::Clock& clock_;
  const std::vector<graph::Target> pages_;
  const Settings settings_;
  const AuditFn audit_;
  std::atomic<bool> running_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> ticked_{false};  // the timer's immediate first call has passed

  mutable std::mutex mu_;
  std::map<std::string, PageGate> gates_;  // guarded by mu_; key platform:page_id
  Counters counters_;                      // guarded by mu_ (gauges computed on read)
  core::PeriodicTask timer_;               // last: stopped before the members it uses go
};

}  // namespace turnaround::reconcile
