// The audit chain: untouched verifies; any edit, deletion or reordering of
// one row fails and names it, through the API and the `audit verify` CLI.
#include "store/event_log.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "store/database.h"
#include "store/pool.h"
#include "test_util.h"

using namespace turnaround;

namespace {

void Seed(const std::string& path, int n) {
  auto db = store::OpenDatabase(path);
  REQUIRE(db.ok());
  for (int i = 0; i < n; ++i) {
    REQUIRE(store::InWriteTransaction(*db.value(), [&]() -> core::Status {
              model::Event e;
              e.at_ms = 1000 + i;
              e.actor = "agent" + std::to_string(i % 3);
              e.kind = "item.note";
              e.item_id = 1 + i % 4;
              e.details = "{\"text\":\"note " + std::to_string(i) + "\"}";
              store::AppendEvent(*db.value(), e);
              return core::Status::Ok();
            }).ok());
  }
}

int AuditVerifyExit(const std::string& path, std::string* out) {
  std::string cmd = std::string(TURNAROUND_BINARY) + " audit verify --db '" + path + "'";
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[512];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  int status = ::pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("tampering with any event breaks the chain at that event", "[store]") {
  struct Case {
    const char* name;
    const char* sql;
    std::int64_t broken_at;
  } cases[] = {
      {"untouched", "SELECT 1", 0},
      {"details edited", "UPDATE events SET details = '{\"text\":\"nothing happened\"}' WHERE id = 4", 4},
      {"actor edited", "UPDATE events SET actor = 'someone else' WHERE id = 2", 2},
      {"time edited", "UPDATE events SET at_ms = at_ms + 1 WHERE id = 5", 5},
      {"row deleted", "DELETE FROM events WHERE id = 3", 4},
      {"kind edited", "UPDATE events SET kind = 'x' WHERE id = 6", 6},
      {"rows reordered",
       "UPDATE events SET id = 1000 WHERE id = 2; UPDATE events SET id = 2 WHERE id = 3; "
       "UPDATE events SET id = 3 WHERE id = 1000",
       2},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    testing::TempDir dir;
    const std::string path = dir.File("audit.db");
    Seed(path, 8);
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec(c.sql);
    }
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    auto report = store::VerifyChain(db);
    REQUIRE(report.ok());
    CHECK(report->first_broken_id == c.broken_at);
    std::string out;
    int code = AuditVerifyExit(path, &out);
    if (c.broken_at == 0) {
      CHECK(code == 0);
      CHECK_THAT(out, Catch::Contains("audit chain OK: 8 events"));
    } else {
      CHECK(code == 1);
      CHECK_THAT(out, Catch::Contains("BROKEN at event " + std::to_string(c.broken_at)));
    }
  }
}
