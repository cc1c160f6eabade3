// The SQL layer's behaviour, the same on both engines (engines.h).
#include "store/sql/connection.h"

#include <cstdint>

#include <catch2/catch.hpp>

#include "store/sql/open.h"
#include "store/sql/placeholders.h"
#include "engines.h"

using namespace turnaround;
using store::sql::Blob;
using store::sql::Connection;
using store::sql::Value;
using testing::Engine;

namespace {

std::unique_ptr<Connection> Open(const testing::ScratchDb& db) {
  auto conn = store::sql::OpenConnection(db.url());
  INFO(conn.status().ToString());
  REQUIRE(conn.ok());
  return std::move(conn).value();
}

const char* BlobType(Connection& c) { return c.dialect() == store::sql::Dialect::kSqlite ? "BLOB" : "BYTEA"; }

void CreateValues(Connection& c) {
  REQUIRE(c.ExecScript(std::string("CREATE TABLE sqltest_values (id BIGINT PRIMARY KEY, i BIGINT, "
                                   "r DOUBLE PRECISION, t TEXT, b ") +
                       BlobType(c) + ")")
              .ok());
}

}  // namespace

TEST_CASE("sql placeholder tuples for VALUES and IN lists", "[store][sql]") {
  CHECK(store::sql::Tuples(1) == "(?)");
  CHECK(store::sql::Tuples(3) == "(?,?,?)");
  CHECK(store::sql::Tuples(2, 3) == "(?,?),(?,?),(?,?)");
  CHECK(store::sql::Tuples(2, 0) == "");
}

