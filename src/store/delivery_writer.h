// DeliveryWriter: the one writer of webhook deliveries, with group commit.
//
// Handler threads call Write() and block; a single writer thread takes every
// delivery waiting (up to max_batch), applies each inside its own SAVEPOINT
// (one bad delivery fails alone), commits the lot in one durable transaction,
// then wakes each caller with its own outcome. A batch of 100 costs about the
// same fsync as one delivery, which is what lets ingest keep up with bursts
// while still acknowledging only what is on disk.
//
// Invariants:
//  - Write() returns success only after the COMMIT holding its rows returned.
//  - Comments are unique on (platform, external_id); re-applying a change that
//    is already stored changes nothing (counted as `unchanged`).
//  - A flagged comment (complaint or urgent, not ours, not withdrawn) gets its
//    queue item in the same transaction; an edit re-classifies and may reopen
//    or create it; a removal withdraws it. Every delivery, verdict and item
//    change is an audit event.
//  - After Shutdown(), pending writes are still committed; new ones fail with
//    kUnavailable.
//
// On either engine (sql/connection.h). On PostgreSQL each batch holds the
// audit lock (sql/audit.h) from its BEGIN to its COMMIT, so writers of
// several instances commit their batches one after another; a comment stored
// meanwhile by another instance is found, not inserted twice (ON CONFLICT DO
// NOTHING, then read again).
//
// Lost connection (PostgreSQL: a server restart, a failover,
// pg_terminate_backend): a batch that fails because of it is answered
// kUnavailable (503), never success, since whether a COMMIT cut off half-way
// took effect is unknown and a platform's retry is idempotent. Before each
// batch the writer checks its connection (without a round trip) and opens a
// new one when the old is gone, so a connection dropped while idle costs no
// delivery at all. While the server cannot be reached, reconnection is tried
// again after a backoff (100 ms doubling to 5 s) and the batches between
// fail at once with kUnavailable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "core/ticket_gate.h"
#include "ingest/delivery.h"
#include "queue/sla.h"
#include "store/sql/connection.h"
#include "store/wal_checkpointer.h"

namespace turnaround::store {

class DeliveryWriter final : public ingest::DeliverySink {
 public:
  struct Options {
    size_t max_batch = 256;  // deliveries per transaction at most
    // Group commit window: while deliveries keep arriving together (the last
    // batch held more than one), a batch smaller than max_batch waits until
    // this long after the previous commit began, so that a moderate stream
    // commits fewer, larger transactions. A lone sender's delivery (the last
    // batch held one) never waits. Zero turns the wait off.
    std::chrono::microseconds commit_window{5000};
    queue::SlaTargets sla;   // due times of the items created
    // Queue a hide of each new spam comment on a page we hold a token for
    // (moderation.auto_hide_spam; audited as comment.auto_hide).
    bool auto_hide_spam = false;
    std::function<bool(const std::string& platform, const std::string& page_id)> page_configured;
  };

  // Opens its own read-write connection to `url` (sqlite:PATH or
  // postgresql://..., sql/open.h; migrating it) and starts the writer thread.
  // kInvalidArgument for another URL, kUnavailable when PostgreSQL cannot be
  // reached, kInternal when opening or migrating fails.
  static core::Result<std::unique_ptr<DeliveryWriter>> OpenUrl(const std::string& url,
                                                               const core::Clock& clock,
                                                               Options options);
  // The same for the SQLite database at `path` (OpenUrl("sqlite:" + path)).
  static core::Result<std::unique_ptr<DeliveryWriter>> Open(const std::string& path,
                                                            const core::Clock& clock,
                                                            Options options);
  static core::Result<std::unique_ptr<DeliveryWriter>> Open(const std::string& path,
                                                            const core::Clock& clock) {
    return Open(path, clock, Options());
  }

  ~DeliveryWriter() override;  // Shutdown() then join
  DeliveryWriter(const DeliveryWriter&) = delete;  // owns a thread and a connection
  DeliveryWriter& operator=(const DeliveryWriter&) = delete;

  core::Result<ingest::DeliveryOutcome> Write(ingest::DeliveryRecord record) override;

  // Commits what is pending and stops the thread.
  void Shutdown();

  // Number of transactions committed so far (for metrics and tests).
  std::uint64_t commits() const;

  // Where the writer thread's time went (logged at Shutdown): applying a
  // batch's statements versus its COMMIT, which holds the fsync.
  struct Stats {
    std::uint64_t batches = 0, deliveries = 0, max_batch = 0;
    std::uint64_t apply_us = 0;   // BEGIN through the last delivery's statements
    std::uint64_t commit_us = 0;  // COMMIT
    std::uint64_t reconnects = 0;  // new connections after a lost one (PostgreSQL)
  };
  Stats stats() const;

 private:
  // A caller's delivery and where its outcome goes. The caller waits on its
  // stack until completed_ reaches its ticket; then `result` is set.
  struct Pending {
    ingest::DeliveryRecord record;
    std::optional<core::Result<ingest::DeliveryOutcome>>* result;
    std::uint64_t ticket;
  };
  class Applier;  // the SQL, in delivery_writer.cpp

  // `checkpointer` is null on PostgreSQL; `reconnect_url` is "" on SQLite
  // (a SQLite connection is never lost).
  DeliveryWriter(std::unique_ptr<sql::Connection> conn, std::unique_ptr<WalCheckpointer> checkpointer,
                 std::string reconnect_url, const core::Clock& clock, Options options);
  void Run();
  // BEGIN and every delivery of `batch`, each in its own savepoint when
  // `isolated`; results in `results`.
  core::Status ApplyBatch(const std::deque<Pending>& batch,
                          std::vector<core::Result<ingest::DeliveryOutcome>>& results, bool isolated);
  void CommitBatch(std::deque<Pending>& batch);
  // Whether the connection is up, replacing a lost one when the backoff
  // allows. Writer thread only.
  bool EnsureConnected();

  // Declared first so that it outlives the SQLite connection whose hook
  // points at it; null on PostgreSQL.
  std::unique_ptr<WalCheckpointer> checkpointer_;
  std::unique_ptr<sql::Connection> conn_;  // used only by the writer thread
  std::unique_ptr<Applier> applier_;      // used only by the writer thread
  const core::Clock& clock_;
  const Options options_;
  const std::string reconnect_url_;
  // When EnsureConnected may try again, and the wait after the next failure;
  // used only by the writer thread.
  std::chrono::steady_clock::time_point next_reconnect_{};
  std::chrono::milliseconds reconnect_backoff_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;  // guarded by mu_
  bool stopping_ = false;      // guarded by mu_
  std::uint64_t commits_ = 0;  // guarded by mu_
  Stats stats_;                // guarded by mu_
  std::uint64_t tickets_ = 0;  // guarded by mu_; the last ticket handed out
  // Every ticket up to its value has its result set. One Advance wakes a
  // whole batch's callers (a futex wake per caller cost the single writer
  // thread about a tenth of its time).
  core::TicketGate completed_;
  std::thread thread_;
};

}  // namespace turnaround::store
