// The CLI verbs open the store by their --db value: a SQLite path as before,
// or a sqlite:/postgresql:// URL (export, audit verify, report, user, purge);
// backup stays SQLite's.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "store/delivery_writer.h"
#include "store/one_comment.h"
#include "store/sql/open.h"
#include "store/sql/engines.h"
#include "test_util.h"

using namespace turnaround;

namespace {

struct Run {
  int code = -1;
  std::string out;
};

Run Cli(const std::string& args) {
  Run r;
  int status = 0;
  r.out = testing::RunCommand(std::string(TURNAROUND_BINARY) + " " + args + " 2>/dev/null", &status);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Two comments, one a complaint (so one item), received in November 2026.
void Store(const std::string& url) {
  testing::FakeClock clock;
  clock.Set(1'794'300'000'000);
  auto writer = store::DeliveryWriter::OpenUrl(url, clock, {});
  REQUIRE(writer.ok());
  for (const char* id : {"cli-1", "cli-2"}) {
    model::Verdict v;
    v.is_complaint = std::string(id) == "cli-1";
    v.category = "wait_time";
    REQUIRE(writer.value()->Write(testing::OneComment("yelp", id, model::CommentAction::kCreate, "still waiting", v)).ok());
  }
}

}  // namespace

TEST_CASE("export, audit verify and report read the store named by --db on each engine", "[app][store]") {
  TA_ON_EACH_ENGINE(db);
  Store(db.url());
  const std::string flag = " --db '" + db.url() + "'";

  Run exported = Cli("export" + flag);
  CHECK(exported.code == 0);
  CHECK_THAT(exported.out, Catch::Contains("\"external_id\":\"cli-1\"") && Catch::Contains("\"external_id\":\"cli-2\""));
  Run verified = Cli("audit verify" + flag);
  CHECK(verified.code == 0);
  // Two deliveries, two verdicts, one item created.
  CHECK(verified.out == "audit chain OK: 5 events\n");
  Run report = Cli("report --from 2026-11-01 --to 2026-11-30 --group-by category --format csv" + flag);
  CHECK(report.code == 0);
  CHECK_THAT(report.out, Catch::Contains("wait_time"));

  if (db.engine() == testing::Engine::kSqlite) {
    // A plain path reads the same file, with the same output byte for byte.
    const std::string path = store::sql::SqlitePathOf(db.url());
    CHECK(Cli("export --db '" + path + "'").out == exported.out);
    CHECK(Cli("audit verify --db '" + path + "'").out == verified.out);
    CHECK(Cli("report --from 2026-11-01 --to 2026-11-30 --group-by category --format csv --db '" + path + "'").out ==
          report.out);
  }
}

TEST_CASE("a --db URL of no known engine is refused", "[app][store]") {
  for (const char* verb : {"export", "audit verify", "report"}) {
    INFO(verb);
    CHECK(Cli(std::string(verb) + " --db mysql://localhost/x").code == 1);
  }
}

TEST_CASE("user and purge work on the store named by --db, and backup refuses PostgreSQL", "[app][store]") {
  TA_ON_EACH_ENGINE(db);
  const std::string flag = " --db '" + db.url() + "'";
  Run added = Cli("user add ann --role agent" + flag);
  CHECK(added.code == 0);
  CHECK_THAT(added.out, Catch::Contains("token: ta_"));
  CHECK_THAT(Cli("user list" + flag).out, Catch::Contains("ann"));
  Run purged = Cli("purge" + flag);
  CHECK(purged.code == 0);
  CHECK(purged.out == "purged 0 delivery bodies and 0 comment texts\n");
  testing::TempDir dir;
  const std::string out = dir.File("backup.db");
  Run backup = Cli("backup" + flag + " '" + out + "'");
  // SQLite's online backup API; a PostgreSQL store is backed up with pg_dump.
  CHECK(backup.code == (db.engine() == testing::Engine::kSqlite ? 0 : 1));
  CHECK(::access(out.c_str(), F_OK) == (db.engine() == testing::Engine::kSqlite ? 0 : -1));
}
