#include "store/sql/pg_pool.h"

namespace turnaround::store::sql {

// Keeps the pool alive while leased and gives the connection back at the end.
class PgPool::Holder : public Lease::Holder {
 public:
  Holder(std::shared_ptr<PgPool> pool, std::unique_ptr<PgConnection> conn)
      : pool_(std::move(pool)), conn_(std::move(conn)) {}
  ~Holder() override {
    if (conn_->in_transaction()) (void)conn_->Rollback();
    pool_->Release(std::move(conn_));
  }
  Connection& conn() override { return *conn_; }

 private:
  std::shared_ptr<PgPool> pool_;
  std::unique_ptr<PgConnection> conn_;
};

core::Result<std::shared_ptr<PgPool>> PgPool::Open(const std::string& url, PgPoolOptions options) {
  if (options.max_connections < 1) return core::InvalidArgument("PgPool needs at least one connection");
  auto first = PgConnection::Connect(url);
  if (!first.ok()) return first.status();
  std::shared_ptr<PgPool> pool(new PgPool(url, options));
  pool->idle_.push_back(std::move(first).value());
  pool->open_ = 1;
  return pool;
}

core::Result<Lease> PgPool::Acquire() {
  for (;;) {
    std::unique_ptr<PgConnection> idle;
    {
      std::unique_lock<std::mutex> lock(mu_);
      const bool ready = freed_.wait_for(lock, options_.acquire_timeout, [&] {
        return !idle_.empty() || open_ < options_.max_connections;
      });
      if (!ready) {
        return core::Status(core::Code::kUnavailable,
                            "all " + std::to_string(options_.max_connections) +
                                " PostgreSQL connections are busy");
      }
      if (idle_.empty()) {
        ++open_;  // reserve the slot; connect outside the lock
        break;
      }
      idle = std::move(idle_.back());
      idle_.pop_back();
    }
    // One the server closed while it sat here (a restart, a terminated
    // backend) would fail the caller's first statement: close it and look
    // again instead.
    if (idle->Connected()) return Lease(std::make_unique<Holder>(shared_from_this(), std::move(idle)));
    idle.reset();
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
  }
  auto conn = PgConnection::Connect(url_);
  if (!conn.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    freed_.notify_one();
    return conn.status();
  }
  return Lease(std::make_unique<Holder>(shared_from_this(), std::move(conn).value()));
}

void PgPool::Release(std::unique_ptr<PgConnection> conn) {
  const bool keep = conn->reusable();
  if (!keep) conn.reset();  // close outside the lock
  std::lock_guard<std::mutex> lock(mu_);
  if (keep) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  freed_.notify_one();
}

int PgPool::open_connections() {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

}  // namespace turnaround::store::sql
