// Running a store test on both engines: SQLite always (a file in a temporary
// folder), PostgreSQL when TURNAROUND_TEST_PG_URL is set (scripts/test starts
// a throw-away cluster and sets it). Each PostgreSQL test gets a schema of
// its own, dropped afterwards, so tests can run in parallel on one database.
//
//   TEST_CASE("...", "[store][sql]") {
//     TA_ON_EACH_ENGINE(db);   // runs the rest once per engine; skips an unavailable one
//     auto conn = store::sql::OpenConnection(db.url());
//   }
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "store/sql/pg_connection.h"
#include "test_util.h"

namespace turnaround::testing {

enum class Engine { kSqlite, kPostgres };

inline const char* EngineName(Engine e) { return e == Engine::kSqlite ? "sqlite" : "postgresql"; }

inline std::string PgTestUrl() {
  const char* url = std::getenv("TURNAROUND_TEST_PG_URL");
  return url != nullptr ? url : "";
}

class ScratchDb {
 public:
  explicit ScratchDb(Engine engine) : engine_(engine) {
    if (engine == Engine::kSqlite) {
      url_ = "sqlite:" + dir_.File("test.db");
      return;
    }
    const std::string base = PgTestUrl();
    if (base.empty()) {
      WARN("TURNAROUND_TEST_PG_URL is not set: the PostgreSQL half of this test is skipped "
           "(scripts/test sets it; or scripts/pg start DIR)");
      return;
    }
    static std::atomic<int> counter{0};
    schema_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    auto admin = store::sql::PgConnection::Connect(base);
    REQUIRE(admin.ok());
    REQUIRE((*admin)->ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_).ok());
    admin_ = std::move(admin).value();
    // libpq decodes the URI; the server sees "-c search_path=<schema>".
    url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + schema_;
  }
  ~ScratchDb() {
    if (admin_) (void)admin_->ExecScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  ScratchDb(const ScratchDb&) = delete;
  ScratchDb& operator=(const ScratchDb&) = delete;

  bool available() const { return !url_.empty(); }
  Engine engine() const { return engine_; }
  // sqlite:PATH or postgresql://... with search_path set to the scratch schema.
  const std::string& url() const { return url_; }

 private:
  Engine engine_;
  TempDir dir_;
  std::string url_;
  std::string schema_;
  std::unique_ptr<store::sql::PgConnection> admin_;
};

// Ends PostgreSQL backend `pid` from `admin`'s session and waits until it is
// gone (pg_terminate_backend only signals it), so that the next use of its
// connection meets the end: a server restart or a failover, as its client
// sees it.
inline void TerminateBackend(store::sql::Connection& admin, std::int64_t pid) {
  REQUIRE(admin.QueryRow("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {pid}).ok());
  for (int i = 0; i < 1000; ++i) {
    auto left = admin.QueryRow("SELECT count(*) FROM pg_stat_activity WHERE pid = CAST(? AS INTEGER)", {pid});
    REQUIRE(left.ok());
    if ((*left)->Int(0) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("backend " << pid << " is still there after pg_terminate_backend");
}

}  // namespace turnaround::testing

// Declares `ScratchDb var` for each engine in turn (Catch2 GENERATE), returns
// from the test when the engine is not available (the warning says why), and
// names the engine in every failure message.
#define TA_ON_EACH_ENGINE(var)                                                                       \
  ::turnaround::testing::ScratchDb var(                                                              \
      GENERATE(::turnaround::testing::Engine::kSqlite, ::turnaround::testing::Engine::kPostgres));   \
  if (!var.available()) return;                                                                      \
  INFO(::turnaround::testing::EngineName(var.engine()))
