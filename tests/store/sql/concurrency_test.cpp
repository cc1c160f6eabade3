// The building blocks issue #9 names for several instances on one database,
// raced from two connections: a conditional update has exactly one winner,
// ON CONFLICT DO NOTHING inserts a key once, SKIP LOCKED claims never
// overlap; and the PostgreSQL pool's limits. (Catch2 assertions are not
// thread-safe: threads only count, the test thread checks.)
#include <atomic>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "store/sql/open.h"
#include "store/sql/pg_pool.h"
#include "engines.h"

using namespace turnaround;
using store::sql::Connection;
using testing::Engine;

namespace {

constexpr int kRows = 200;

std::unique_ptr<Connection> Open(const testing::ScratchDb& db) {
  auto conn = store::sql::OpenConnection(db.url());
  INFO(conn.status().ToString());
  REQUIRE(conn.ok());
  return std::move(conn).value();
}

void CreateItems(Connection& c, int rows) {
  REQUIRE(c.ExecScript("CREATE TABLE sqltest_items (id BIGINT PRIMARY KEY, state TEXT NOT NULL, "
                       "owner TEXT NOT NULL DEFAULT '')")
              .ok());
  REQUIRE(store::sql::InTransaction(c, [&]() -> core::Status {
            for (int i = 1; i <= rows; ++i) {
              TA_RETURN_IF_ERROR(c.Exec("INSERT INTO sqltest_items(id, state) VALUES (?, 'new')", {i}).status());
            }
            return core::Status::Ok();
          }).ok());
}

// Runs `body(connection, index)` on two threads with a connection each,
// started together; returns what each body returned.
template <typename Body>
std::vector<int> Race(const testing::ScratchDb& db, Body body) {
  std::vector<std::unique_ptr<Connection>> conns;
  conns.push_back(Open(db));
  conns.push_back(Open(db));
  std::vector<int> results(2, 0);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < 2) std::this_thread::yield();
      results[static_cast<std::size_t>(t)] = body(*conns[static_cast<std::size_t>(t)], t);
    });
  }
  for (auto& th : threads) th.join();
  return results;
}

}  // namespace

TEST_CASE("sql conditional update race has exactly one winner per row", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto setup = Open(db);
  CreateItems(*setup, kRows);
  std::atomic<int> errors{0};
  auto wins = Race(db, [&](Connection& c, int t) {
    int won = 0;
    for (int id = 1; id <= kRows; ++id) {
      core::Status s = store::sql::InTransaction(c, [&]() -> core::Status {
        auto n = c.Exec("UPDATE sqltest_items SET state = 'claimed', owner = ? WHERE id = ? AND state = 'new'",
                        {"agent" + std::to_string(t), id});
        if (!n.ok()) return n.status();
        won += static_cast<int>(*n);
        return core::Status::Ok();
      });
      if (!s.ok()) errors.fetch_add(1);
    }
    return won;
  });
  CHECK(errors.load() == 0);
  CHECK(wins[0] + wins[1] == kRows);
  // What each thread believes it won is what the table says it owns.
  for (int t = 0; t < 2; ++t) {
    auto owned = setup->QueryRow("SELECT count(*) FROM sqltest_items WHERE owner = ?", {"agent" + std::to_string(t)});
    REQUIRE(owned.ok());
    CHECK((*owned)->Int(0) == wins[static_cast<std::size_t>(t)]);
  }
  CHECK(setup->QueryRow("SELECT count(*) FROM sqltest_items WHERE state = 'new'").value()->Int(0) == 0);
}

TEST_CASE("sql do nothing inserts racing on the same keys insert each key once", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto setup = Open(db);
  REQUIRE(setup->ExecScript("CREATE TABLE sqltest_keys (platform TEXT NOT NULL, external_id TEXT NOT NULL, "
                            "writer BIGINT NOT NULL, UNIQUE (platform, external_id))")
              .ok());
  std::atomic<int> errors{0};
  auto inserted = Race(db, [&](Connection& c, int t) {
    int n = 0;
    for (int k = 0; k < kRows; ++k) {
      auto r = c.Exec("INSERT INTO sqltest_keys(platform, external_id, writer) VALUES ('facebook', ?, ?) "
                      "ON CONFLICT (platform, external_id) DO NOTHING",
                      {"c" + std::to_string(k), t});
      if (r.ok()) {
        n += static_cast<int>(*r);
      } else {
        errors.fetch_add(1);
      }
    }
    return n;
  });
  CHECK(errors.load() == 0);
  CHECK(inserted[0] + inserted[1] == kRows);
  CHECK(setup->QueryRow("SELECT count(*) FROM sqltest_keys").value()->Int(0) == kRows);
  CHECK(setup->QueryRow("SELECT count(*) FROM sqltest_keys WHERE writer = 0").value()->Int(0) == inserted[0]);
}

