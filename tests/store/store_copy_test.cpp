#include "store/store_copy.h"

#include <cstdint>
#include <limits>

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "store/delivery_writer.h"
#include "store/event_log.h"
#include "store/rules_generation.h"
#include "store/user_store.h"
#include "sql/seed.h"

using namespace turnaround;
using testing::Engine;
using testing::ScratchDb;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

ingest::DeliveryRecord Delivery(const std::string& id, model::CommentAction action, const std::string& text) {
  ingest::CommentWrite w;
  w.comment.platform = "facebook";
  w.comment.page_id = "page-1";
  w.comment.external_id = id;
  w.comment.author_id = "a1";
  w.comment.author_name = "Ann \xC3\xB1";
  w.comment.text = text;
  w.comment.action = action;
  model::Verdict v;
  v.is_complaint = true;
  v.confidence = 0.1 + 0.2;  // not exactly representable: must survive to the last bit
  v.category = "wait_time";
  v.severity = model::Severity::kHigh;
  v.rules_version = "test";
  w.verdict = v;
  ingest::DeliveryRecord r;
  r.endpoint = "meta";
  r.accepted = true;
  r.body = std::string("raw\0\xFF\x00 bytes", 13);
  r.writes.push_back(std::move(w));
  return r;
}

// Deliveries, comments (with and without a verdict, one edited), items,
// events: through the delivery writer, as the server stores them.
void WriteComments(const std::string& path) {
  testing::FakeClock clock;
  auto writer = store::DeliveryWriter::Open(path, clock);
  REQUIRE(writer.ok());
  for (const auto& d : {Delivery("c1", model::CommentAction::kCreate, "still waiting \xF0\x9F\x98\xA0"),
                        Delivery("c1", model::CommentAction::kEdit, "still waiting, 3 hours now")}) {
    auto out = (*writer)->Write(d);
    INFO(out.status().ToString());
    REQUIRE(out.ok());
  }
  (*writer)->Shutdown();
}

// Users, tokens, sessions, a reply with its outbox entry, the rules
// generation, and what only a direct write gives: NULL verdict columns, a
// body stored as text, 64-bit extremes.
void WriteTheRest(const ScratchDb& db) {
  testing::Seeder seed(db);
  model::Item item;
  item.state = model::ItemState::kNew;
  item.severity = model::Severity::kUrgent;
  item.category = "safety";
  item.urgent_reasons = {"self_harm"};
  item.due_at_ms = kMax;
  item.received_at_ms = 5;
  item = seed.Item(item, "c2");  // its comment has no verdict: NULL columns
  REQUIRE(seed.conn().Exec("INSERT INTO deliveries(endpoint, received_at_ms, accepted, http_status, body) "
                           "VALUES ('generic', ?, 0, 401, 'text \\x41 body')",
                           {std::numeric_limits<std::int64_t>::min()}).ok());
  auto pool = testing::InstancePool(db);
  store::UserStore users(pool);
  auto user = users.Add({0, "ann", model::Role::kAdmin, false, "pbkdf2-sha256$1$x$y", 1}, "test", 1);
  REQUIRE(user.ok());
  REQUIRE(users.AddToken(user->id, std::string(64, 'a'), "laptop", "test", 2).ok());
  REQUIRE(users.CreateSession(std::string(64, 'b'), user->id, "csrf", 3, kMax).ok());
  store::ItemStore items(pool);
  auto replied = items.Update(item.id, [](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.item.state = model::ItemState::kReplied;
    m.reply = store::ReplyRow{0, "ann", "We are sorry \xE2\x80\x94 calling you", "apology", "", 4, true};
    store::OutboxRow o;
    o.kind = "reply";
    o.platform = "facebook";
    o.page_id = "page-1";
    o.target_id = "c2";
    o.text = m.reply->text;
    m.outbox = o;
    m.event.kind = "item.reply";
    m.event.actor = "ann";
    return m;
  });
  INFO(replied.status().ToString());
  REQUIRE(replied.ok());
  REQUIRE(store::RulesGenerationStore(pool).Bump("v1", "ann", 6).ok());
}

