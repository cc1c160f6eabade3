// PgPool: a bounded pool of PostgreSQL connections to one URL. Thread-safe.
// Connections are opened on demand up to `max_connections`; beyond that
// Acquire waits for one to come back. A connection that comes back broken
// (or still in a transaction after a rollback attempt) is closed, not reused;
// so is an idle one the server has closed meanwhile (Acquire checks, without
// a round trip), so a server restart fails only the requests in flight.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/connection.h"
#include "store/sql/pg_connection.h"

namespace turnaround::store::sql {

struct PgPoolOptions {
  // Upper bound on open connections (PostgreSQL's default max_connections is
  // 100, shared by every instance).
  int max_connections = 8;
  // How long Acquire waits for a free connection before kUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
};

class PgPool : public Pool, public std::enable_shared_from_this<PgPool> {
 public:
  // Connects once to fail early on a bad URL (kUnavailable with libpq's reason).
  static core::Result<std::shared_ptr<PgPool>> Open(const std::string& url, PgPoolOptions options = {});

  Dialect dialect() const override { return Dialect::kPostgres; }
  core::Result<Lease> Acquire() override;

  // Open connections, leased or idle (tests).
  int open_connections();

 private:
  class Holder;
  PgPool(std::string url, PgPoolOptions options) : url_(std::move(url)), options_(options) {}
  void Release(std::unique_ptr<PgConnection> conn);

  const std::string url_;
  const PgPoolOptions options_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;  // guarded by mu_
  int open_ = 0;                                      // guarded by mu_
};

}  // namespace turnaround::store::sql
