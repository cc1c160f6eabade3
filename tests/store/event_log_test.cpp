// The audit chain: untouched verifies; any edit, deletion or reordering of
// one row fails and names it, through the API and the `audit verify` CLI.
#include "store/event_log.h"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <limits>
#include <random>

#include "core/digest.h"
#include "core/json_string.h"
#include "store/database.h"
#include "store/pool.h"
#include "store/sql/audit.h"
#include "store/sql/open.h"
#include "sql/engines.h"
#include "test_util.h"

using namespace turnaround;

namespace {

// Appends `n` notes, the details of each starting with `note`.
void Seed(store::sql::Connection& c, int n, const std::string& note = "note ") {
  for (int i = 0; i < n; ++i) {
    model::Event e;
    e.at_ms = 1000 + i;
    e.actor = "agent" + std::to_string(i % 3);
    e.kind = "item.note";
    e.item_id = 1 + i % 4;
    e.details = "{\"text\":\"" + note + std::to_string(i) + "\"}";
    REQUIRE(store::sql::InTransaction(c, [&]() { return store::sql::AppendEvent(c, e).status(); }).ok());
  }
}

void Seed(const std::string& path, int n) {
  auto conn = store::sql::OpenConnection("sqlite:" + path);
  REQUIRE(conn.ok());
  Seed(*conn.value(), n);
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

namespace {

// The hash input as it was computed before the direct encoder: every event
// already stored in a database carries a hash over exactly these bytes.
std::string NlohmannHash(const model::Event& e) {
  nlohmann::json fields = {e.id, e.at_ms, e.actor, e.kind, e.item_id, e.comment_id, e.details,
                           e.prev_hash};
  return core::Sha256Hex(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("event hashes are byte-compatible with the hashes of stored events", "[store]") {
  // Fixed awkward strings, then random bytes (mostly invalid UTF-8) and
  // random code points (valid UTF-8 with every escape class).
  std::vector<std::string> texts = {"", "plain", "q\"uote", "back\\slash", "tab\tnl\ncr\r",
                                    std::string("nul\0x", 5), "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x9c\x93",
                                    "\xf0\x9f\x98\x80", "bad \xff", "cut \xe2\x9c", "over \xc0\xaf",
                                    "surrogate \xed\xa0\x80", "{\"k\":\"v\"}"};
  std::mt19937 rng(42);
  for (int i = 0; i < 400; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += static_cast<char>(rng() % 256);
    texts.push_back(s);
  }
  for (int i = 0; i < 400; ++i) {
    nlohmann::json::string_t s;
    const int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) {
      const unsigned ranges[] = {0x20, 0x80, 0x800, 0x10000, 0x110000};
      unsigned cp = rng() % ranges[rng() % 5];
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0x41;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    texts.push_back(s);
  }
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& t = texts[i];
    INFO("text #" << i);
    std::string direct;
    core::AppendJsonString(direct, t);
    REQUIRE(direct == Dump(nlohmann::json(t)));
    model::Event e;
    e.id = static_cast<std::int64_t>(i) * 7919 - 3;
    e.at_ms = -static_cast<std::int64_t>(i) * 1000003;
    e.actor = t;
    e.kind = texts[(i + 1) % texts.size()];
    e.item_id = static_cast<std::int64_t>(i);
    e.comment_id = std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(i);
    e.details = texts[(i + 2) % texts.size()];
    e.prev_hash = std::string(64, 'a');
    REQUIRE(store::EventHash(e) == NlohmannHash(e));
  }
}

TEST_CASE("event details are written as nlohmann would write the same object", "[store]") {
  const std::vector<std::string> none, two = {"self_harm", "threat \"x\""};
  std::string direct = store::EventDetails()
                           .Str("category", "wait\ttime")
                           .Int("count", -12)
                           .Bool("is_complaint", true)
                           .Bool("spam", false)
                           .StrList("urgent", two)
                           .StrList("zz", none)
                           .Take();
  nlohmann::json j = {{"zz", none}, {"urgent", two}, {"spam", false}, {"is_complaint", true},
                      {"count", -12}, {"category", "wait\ttime"}};
  CHECK(direct == Dump(j));
  CHECK(store::EventDetails().Take() == Dump(nlohmann::json::object()));
  CHECK(store::EventDetails().Int("n", 0).Take() == "{\"n\":0}");
}

TEST_CASE("the chain verifies on each engine and names the first broken event", "[store][sql]") {
  const struct {
    const char* name;
    const char* sql;
    std::int64_t broken_at;
  } cases[] = {
      {"untouched", "", 0},
      {"details edited", "UPDATE events SET details = '{}' WHERE id = 5", 5},
      {"row deleted", "DELETE FROM events WHERE id = 3", 4},
      {"hash replaced", "UPDATE events SET hash = prev_hash WHERE id = 7", 7},
  };
  TA_ON_EACH_ENGINE(db);
  auto conn = store::sql::OpenConnection(db.url());
  REQUIRE(conn.ok());
  store::sql::Connection& sc = **conn;
  for (const auto& c : cases) {
    INFO(c.name);
    REQUIRE(sc.Exec("DELETE FROM events").ok());
    Seed(sc, 8, "caf\xC3\xA9 ");
    if (*c.sql != '\0') REQUIRE(sc.Exec(c.sql).ok());
    auto report = store::VerifyChain(sc);
    INFO(report.status().ToString());
    REQUIRE(report.ok());
    CHECK(report->first_broken_id == c.broken_at);
    CHECK(report->problem.empty() == (c.broken_at == 0));
    if (c.broken_at == 0) CHECK(report->events == 8);
  }
}