TEST_CASE("sql skip locked claims on PostgreSQL never overlap", "[store][sql]") {
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  auto setup = Open(db);
  CreateItems(*setup, kRows);
  std::atomic<int> errors{0};
  auto claimed = Race(db, [&](Connection& c, int t) {
    int n = 0;
    for (;;) {
      bool got = false;
      core::Status s = store::sql::InTransaction(c, [&]() -> core::Status {
        auto row = c.QueryRow(
            "SELECT id FROM sqltest_items WHERE state = 'new' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
        if (!row.ok()) return row.status();
        if (!row->has_value()) return core::Status::Ok();
        auto up = c.Exec("UPDATE sqltest_items SET state = 'claimed', owner = ? WHERE id = ?",
                         {"agent" + std::to_string(t), (*row)->Int(0)});
        if (!up.ok()) return up.status();
        got = *up == 1;
        return core::Status::Ok();
      });
      if (!s.ok()) errors.fetch_add(1);
      if (!s.ok() || !got) break;
      ++n;
    }
    return n;
  });
  CHECK(errors.load() == 0);
  CHECK(claimed[0] + claimed[1] == kRows);
  CHECK(setup->QueryRow("SELECT count(*) FROM sqltest_items WHERE owner = 'agent0'").value()->Int(0) == claimed[0]);
}

TEST_CASE("sql PostgreSQL pool is bounded and drops broken connections", "[store][sql]") {
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  store::sql::PgPoolOptions options;
  options.max_connections = 2;
  options.acquire_timeout = std::chrono::milliseconds(100);
  auto pool = store::sql::PgPool::Open(db.url(), options);
  REQUIRE(pool.ok());
  {
    auto a = (*pool)->Acquire();
    auto b = (*pool)->Acquire();
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK((*pool)->open_connections() == 2);
    auto c = (*pool)->Acquire();
    CHECK(c.status().code() == core::Code::kUnavailable);
    // A transaction left open is rolled back when the lease ends.
    REQUIRE(a->conn().Begin().ok());
  }
  CHECK((*pool)->open_connections() == 2);
  {
    auto a = (*pool)->Acquire();
    REQUIRE(a.ok());
    CHECK_FALSE(a->conn().in_transaction());
    // The server ends this session: the error says retry, and the pool
    // closes the connection instead of handing it out again.
    auto killed = a->conn().Exec("SELECT pg_terminate_backend(pg_backend_pid())");
    CHECK(killed.status().code() == core::Code::kUnavailable);
  }
  CHECK((*pool)->open_connections() == 1);
  auto again = (*pool)->Acquire();
  REQUIRE(again.ok());
  CHECK(again->conn().QueryRow("SELECT 1").value()->Int(0) == 1);
}

TEST_CASE("sql PostgreSQL pool never hands out a connection the server closed while idle", "[store][sql]") {
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  auto pool = store::sql::PgPool::Open(db.url());
  REQUIRE(pool.ok());
  auto admin = Open(db);
  std::int64_t first_pid = 0;
  {
    auto lease = (*pool)->Acquire();
    REQUIRE(lease.ok());
    first_pid = lease->conn().QueryRow("SELECT pg_backend_pid()").value()->Int(0);
  }
  REQUIRE((*pool)->open_connections() == 1);
  testing::TerminateBackend(*admin, first_pid);
  // Without the check on Acquire this lease's first statement failed.
  auto lease = (*pool)->Acquire();
  REQUIRE(lease.ok());
  auto pid = lease->conn().QueryRow("SELECT pg_backend_pid()");
  INFO(pid.status().ToString());
  REQUIRE(pid.ok());
  CHECK((*pid)->Int(0) != first_pid);
  CHECK((*pool)->open_connections() == 1);
  CHECK(lease->conn().Connected());
}
