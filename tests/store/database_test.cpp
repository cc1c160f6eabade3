#include "store/database.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace turnaround;

TEST_CASE("migrations run from empty and from every older version", "[store]") {
  const int latest = store::LatestSchemaVersion();
  REQUIRE(latest >= 1);
  for (int start = 0; start <= latest; ++start) {
    INFO("starting from version " << start);
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    REQUIRE(store::Migrate(db, start).ok());
    CHECK(store::SchemaVersion(db) == start);
    REQUIRE(store::Migrate(db).ok());
    CHECK(store::SchemaVersion(db) == latest);
    CHECK(db.tableExists("comments"));
    CHECK(db.tableExists("deliveries"));
    CHECK(db.tableExists("outbox"));
    REQUIRE(store::Migrate(db).ok());  // idempotent
  }
}

TEST_CASE("a database from a newer build is left alone", "[store]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA user_version = 999");
  auto s = store::Migrate(db);
  CHECK_FALSE(s.ok());
  CHECK_THAT(s.message(), Catch::Contains("newer"));
  CHECK(store::SchemaVersion(db) == 999);
}

TEST_CASE("the database file is created owner-only and in WAL mode", "[store]") {
  testing::TempDir dir;
  const std::string path = dir.File("t.db");
  auto db = store::OpenDatabase(path);
  REQUIRE(db.ok());
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(db.value()->execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("opening a missing database read-only fails with a message", "[store]") {
  testing::TempDir dir;
  auto db = store::OpenDatabase(dir.File("nope.db"), store::OpenMode::kReadOnly);
  REQUIRE_FALSE(db.ok());
  CHECK_THAT(db.status().message(), Catch::Contains("nope.db"));
}
