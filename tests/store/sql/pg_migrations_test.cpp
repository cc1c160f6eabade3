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

// table -> "column NOT NULL?" in declaration order, plus the named indexes
// as "name(column,column)".
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
  while (idx.executeStep()) {
    const std::string name = idx.getColumn(0).getString();
    SQLite::Statement cols(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
    cols.bind(1, name);
    std::string columns;
    while (cols.executeStep()) columns += (columns.empty() ? "" : ",") + cols.getColumn(0).getString();
    shape.indexes.insert(name + "(" + columns + ")");
  }
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
      "SELECT ic.relname, string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index x "
      "JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
      "JOIN pg_namespace n ON n.oid = t.relnamespace "
      "CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
      "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
      "WHERE n.nspname = current_schema() AND ic.relname NOT LIKE '%\\_pkey' "
      "AND ic.relname NOT LIKE '%\\_key' GROUP BY ic.relname");
  REQUIRE(idx.ok());
  for (const auto& row : *idx) shape.indexes.insert(row.Text(0) + "(" + row.Text(1) + ")");
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

// A prepared statement's generic plan is made on the first few executions,
// often while the tables are still empty, and kept until the next ANALYZE.
// With comments_parent on (platform, parent_id), the generic plan of the
// lookup by (platform, external_id) on an empty table was a cost tie between
// that index and the unique one, and the tie went to comments_parent: the
// writer then filtered every comment of the platform, 1 ms per webhook
// comment at 2,000 stored. So no index but a unique one may lead with
// `platform` (the column every lookup has and nothing selects on).
TEST_CASE("sql PostgreSQL only unique indexes lead with platform so generic plans cannot pick a wrong one",
          "[store][sql]") {
  testing::ScratchDb db(Engine::kPostgres);
  if (!db.available()) return;
  auto c = Connect(db);
  REQUIRE(store::sql::MigratePostgres(*c).ok());
  std::string names;  // PgShape leaves out the indexes behind UNIQUE constraints
  for (const std::string& index : PgShape(*c).indexes) {
    if (index.find("(platform,") != std::string::npos) names += index + " ";
  }
  INFO("non-unique indexes leading with platform: " << names);
  CHECK(names.empty());

  REQUIRE(c->ExecScript("SET plan_cache_mode = force_generic_plan").ok());
  const std::vector<std::pair<std::string, std::string>> lookups = {
      {"SELECT id, text, state, received_at_ms FROM comments WHERE platform=$1 AND external_id=$2",
       "comments_platform_external_id_key"},
      {"SELECT id FROM comments WHERE platform=$1 AND parent_id=$2", "comments_parent"},
      {"SELECT id FROM comments WHERE platform=$1 AND author_id=$2", "comments_author"},
      {"SELECT id FROM outbox WHERE platform=$1 AND platform_id=$2", "outbox_platform_id"},
      {"SELECT id FROM outbox WHERE platform=$1 AND target_id=$2", "outbox_target"},
  };
  int n = 0;
  for (const auto& [query, index] : lookups) {
    INFO(query);
    const std::string name = "lookup" + std::to_string(++n);
    REQUIRE(c->ExecScript("PREPARE " + name + "(text, text) AS " + query).ok());
    auto plan = c->Query("EXPLAIN EXECUTE " + name + "('facebook', 'x')");
    REQUIRE(plan.ok());
    std::string text;
    for (const auto& row : *plan) text += row.Text(0) + "\n";
    INFO(text);
    CHECK_THAT(text, Catch::Contains("using " + index + " on"));
  }
}