void SeedEveryTable(const ScratchDb& source) {
  WriteComments(source.url().substr(std::string("sqlite:").size()));
  WriteTheRest(source);
  testing::Seeder seed(source);
  for (const std::string& table : store::CopyOrder()) {
    INFO("every table must be seeded, or its copy is untested: " << table);
    CHECK(seed.Count("SELECT count(*) FROM " + table) > 0);
  }
}

// Text and a blob of the same bytes are the same value: a SQLite BLOB column
// may hold text, which arrives on PostgreSQL as BYTEA.
bool SameValue(const store::sql::Value& a, const store::sql::Value& b) {
  using T = store::sql::Value::Type;
  if (a == b) return true;
  const bool blob_and_text = (a.type() == T::kBlob && b.type() == T::kText) ||
                             (a.type() == T::kText && b.type() == T::kBlob);
  return blob_and_text && a.AsText() == b.AsText();
}

void CompareTables(const ScratchDb& source, const ScratchDb& target) {
  auto a = store::sql::OpenConnection(source.url());
  auto b = store::sql::OpenConnection(target.url());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  for (const std::string& table : store::CopyOrder()) {
    const std::string sql = "SELECT * FROM " + table + " ORDER BY 1";  // column 1 is each table's key
    auto from = (*a)->Query(sql);
    auto to = (*b)->Query(sql);
    REQUIRE(from.ok());
    REQUIRE(to.ok());
    REQUIRE(from->size() == to->size());
    for (std::size_t r = 0; r < from->size(); ++r) {
      REQUIRE((*from)[r].size() == (*to)[r].size());
      for (std::size_t c = 0; c < (*from)[r].size(); ++c) {
        INFO(table << " row " << r << " column " << c << ": '" << (*from)[r][c].AsText() << "' vs '"
                   << (*to)[r][c].AsText() << "'");
        CHECK(SameValue((*from)[r][c], (*to)[r][c]));
        CHECK((*from)[r][c].is_null() == (*to)[r][c].is_null());
      }
    }
  }
}

void SeedOneComment(const ScratchDb& db) {
  testing::SeedComment c;
  c.external_id = "c1";
  testing::Seeder(db).Comment(c);
}

}  // namespace

TEST_CASE("migrate-store copies every table row by row and verifies", "[store][sql]") {
  ScratchDb source(Engine::kSqlite);
  SeedEveryTable(source);
  TA_ON_EACH_ENGINE(target);
  auto report = store::CopyStore(source.url(), target.url());
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  REQUIRE(report->tables.size() == store::CopyOrder().size());
  std::int64_t rows = 0;
  for (std::size_t i = 0; i < report->tables.size(); ++i) {
    CHECK(report->tables[i].table == store::CopyOrder()[i]);
    CHECK(report->tables[i].rows > 0);
    rows += report->tables[i].rows;
  }
  CHECK(report->rows == rows);
  CHECK(report->events > 0);
  CompareTables(source, target);

  // New rows continue after the copied ids (PostgreSQL's sequences were set).
  testing::Seeder seed(target);
  const std::int64_t max_user = seed.Count("SELECT MAX(id) FROM users");
  store::UserStore users(testing::InstancePool(target));
  auto added = users.Add({0, "bob", model::Role::kAgent, false, "h", 9}, "test", 9);
  INFO(added.status().ToString());
  REQUIRE(added.ok());
  CHECK(added->id == max_user + 1);
  auto chain = store::VerifyChain(seed.conn());
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
  CHECK(chain->events == report->events + 1);  // the user added just now
  if (target.engine() == Engine::kPostgres) {
    // Analyzed after the load: a never-analyzed table has reltuples -1.
    CHECK(seed.Count("SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST('comments' AS regclass)") >= 1);
  }
}

