#include "store/maintenance.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <thread>

#include "fakes/fake_clock.h"
#include "store/database.h"
#include "store/delivery_writer.h"
#include "store/event_log.h"
#include "store/sql/open.h"
#include "sql/engines.h"

using namespace turnaround;

namespace {

core::Status WriteComment(store::DeliveryWriter& w, const std::string& id, const std::string& body = "{\"raw\":1}") {
  ingest::DeliveryRecord rec;
  rec.endpoint = "generic";
  rec.accepted = true;
  rec.body = body;
  ingest::CommentWrite cw;
  cw.comment.platform = "yelp";
  cw.comment.external_id = id;
  cw.comment.text = "waited forever " + id;
  cw.comment.author_name = "Pat";
  model::Verdict v;
  v.is_complaint = true;
  cw.verdict = v;
  rec.writes.push_back(cw);
  auto out = w.Write(rec);
  return out.ok() ? core::Status::Ok() : out.status();
}

std::int64_t Count(const std::string& path, const char* sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST_CASE("backup is a consistent copy taken while writes go on", "[store]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  const std::string live = dir.File("live.db"), copy = dir.File("copy.db");
  auto writer = store::DeliveryWriter::Open(live, clock);
  REQUIRE(writer.ok());
  for (int i = 0; i < 200; ++i) REQUIRE(WriteComment(*writer.value(), "a" + std::to_string(i)).ok());
  std::atomic<bool> stop{false};
  std::thread busy([&] {
    for (int i = 0; !stop; ++i) (void)WriteComment(*writer.value(), "b" + std::to_string(i));
  });
  core::Status s = store::Backup(live, copy);
  stop = true;
  busy.join();
  REQUIRE(s.ok());
  struct stat st {};
  REQUIRE(::stat(copy.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  SQLite::Database db(copy, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(db.execAndGet("SELECT count(*) FROM comments").getInt64() >= 200);
  auto chain = store::VerifyChain(db);
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
  CHECK_FALSE(store::Backup(live, copy).ok());  // never overwrites
}

TEST_CASE("restore checks the backup and puts it in place", "[store]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  const std::string live = dir.File("live.db"), copy = dir.File("copy.db"), target = dir.File("new.db");
  {
    auto writer = store::DeliveryWriter::Open(live, clock);
    REQUIRE(writer.ok());
    for (int i = 0; i < 20; ++i) REQUIRE(WriteComment(*writer.value(), "c" + std::to_string(i)).ok());
  }
  REQUIRE(store::Backup(live, copy).ok());
  auto restored = store::Restore(target, copy);
  REQUIRE(restored.ok());
  CHECK_THAT(restored.value(), Catch::Contains("restored 20 comments"));
  CHECK(Count(target, "SELECT count(*) FROM comments") == 20);

  {  // a tampered backup is refused
    SQLite::Database db(copy, SQLite::OPEN_READWRITE);
    db.exec("UPDATE events SET actor = 'mallory' WHERE id = 3");
  }
  auto refused = store::Restore(dir.File("other.db"), copy);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Catch::Contains("event 3"));
  CHECK_FALSE(store::Restore(dir.File("x.db"), dir.File("missing.db")).ok());
}

TEST_CASE("retention empties old delivery bodies and closed comment text and audits it", "[store][retention]") {
  TA_ON_EACH_ENGINE(db);
  testing::FakeClock clock;
  auto writer = store::DeliveryWriter::OpenUrl(db.url(), clock, {});
  REQUIRE(writer.ok());
  REQUIRE(WriteComment(*writer.value(), "old").ok());
  clock.Advance(40LL * 24 * 3600 * 1000);
  REQUIRE(WriteComment(*writer.value(), "new").ok());
  REQUIRE(WriteComment(*writer.value(), "edited").ok());
  writer.value()->Shutdown();
  auto opened = store::sql::OpenConnection(db.url());
  REQUIRE(opened.ok());
  store::sql::Connection& conn = *opened.value();
  auto count = [&conn](const char* sql) {
    auto row = conn.QueryRow(sql);
    REQUIRE(row.ok());
    return (*row)->Int(0);
  };
  REQUIRE(conn.Exec("UPDATE items SET state = 'resolved', resolved_at_ms = 1 WHERE id IN (1, 3)").ok());
  REQUIRE(conn.Exec("INSERT INTO comment_history(comment_id, action, at_ms, old_text, delivery_id) "
                    "VALUES (3, 'edit', 5, 'my phone number is ...', 3)")
              .ok());

  store::RetentionSettings keep_all{0, 0};
  auto none = store::Purge(conn, keep_all, clock.NowMs());
  REQUIRE(none.ok());
  CHECK(none->delivery_bodies == 0);
  CHECK(count("SELECT count(*) FROM events WHERE kind = 'retention.purge'") == 0);

  // Chunks of 1000 rows: 2,500 old bodies take three.
  REQUIRE(store::sql::InTransaction(conn, [&]() -> core::Status {
            for (int i = 0; i < 2500; ++i) {
              TA_RETURN_IF_ERROR(conn.Exec("INSERT INTO deliveries(endpoint, received_at_ms, accepted, http_status, "
                                           "body) VALUES ('generic', 1, 1, 200, ?)",
                                           {store::sql::Blob{"{}"}})
                                     .status());
            }
            return core::Status::Ok();
          }).ok());
  auto purged = store::Purge(conn, {30, 7}, clock.NowMs());
  REQUIRE(purged.ok());
  CHECK(purged->delivery_bodies == 2501);
  CHECK(purged->comment_texts == 2);
  CHECK(count("SELECT count(*) FROM deliveries WHERE length(body) > 0") == 2);
  CHECK(count("SELECT count(*) FROM comments WHERE text = '' AND author_name = ''") == 2);
  CHECK(count("SELECT count(*) FROM comment_history WHERE old_text IS NOT NULL") == 0);
  CHECK(count("SELECT count(*) FROM events WHERE kind = 'retention.purge'") == 1);
  auto again = store::Purge(conn, {30, 7}, clock.NowMs());
  REQUIRE(again.ok());
  CHECK(again->delivery_bodies == 0);
  CHECK(again->comment_texts == 0);
  auto chain = store::VerifyChain(conn);
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
}
