#include "app/rules_sync.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "app/config.h"
#include "app/service.h"
#include "classify/classifier.h"
#include "store/sql/seed.h"

using namespace turnaround;
namespace fs = std::filesystem;

namespace {

// A rules directory of one rule matching `word`, with the shipped lexicon;
// returns `dir`.
std::string WriteRules(const std::string& dir, const std::string& word) {
  fs::create_directories(dir);
  fs::copy_file(testing::RulesDir() + "/sentiment.lexicon", dir + "/sentiment.lexicon",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir + "/test.rules") << "rule: test.word\nsignal: complaint\npattern: " << word
                                     << "\nmatch: a " << word << "\n";
  return dir;
}

bool Matches(const classify::ClassifierHolder& holder, const std::string& text) {
  for (const auto& m : holder.Get()->Classify(text).matches) {
    if (m.rule_id() == "test.word") return true;
  }
  return false;
}

// One instance: its own rules directory and classifier, its own pool on the
// shared database.
struct Instance {
  Instance(const testing::ScratchDb& db, std::string rules)
      : dir(std::move(rules)),
        holder(classify::Classifier::Load(dir).value()),
        store(testing::InstancePool(db)),
        sync(store, [this] { return holder.Reload(dir); }, [this] { return holder.Get()->version(); }) {
    REQUIRE(sync.Init().ok());
  }
  // What SIGHUP or POST /api/admin/rules/reload does (app/service.cpp).
  core::Status Reload() {
    core::Status s = holder.Reload(dir);
    return s.ok() ? sync.Published("admin", 1) : s;
  }
  std::string dir;
  classify::ClassifierHolder holder;
  store::RulesGenerationStore store;
  app::RulesSync sync;
};

// Two instances on one database, each with its own rules directory.
struct TwoInstances {
  explicit TwoInstances(const testing::ScratchDb& db)
      : a(db, WriteRules(tmp.File("a"), "zebra")), b(db, WriteRules(tmp.File("b"), "zebra")) {}
  // New rules (matching `word`) reach both machines' files.
  void Deploy(const std::string& word) {
    WriteRules(a.dir, word);
    WriteRules(b.dir, word);
  }
  testing::TempDir tmp;
  Instance a, b;
};

}  // namespace

TEST_CASE("a rules reload on one instance reaches another on its next poll", "[app][sql]") {
  TA_ON_EACH_ENGINE(db);
  TwoInstances two(db);
  Instance& a = two.a;
  Instance& b = two.b;
  CHECK_FALSE(b.sync.Poll());  // nothing reloaded anywhere yet

  two.Deploy("giraffe");  // only `a` is told to reload
  REQUIRE(a.Reload().ok());
  CHECK_FALSE(a.sync.Poll());  // its own reload: nothing to do
  CHECK_FALSE(Matches(b.holder, "a giraffe"));
  CHECK(b.sync.Poll());
  CHECK(Matches(b.holder, "a giraffe"));
  CHECK(b.holder.Get()->version() == a.holder.Get()->version());
  CHECK(b.sync.seen() == 1);
  CHECK_FALSE(b.sync.Poll());  // once per generation
}

TEST_CASE("a broken rule set on a poll keeps the old rules live", "[app][sql]") {
  TA_ON_EACH_ENGINE(db);
  TwoInstances two(db);
  Instance& a = two.a;
  Instance& b = two.b;
  const std::string before = b.holder.Get()->version();
  WriteRules(a.dir, "giraffe");
  std::ofstream(b.dir + "/test.rules") << "rule: test.word\nsignal: complaint\npattern: (giraffe\nmatch: a giraffe\n";
  REQUIRE(a.Reload().ok());
  CHECK(b.sync.Poll());  // attempted, refused
  CHECK(b.holder.Get()->version() == before);
  CHECK(Matches(b.holder, "a zebra"));
  CHECK_FALSE(b.sync.Poll());  // not retried on every poll

  // Fixed and reloaded again anywhere: the next generation loads.
  WriteRules(b.dir, "giraffe");
  REQUIRE(a.Reload().ok());
  CHECK(b.sync.Poll());
  CHECK(Matches(b.holder, "a giraffe"));
}

TEST_CASE("the polling thread picks up a reload made elsewhere", "[app][sql]") {
  TA_ON_EACH_ENGINE(db);
  TwoInstances two(db);
  Instance& a = two.a;
  Instance& b = two.b;
  b.sync.Start(std::chrono::milliseconds(20));
  two.Deploy("giraffe");
  REQUIRE(a.Reload().ok());
  for (int i = 0; i < 500 && !Matches(b.holder, "a giraffe"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  b.sync.Stop();
  CHECK(Matches(b.holder, "a giraffe"));
}

TEST_CASE("serve: a reload on one service reaches another sharing its database", "[app]") {
  testing::TempDir tmp;
  auto config = [&tmp](const std::string& name) {
    app::Config c;
    c.listen_port = 0;
    c.db = tmp.File("t.db");
    c.rules_dir = WriteRules(tmp.File(name), "zebra");
    c.templates_dir = testing::SourcePath("templates");
    c.secrets = {"meta-secret", "verify-me", "generic-secret"};
    c.rules_poll_s = 1;
    c.classify.engine = "re2";  // about reloads, not engines (service_harness.h says why)
    return c;
  };
  app::Config config_a = config("a");
  config_a.rules_poll_s = 0;  // so that every poll-driven reload below is b's
  auto a = app::Service::Create(config_a);
  auto b = app::Service::Create(config("b"));
  INFO(a.status().ToString() << " / " << b.status().ToString());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  std::thread ta([&] { (*a)->Run(); }), tb([&] { (*b)->Run(); });
  WriteRules(tmp.File("a"), "giraffe");
  WriteRules(tmp.File("b"), "giraffe");
  core::Status reloaded = (*a)->ReloadRules("tester");
  // b's poll reloads its own directory and audits it under its own actor.
  auto conn = store::sql::OpenConnection("sqlite:" + tmp.File("t.db"));
  REQUIRE(conn.ok());
  const char* kPolled = "SELECT count(*) FROM events WHERE kind = 'rules.reload' AND actor = 'rules-poll'";
  std::int64_t polled = 0;
  for (int i = 0; i < 600 && polled == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    polled = (*conn)->QueryRow(kPolled).value()->Int(0);
  }
  (*a)->Stop();
  (*b)->Stop();
  ta.join();
  tb.join();
  CHECK(reloaded.ok());
  CHECK(polled == 1);
  CHECK((*conn)->QueryRow("SELECT generation, actor FROM rules_generation").value()->Text(1) == "tester");
}

TEST_CASE("rules_poll_s comes from the config file, 0 to 3600", "[app]") {
  testing::TempDir dir;
  const std::string path = dir.File("config.json");
  struct Case {
    const char* json;
    bool ok;
    int poll_s;
  };
  const Case cases[] = {{"{}", true, 5}, {R"({"rules_poll_s": 0})", true, 0}, {R"({"rules_poll_s": 3600})", true, 3600},
                        {R"({"rules_poll_s": -1})", false, 5}, {R"({"rules_poll_s": 3601})", false, 5},
                        {R"({"rules_poll_s": "5"})", false, 5}};
  for (const Case& c : cases) {
    INFO(c.json);
    std::ofstream(path) << c.json;
    app::Config config;
    core::Status s = app::LoadConfigFile(path, &config);
    CHECK(s.ok() == c.ok);
    if (!s.ok()) CHECK_THAT(s.message(), Catch::Contains("rules_poll_s"));
    CHECK(config.rules_poll_s == c.poll_s);
  }
}
