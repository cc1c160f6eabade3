#include "store/sql/pg_migrations.h"

#include <map>
#include <set>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include "store/database.h"
#include "store/migrations.h"
#include "store/sql/pg_connection.h"
#include "engines.h"

using namespace turnaround;
using testing::Engine;

namespace {

// table -> "column NOT NULL?" in declaration order, plus the named indexes.
struct Shape {
  std::map<std::string, std::vector<std::string>> tables;
  std::set<std::string> indexes;
};

Shape SqliteShape(int version) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  REQUIRE(store::Migrate(db, version).ok());
  Shape shape;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string table = tables.getColumn(0).getString();
    SQLite::Statement cols(db, "SELECT name, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid");
    cols.bind(1, table);
    while (cols.executeStep()) {
      // SQLite lets an INTEGER PRIMARY KEY column be declared without NOT NULL.
      const bool not_null = cols.getColumn(1).getInt() != 0 || cols.getColumn(2).getInt() != 0;
      shape.tables[table].push_back(cols.getColumn(0).getString() + (not_null ? " NOT NULL" : ""));
    }
  }
  SQLite::Statement idx(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
  while (idx.executeStep()) shape.indexes.insert(idx.getColumn(0).getString());
  return shape;
}

Shape PgShape(store::sql::Connection& c) {
  Shape shape;
  auto cols = c.Query(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name <> 'schema_version' "
      "ORDER BY table_name, ordinal_position");
  REQUIRE(cols.ok());
  for (const auto& row : *cols) {
    shape.tables[row.Text(0)].push_back(row.Text(1) + (row.Text(2) == "NO" ? " NOT NULL" : ""));
  }
  // Indexes behind PRIMARY KEY / UNIQUE constraints are implicit on SQLite too.
  auto idx = c.Query(
      "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
      "AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'");
  REQUIRE(idx.ok());
  for (const auto& row : *idx) shape.indexes.insert(row.Text(0));
  return shape;
}

std::unique_ptr<store::sql::PgConnection> Connect(const testing::ScratchDb& db) {
  auto conn = store::sql::PgConnection::Connect(db.url());
  INFO(conn.status().ToString());
  REQUIRE(conn.ok());
  return std::move(conn).value();
}

}  // namespace

TEST_CASE("sql PostgreSQL migrations mirror the SQLite schema", "[store][sql]") {
  const int mirrored = static_cast<int>(store::sql::PgMigrations().size());
  if (store::LatestSchemaVersion() > mirrored) {
    WARN("SQLite has " << store::LatestSchemaVersion() << " migrations, PostgreSQL " << mirrored
                       << ": mirror the new ones in src/store/sql/pg_migrations.cpp");
  }
  REQUIRE(mirrored <= store::LatestSchemaVersion());
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  auto c = Connect(db);
  REQUIRE(store::sql::MigratePostgres(*c).ok());
  const Shape pg = PgShape(*c);
  const Shape lite = SqliteShape(mirrored);
  CHECK(pg.tables == lite.tables);
  CHECK(pg.indexes == lite.indexes);
}

TEST_CASE("sql PostgreSQL migrations run from every older version and refuse a newer one", "[store][sql]") {
  const int latest = static_cast<int>(store::sql::PgMigrations().size());
  for (int start = 0; start <= latest; ++start) {
    INFO("starting from version " << start);
    testing::ScratchDb db(Engine::kPostgres);
    if (!db.available()) return;
    auto c = Connect(db);
    REQUIRE(store::sql::MigratePostgres(*c, start).ok());
    CHECK(store::sql::PgSchemaVersion(*c).value() == start);
    REQUIRE(store::sql::MigratePostgres(*c).ok());
    CHECK(store::sql::PgSchemaVersion(*c).value() == latest);
    REQUIRE(store::sql::MigratePostgres(*c).ok());  // idempotent
    CHECK_FALSE(c->in_transaction());
  }
  testing::ScratchDb db(Engine::kPostgres);
  auto c = Connect(db);
  REQUIRE(store::sql::MigratePostgres(*c).ok());
  REQUIRE(c->Exec("UPDATE schema_version SET version = 999").value() == 1);
  auto s = store::sql::MigratePostgres(*c);
  CHECK_THAT(s.message(), Catch::Contains("newer"));
  CHECK(store::sql::PgSchemaVersion(*c).value() == 999);
}

TEST_CASE("sql two instances migrating one PostgreSQL at once both succeed", "[store][sql]") {
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  auto a = Connect(db);
  auto b = Connect(db);
  core::Status sa, sb;
  std::thread ta([&] { sa = store::sql::MigratePostgres(*a); });
  std::thread tb([&] { sb = store::sql::MigratePostgres(*b); });
  ta.join();
  tb.join();
  INFO(sa.ToString() << " / " << sb.ToString());
  CHECK(sa.ok());
  CHECK(sb.ok());
  CHECK(store::sql::PgSchemaVersion(*a).value() == static_cast<int>(store::sql::PgMigrations().size()));
}