TEST_CASE("migrate-store refuses a target that holds rows", "[store][sql]") {
  ScratchDb source(Engine::kSqlite);
  SeedOneComment(source);
  TA_ON_EACH_ENGINE(target);
  REQUIRE(store::CopyStore(source.url(), target.url()).ok());
  auto again = store::CopyStore(source.url(), target.url());
  CHECK(again.status().code() == core::Code::kConflict);
  CHECK(again.status().message() ==
        "the target is not empty (table 'deliveries' has rows): migrate-store copies into an empty store only");
  CHECK(testing::Seeder(target).Count("SELECT count(*) FROM comments") == 1);
}

TEST_CASE("migrate-store refuses bad URLs and copying a store onto itself", "[store][sql]") {
  ScratchDb source(Engine::kSqlite);
  SeedOneComment(source);
  const std::string path = source.url().substr(std::string("sqlite:").size());
  const std::string dir = path.substr(0, path.rfind('/'));
  struct Case {
    std::string from, to, message;
  };
  const Case cases[] = {
      {"mysql://x/y", "sqlite:" + dir + "/out.db", "the source must be sqlite:PATH, not 'mysql://x/y'"},
      {"postgresql://u@h/db", "sqlite:" + dir + "/out.db", "the source must be sqlite:PATH, not 'postgresql://u@h/db'"},
      {"sqlite:" + dir + "/missing.db", "sqlite:" + dir + "/out.db",
       "the source " + dir + "/missing.db is not an existing SQLite database file"},
      {source.url(), "postgresq://u:secret@h/db", "the target must be postgresql://... or sqlite:PATH, not 'postgresq://u:***@h/db'"},
      {source.url(), "", "the target must be postgresql://... or sqlite:PATH, not ''"},
      {source.url(), source.url(), "the source and the target are the same database (" + path + ")"},
      {source.url(), "sqlite:" + dir + "/./test.db", "the source and the target are the same database (" + path + ")"},
  };
  for (const Case& c : cases) {
    auto r = store::CopyStore(c.from, c.to);
    CHECK(r.status().code() == core::Code::kInvalidArgument);
    CHECK(r.status().message() == c.message);
  }
  CHECK_FALSE(std::filesystem::exists(dir + "/out.db"));
  CHECK_FALSE(std::filesystem::exists(dir + "/missing.db"));
  auto down = store::CopyStore(source.url(), "postgresql://turnaround@127.0.0.1:1/nowhere");
  CHECK(down.status().code() == core::Code::kUnavailable);
  CHECK_THAT(down.status().message(), Catch::StartsWith("target: "));
}

TEST_CASE("migrate-store refuses a table it has no copy rule for", "[store][sql]") {
  ScratchDb source(Engine::kSqlite);
  testing::Seeder seed(source);
  REQUIRE(seed.conn().ExecScript("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)").ok());
  ScratchDb target(Engine::kSqlite);
  auto r = store::CopyStore(source.url(), target.url());
  CHECK(r.status().code() == core::Code::kInternal);
  CHECK(r.status().message() ==
        "table 'notes' of the source has no copy rule: add it to CopyOrder() in src/store/store_copy.cpp");
  CHECK(testing::Seeder(target).Count("SELECT count(*) FROM comments") == 0);
}

TEST_CASE("migrate-store reports an audit chain that was already broken in the source", "[store][sql]") {
  ScratchDb source(Engine::kSqlite);
  SeedEveryTable(source);
  testing::Seeder seed(source);
  const std::int64_t first = seed.Count("SELECT MIN(id) FROM events");
  REQUIRE(seed.conn().Exec("UPDATE events SET actor = 'mallory' WHERE id = ?", {first}).value() == 1);
  TA_ON_EACH_ENGINE(target);
  auto r = store::CopyStore(source.url(), target.url());
  CHECK(r.status().code() == core::Code::kInternal);
  CHECK_THAT(r.status().message(),
             Catch::StartsWith("the audit chain on the target is broken at event " + std::to_string(first)) &&
                 Catch::EndsWith("(so is the source's, at the same event: the copy is faithful)"));
}
