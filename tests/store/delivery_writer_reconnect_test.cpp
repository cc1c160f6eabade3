// The delivery writer on PostgreSQL when the server drops its connection
// (pg_terminate_backend stands in for a restart or a failover): nothing it
// could not commit is acknowledged, and it reconnects so that later
// deliveries are stored. The writer connects as a role of its own so the
// test can find its session and refuse it new ones (NOLOGIN).
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "one_comment.h"
#include "store/delivery_writer.h"
#include "store/event_log.h"
#include "store/sql/open.h"
#include "sql/engines.h"

using namespace turnaround;
using model::CommentAction;

namespace {

model::Verdict Complaint() {
  model::Verdict v;
  v.is_complaint = true;
  v.category = "wait_time";
  v.rules_version = "test";
  return v;
}

ingest::DeliveryRecord Delivery(const std::string& id) {
  return testing::OneComment("facebook", id, CommentAction::kCreate, "still waiting", Complaint());
}

// A writer connected as a login role of its own, so that its session can be
// found and refused; the role is dropped with its sessions at the end.
class WriterRole {
 public:
  explicit WriterRole(const testing::ScratchDb& db) {
    static std::atomic<int> counter{0};
    name_ = "ta_writer_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    auto admin = store::sql::OpenConnection(db.url());  // also migrates, so the role owns nothing
    REQUIRE(admin.ok());
    admin_ = std::move(admin).value();
    REQUIRE(admin_->ExecScript("CREATE ROLE " + name_ + " LOGIN SUPERUSER").ok());
    // postgresql://USER@host... → postgresql://ROLE@host...
    const std::string& url = db.url();
    const std::size_t user = url.find("://") + 3;
    const std::size_t at = url.find('@', user);
    REQUIRE(at != std::string::npos);
    url_ = url.substr(0, user) + name_ + url.substr(at);
    auto writer = store::DeliveryWriter::OpenUrl(url_, clock_, {});
    INFO(writer.status().ToString());
    REQUIRE(writer.ok());
    writer_ = std::move(writer).value();
  }
  ~WriterRole() {
    writer_.reset();
    (void)admin_->ExecScript("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + name_ +
                             "'");
    for (int i = 0; i < 100 && SessionPid() != 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    (void)admin_->ExecScript("DROP ROLE IF EXISTS " + name_);
  }
  WriterRole(const WriterRole&) = delete;
  WriterRole& operator=(const WriterRole&) = delete;

  store::DeliveryWriter& writer() { return *writer_; }
  store::sql::Connection& admin() { return *admin_; }

  // The pid of the writer's session; 0 when it has none.
  std::int64_t SessionPid() {
    auto row = admin_->QueryRow("SELECT pid FROM pg_stat_activity WHERE usename = ?", {name_});
    if (!row.ok() || !row->has_value()) return 0;
    return (*row)->Int(0);
  }
  void CutSession() {
    const std::int64_t pid = SessionPid();
    REQUIRE(pid != 0);
    testing::TerminateBackend(*admin_, pid);
  }
  void AllowLogin(bool allow) {
    REQUIRE(admin_->ExecScript("ALTER ROLE " + name_ + (allow ? " LOGIN" : " NOLOGIN")).ok());
  }
  std::int64_t Count(const std::string& sql) {
    auto row = admin_->QueryRow(sql);
    INFO(row.status().ToString());
    REQUIRE(row.ok());
    return (*row)->Int(0);
  }

 private:
  std::string name_, url_;
  std::unique_ptr<store::sql::Connection> admin_;
  testing::FakeClock clock_;
  std::unique_ptr<store::DeliveryWriter> writer_;
};

}  // namespace

TEST_CASE("the PostgreSQL writer reconnects after losing its connection and acknowledges only what it stored",
          "[store][writer]") {
  testing::ScratchDb db(testing::Engine::kPostgres);
  if (!db.available()) return;
  WriterRole role(db);
  store::DeliveryWriter& writer = role.writer();
  REQUIRE(writer.Write(Delivery("c1")).ok());
  const std::int64_t first_session = role.SessionPid();

  // Dropped while idle: noticed before the next batch, which then commits.
  role.CutSession();
  auto c2 = writer.Write(Delivery("c2"));
  INFO(c2.status().ToString());
  CHECK(c2.ok());
  CHECK(writer.stats().reconnects == 1);
  CHECK(role.SessionPid() != first_session);

  // Dropped while the server refuses new sessions: refused as unavailable
  // (a 503: send again), not acknowledged, and nothing half-stored.
  role.AllowLogin(false);
  role.CutSession();
  auto c3 = writer.Write(Delivery("c3"));
  CHECK(c3.status().code() == core::Code::kUnavailable);
  auto c4 = writer.Write(Delivery("c4"));  // within the backoff: refused at once
  CHECK(c4.status().code() == core::Code::kUnavailable);
  CHECK(role.Count("SELECT count(*) FROM comments WHERE external_id IN ('c3', 'c4')") == 0);

  // Once the server lets it in again, the platform's retry is stored.
  role.AllowLogin(true);
  core::Result<ingest::DeliveryOutcome> retried = core::Status(core::Code::kUnavailable, "not sent");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!retried.ok() && std::chrono::steady_clock::now() < deadline) {
    retried = writer.Write(Delivery("c3"));
    if (!retried.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  INFO(retried.status().ToString());
  REQUIRE(retried.ok());
  CHECK(retried->created == 1);
  CHECK(writer.stats().reconnects == 2);
  CHECK(role.Count("SELECT count(*) FROM comments") == 3);  // c1, c2, c3; c4 was never acknowledged
  CHECK(role.Count("SELECT count(*) FROM items") == 3);
  auto chain = store::VerifyChain(role.admin());
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
}

TEST_CASE("the PostgreSQL writer loses no acknowledged delivery while its connection is cut under load",
          "[store][writer]") {
  testing::ScratchDb db(testing::Engine::kPostgres);
  if (!db.available()) return;
  WriterRole role(db);
  store::DeliveryWriter& writer = role.writer();
  constexpr int kThreads = 6, kPerThread = 40, kCuts = 5;
  std::atomic<int> acknowledged{0}, other_errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // As a platform does: send again until acknowledged.
      for (int i = 0; i < kPerThread; ++i) {
        const std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
        for (;;) {
          auto out = writer.Write(Delivery(id));
          if (out.ok()) {
            ++acknowledged;
            break;
          }
          if (out.status().code() != core::Code::kUnavailable) ++other_errors;
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
    });
  }
  for (int cut = 0; cut < kCuts; ++cut) {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    if (role.SessionPid() != 0) role.CutSession();
  }
  for (auto& th : threads) th.join();
  CHECK(acknowledged == kThreads * kPerThread);
  CHECK(other_errors == 0);  // a lost connection always says "send again"
  // Every acknowledged comment is there, once (a cut COMMIT that did land
  // makes the retry a no-op, not a second row).
  CHECK(role.Count("SELECT count(*) FROM comments") == kThreads * kPerThread);
  CHECK(role.Count("SELECT count(DISTINCT external_id) FROM comments") == kThreads * kPerThread);
  CHECK(role.Count("SELECT count(*) FROM items") == kThreads * kPerThread);
  CHECK(writer.stats().reconnects >= 1);
  auto chain = store::VerifyChain(role.admin());
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
}