TEST_CASE("sql placeholders become numbered outside literals and comments", "[store][sql]") {
  struct Case {
    const char* in;
    const char* out;
    int count;
  } cases[] = {
      {"SELECT 1", "SELECT 1", 0},
      {"SELECT ?", "SELECT $1", 1},
      {"INSERT INTO t VALUES (?,?,?)", "INSERT INTO t VALUES ($1,$2,$3)", 3},
      {"SELECT '?' , ?", "SELECT '?' , $1", 1},
      {"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1},
      {"SELECT \"odd?name\" FROM t WHERE a=?", "SELECT \"odd?name\" FROM t WHERE a=$1", 1},
      {"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
      {"SELECT /* ? */ ?", "SELECT /* ? */ $1", 1},
      {"SELECT E'\\'?', ?", "SELECT E'\\'?', $1", 1},
      {"SELECT note'\\', ?", "SELECT note'\\', $1", 1},  // not an E string: backslash is plain
      {"SELECT 'unterminated ?", "SELECT 'unterminated ?", 0},
  };
  for (const Case& c : cases) {
    int n = -1;
    CHECK(store::sql::RewritePlaceholders(c.in, &n) == c.out);
    CHECK(n == c.count);
  }
}

TEST_CASE("sql urls name the engine", "[store][sql]") {
  CHECK(store::sql::DialectOf("sqlite:/tmp/x.db").value() == store::sql::Dialect::kSqlite);
  CHECK(store::sql::DialectOf("postgresql://u@h/db").value() == store::sql::Dialect::kPostgres);
  CHECK(store::sql::DialectOf("postgres://u@h/db").value() == store::sql::Dialect::kPostgres);
  for (const char* bad : {"", "sqlite:", "/tmp/x.db", "mysql://h/db"}) {
    auto d = store::sql::DialectOf(bad);
    CHECK(d.status().code() == core::Code::kInvalidArgument);
    CHECK(store::sql::OpenConnection(bad).status().code() == core::Code::kInvalidArgument);
  }
}

TEST_CASE("sql db values: a URL as given, a path as SQLite, another scheme refused", "[store][sql]") {
  struct Case {
    const char* flag;
    const char* url;  // what DbUrl makes of it
    bool opens;       // whether DialectOf accepts that
  };
  const Case cases[] = {
      {"var/t.db", "sqlite:var/t.db", true},
      {"/tmp/a b.db", "sqlite:/tmp/a b.db", true},
      {"sqlite:var/t.db", "sqlite:var/t.db", true},
      {"postgresql://u@h/db", "postgresql://u@h/db", true},
      {"postgres://u@h/db", "postgres://u@h/db", true},
      // Not files named so: a URL of another engine, or sqlite: without a path.
      {"mysql://u@h/db", "mysql://u@h/db", false},
      {"postgresq://u@h/db", "postgresq://u@h/db", false},
      {"sqlite:", "sqlite:", false},
  };
  for (const Case& c : cases) {
    INFO(c.flag);
    CHECK(store::sql::DbUrl(c.flag) == c.url);
    CHECK(store::sql::DialectOf(store::sql::DbUrl(c.flag)).ok() == c.opens);
  }
}

TEST_CASE("sql urls are shown without their password", "[store][sql]") {
  const std::pair<const char*, const char*> cases[] = {
      {"postgresql://u:secret@h:5432/db", "postgresql://u:***@h:5432/db"},
      {"postgresql://u@h:5432/db", "postgresql://u@h:5432/db"},
      {"postgresql://h:5432/db?user=u&password=secret&sslmode=require",
       "postgresql://h:5432/db?user=u&password=***&sslmode=require"},
      {"postgresql://u:p%40ss@h/db?password=again", "postgresql://u:***@h/db?password=***"},
      {"mysql://u:secret@h/db", "mysql://u:***@h/db"},
      {"sqlite:/tmp/a:b@c.db", "sqlite:/tmp/a:b@c.db"},
  };
  for (const auto& [url, shown] : cases) CHECK(store::sql::ShownUrl(url) == shown);
  CHECK_THAT(store::sql::DialectOf("mysql://u:secret@h/db").status().message(), !Catch::Contains("secret"));
}

TEST_CASE("sql connection to an unreachable server is unavailable", "[store][sql]") {
  // Port 1 on loopback: nothing listens there, so the refusal is immediate.
  auto conn = store::sql::OpenConnection("postgresql://nobody@127.0.0.1:1/none");
  CHECK(conn.status().code() == core::Code::kUnavailable);
  CHECK_THAT(conn.status().message(), Catch::Contains("127.0.0.1"));
}

TEST_CASE("sql values round-trip with nulls blobs and unicode text", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto c = Open(db);
  CreateValues(*c);
  const std::string unicode = "caf\xc3\xa9 \xe2\x80\x94 \xe5\x8c\xbb\xe9\x99\xa2 \xf0\x9f\x98\xa1";
  const std::string bytes("\x00\xff\x01'?\\x\x80", 8);
  const std::int64_t big = 9007199254740993;  // not representable as a double
  REQUIRE(c->Exec("INSERT INTO sqltest_values VALUES (?,?,?,?,?)", {1, big, 0.1, unicode, Blob{bytes}}).ok());
  REQUIRE(c->Exec("INSERT INTO sqltest_values VALUES (?,?,?,?,?)", {2, nullptr, nullptr, "", nullptr}).ok());
  REQUIRE(c->Exec("INSERT INTO sqltest_values VALUES (?,?,?,?,?)",
                  {3, INT64_MIN, -1e300, std::string_view("?"), Blob{}})
              .ok());

  auto rows = c->Query("SELECT id, i, r, t, b FROM sqltest_values ORDER BY id");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  const auto& r1 = (*rows)[0];
  CHECK(r1[1] == Value(big));
  CHECK(r1[2] == Value(0.1));
  CHECK(r1[3] == Value(unicode));
  CHECK(r1[4] == Value(Blob{bytes}));
  const auto& r2 = (*rows)[1];
  CHECK(r2.IsNull(1));
  CHECK(r2.IsNull(2));
  CHECK_FALSE(r2.IsNull(3));  // '' is not NULL on either engine
  CHECK(r2.Text(3).empty());
  CHECK(r2.IsNull(4));
  CHECK(r2.Int(1) == 0);
  const auto& r3 = (*rows)[2];
  CHECK(r3.Int(1) == INT64_MIN);
  CHECK(r3.Real(2) == -1e300);
  CHECK(r3.Text(3) == "?");
  CHECK(r3[4] == Value(Blob{}));

  // Parameters in WHERE, NULL tests and aggregates read back as integers.
  auto found = c->QueryRow("SELECT id FROM sqltest_values WHERE t = ? AND b = ?", {unicode, Blob{bytes}});
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->Int(0) == 1);
  auto agg = c->QueryRow("SELECT count(*), sum(id), count(i) FROM sqltest_values WHERE r IS NOT NULL");
  REQUIRE(agg.ok());
  CHECK((**agg)[0] == Value(2));
  CHECK((**agg)[1] == Value(4));
  CHECK((**agg)[2] == Value(2));
  auto none = c->QueryRow("SELECT id FROM sqltest_values WHERE id = ?", {99});
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
}

TEST_CASE("sql statements are prepared once per connection", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto c = Open(db);
  CreateValues(*c);
  const std::size_t before = c->cached_statements();
  for (int i = 0; i < 5; ++i) {
    REQUIRE(c->Exec("INSERT INTO sqltest_values(id, t) VALUES (?, ?)", {i, "x"}).ok());
  }
  CHECK(c->cached_statements() == before + 1);
  // Exec counts changed rows: a SELECT changes none, an UPDATE ... RETURNING some.
  CHECK(c->Exec("SELECT id FROM sqltest_values").value() == 0);
  CHECK(c->Exec("UPDATE sqltest_values SET i = 1 WHERE id < 3 RETURNING id").value() == 3);
  CHECK(c->cached_statements() == before + 3);
  // A reused SELECT sees the rows written since its last run.
  for (int i = 0; i < 3; ++i) {
    auto n = c->QueryRow("SELECT count(*) FROM sqltest_values WHERE id >= ?", {i});
    REQUIRE(n.ok());
    CHECK((*n)->Int(0) == 5 - i);
  }
  CHECK(c->cached_statements() == before + 4);
  // Scripts are never cached.
  REQUIRE(c->ExecScript("DELETE FROM sqltest_values").ok());
  CHECK(c->cached_statements() == before + 4);
}

TEST_CASE("sql transactions commit and roll back", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto c = Open(db);
  CreateValues(*c);
  auto count = [&] { return c->QueryRow("SELECT count(*) FROM sqltest_values").value()->Int(0); };

  CHECK(store::sql::InTransaction(*c, [&] { return c->Exec("INSERT INTO sqltest_values(id) VALUES (1)").status(); }).ok());
  CHECK(count() == 1);

  core::Status failed = store::sql::InTransaction(*c, [&]() -> core::Status {
    TA_RETURN_IF_ERROR(c->Exec("INSERT INTO sqltest_values(id) VALUES (2)").status());
    return core::Conflict("changed my mind");
  });
  CHECK(failed.code() == core::Code::kConflict);
  CHECK_FALSE(c->in_transaction());
  CHECK(count() == 1);

  REQUIRE(c->Begin().ok());
  CHECK(c->Begin().code() == core::Code::kInternal);  // no nesting
  REQUIRE(c->Exec("UPDATE sqltest_values SET t = 'x'").value() == 1);
  REQUIRE(c->Rollback().ok());
  CHECK(c->Rollback().ok());  // outside a transaction: nothing to do
  CHECK(c->QueryRow("SELECT t FROM sqltest_values").value()->IsNull(0));
  CHECK(c->Commit().code() == core::Code::kInternal);
}

TEST_CASE("sql read snapshots see one moment however many statements a read takes", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto reader = Open(db);
  auto writer = Open(db);
  CreateValues(*writer);
  REQUIRE(writer->Exec("INSERT INTO sqltest_values(id) VALUES (1)").ok());
  auto count = [](Connection& c) { return c.QueryRow("SELECT count(*) FROM sqltest_values").value()->Int(0); };

  REQUIRE(reader->BeginRead().ok());
  CHECK(reader->in_transaction());
  CHECK(reader->BeginRead().code() == core::Code::kInternal);  // no nesting
  CHECK(reader->Begin().code() == core::Code::kInternal);
  CHECK(count(*reader) == 1);
  // A writer is not held up by the open read, and its commit is not seen
  // until the read ends.
  REQUIRE(writer->Exec("INSERT INTO sqltest_values(id) VALUES (2)").ok());
  CHECK(count(*writer) == 2);
  CHECK(count(*reader) == 1);
  REQUIRE(reader->Commit().ok());
  CHECK_FALSE(reader->in_transaction());
  CHECK(count(*reader) == 2);

  // InReadSnapshot hands back what the read returned and always ends it.
  auto n = store::sql::InReadSnapshot(*reader, [&]() -> core::Result<std::int64_t> { return count(*reader); });
  REQUIRE(n.ok());
  CHECK(*n == 2);
  CHECK_FALSE(reader->in_transaction());
  core::Status missing = store::sql::InReadSnapshot(*reader, [&] {
    (void)count(*reader);
    return core::NotFound("no row 9");
  });
  CHECK(missing.code() == core::Code::kNotFound);
  CHECK_FALSE(reader->in_transaction());

  // Inside a write transaction it reads in that transaction, own writes included.
  REQUIRE(reader->Begin().ok());
  REQUIRE(reader->Exec("INSERT INTO sqltest_values(id) VALUES (3)").ok());
  auto inside = store::sql::InReadSnapshot(*reader, [&]() -> core::Result<std::int64_t> { return count(*reader); });
  CHECK(inside.value() == 3);
  CHECK(reader->in_transaction());  // still the caller's to end
  REQUIRE(reader->Rollback().ok());
  CHECK(count(*reader) == 2);

  if (db.engine() == Engine::kPostgres) {  // READ ONLY: a write in a read snapshot is refused
    REQUIRE(reader->BeginRead().ok());
    CHECK_FALSE(reader->Exec("INSERT INTO sqltest_values(id) VALUES (4)").ok());
    REQUIRE(reader->Rollback().ok());
    CHECK(count(*reader) == 2);
  }
}

TEST_CASE("sql unique violations are conflicts and do nothing inserts are idempotent", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto c = Open(db);
  CreateValues(*c);
  REQUIRE(c->Exec("INSERT INTO sqltest_values(id, t) VALUES (?, ?)", {1, "a"}).ok());
  auto dup = c->Exec("INSERT INTO sqltest_values(id, t) VALUES (?, ?)", {1, "b"});
  CHECK(dup.status().code() == core::Code::kConflict);

  const char* idempotent = "INSERT INTO sqltest_values(id, t) VALUES (?, ?) ON CONFLICT (id) DO NOTHING";
  CHECK(c->Exec(idempotent, {1, "c"}).value() == 0);
  CHECK(c->Exec(idempotent, {2, "c"}).value() == 1);
  CHECK(c->QueryRow("SELECT t FROM sqltest_values WHERE id = 1").value()->Text(0) == "a");

  // InsertReturningId on the real schema's identity key.
  const char* add_user =
      "INSERT INTO users(name, role, password_hash, created_at_ms) VALUES (?, 'agent', '', 0) "
      "ON CONFLICT (name) DO NOTHING";
  auto first = c->InsertReturningId(add_user, {"ana"});
  REQUIRE(first.ok());
  auto second = c->InsertReturningId(add_user, {"ben"});
  REQUIRE(second.ok());
  CHECK(*second > *first);
  CHECK(c->InsertReturningId(add_user, {"ana"}).status().code() == core::Code::kConflict);

  // Other errors are kInternal, never thrown.
  CHECK(c->Exec("INSERT INTO no_such_table VALUES (1)").status().code() == core::Code::kInternal);
  CHECK(c->Exec("SELEC nonsense").status().code() == core::Code::kInternal);
  CHECK(c->Exec("INSERT INTO sqltest_values(id, t) VALUES (?, ?)", {7}).status().code() == core::Code::kInternal);
  CHECK(c->Exec("INSERT INTO sqltest_values(id) VALUES (?)", {7, 8}).status().code() == core::Code::kInternal);
  CHECK(c->Exec("INSERT INTO users(name) VALUES ('no role')").status().code() == core::Code::kInternal);
}

TEST_CASE("sql cursors stream rows and stop on request", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  auto c = Open(db);
  CreateValues(*c);
  REQUIRE(store::sql::InTransaction(*c, [&]() -> core::Status {
            for (int i = 1; i <= 500; ++i) {
              TA_RETURN_IF_ERROR(c->Exec("INSERT INTO sqltest_values(id, i) VALUES (?, ?)", {i, i * 2}).status());
            }
            return core::Status::Ok();
          }).ok());
  std::int64_t sum = 0, rows = 0;
  REQUIRE(c->QueryEach("SELECT i FROM sqltest_values WHERE id > ? ORDER BY id", {100}, [&](const auto& row) {
             sum += row.Int(0);
             ++rows;
             return core::Status::Ok();
           }).ok());
  CHECK(rows == 400);
  CHECK(sum == 2 * (500 * 501 / 2 - 100 * 101 / 2));

  int seen = 0;
  core::Status stopped = c->QueryEach("SELECT id FROM sqltest_values ORDER BY id", {}, [&](const auto&) {
    // Using the connection from inside its own cursor is refused.
    CHECK(c->Exec("SELECT 1").status().code() == core::Code::kInternal);
    return ++seen == 3 ? core::NotFound("enough") : core::Status::Ok();
  });
  CHECK(stopped.code() == core::Code::kNotFound);
  CHECK(seen == 3);
  // The connection is usable again, and the early stop left no transaction open.
  CHECK_FALSE(c->in_transaction());
  CHECK(c->QueryRow("SELECT count(*) FROM sqltest_values").value()->Int(0) == 500);
}
