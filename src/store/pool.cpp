#include "store/pool.h"

#include "store/database.h"

namespace turnaround::store {

core::Result<std::shared_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path) {
  auto first = OpenDatabase(path);
  if (!first.ok()) return first.status();
  std::shared_ptr<ConnectionPool> pool(new ConnectionPool(path));
  pool->free_.push_back(std::move(first).value());
  return pool;
}

core::Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!free_.empty()) {
      auto db = std::move(free_.back());
      free_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  auto db = OpenDatabase(path_);
  if (!db.ok()) return db.status();
  return Lease(this, std::move(db).value());
}

void ConnectionPool::Return(std::unique_ptr<SQLite::Database> db) {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(db));
}

}  // namespace turnaround::store
