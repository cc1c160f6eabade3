#include "store/wal_checkpointer.h"

#include <pthread.h>
#include <sqlite3.h>

#include "core/log.h"
#include "store/database.h"

namespace turnaround::store {

core::Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path,
                                                                      int threshold_pages,
                                                                      int limit_pages) {
  auto db = OpenDatabase(path);
  if (!db.ok()) return db.status();
  return std::unique_ptr<WalCheckpointer>(
      new WalCheckpointer(std::move(db).value(), threshold_pages, limit_pages));
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<SQLite::Database> db, int threshold_pages,
                                 int limit_pages)
    : db_(std::move(db)),
      threshold_pages_(threshold_pages),
      limit_pages_(limit_pages),
      thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::Attach(SQLite::Database& writer) {
  // Replaces the connection's automatic checkpoint (which is itself a WAL hook).
  sqlite3_wal_hook(writer.getHandle(), &WalCheckpointer::OnCommit, this);
}

int WalCheckpointer::OnCommit(void* self, sqlite3* db, const char* name, int pages) {
  auto* me = static_cast<WalCheckpointer*>(self);
  if (pages >= me->limit_pages_) {
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    std::lock_guard<std::mutex> lock(me->mu_);
    ++me->inline_;
    return SQLITE_OK;
  }
  // `pages` counts the whole log, and a log being appended to while it is
  // copied is never wholly copied, so it cannot restart from its first frame
  // until the limit above. Asking again after every commit past the
  // threshold made a checkpoint (and an fsync of the database file) per
  // commit; ask once per `threshold_pages` of new log instead.
  if (pages < me->requested_at_) me->requested_at_ = 0;  // the log restarted
  if (pages >= me->requested_at_ + me->threshold_pages_) {
    me->requested_at_ = pages;
    {
      std::lock_guard<std::mutex> lock(me->mu_);
      me->wanted_ = true;
      ++me->requested_;
    }
    me->cv_.notify_one();
  }
  return SQLITE_OK;
}

void WalCheckpointer::Run() {
  pthread_setname_np(pthread_self(), "ta-checkpoint");
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stopping_ || wanted_; });
    if (stopping_) return;
    wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, waits for nobody. BUSY
    // (another connection checkpointing right now) just means try next time.
    int rc = sqlite3_wal_checkpoint_v2(db_->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                       nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      core::LogWarn(std::string("store: background checkpoint failed: ") + sqlite3_errstr(rc));
    }
    lock.lock();
    ++background_;
  }
}

std::uint64_t WalCheckpointer::background_checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return background_;
}

std::uint64_t WalCheckpointer::inline_checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return inline_;
}

std::uint64_t WalCheckpointer::requested_checkpoints() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requested_;
}

}  // namespace turnaround::store
