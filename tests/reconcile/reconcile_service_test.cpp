// The poll wired into the real server and the `reconcile --once` verb of the
// real binary, against the fake Graph API.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "fakes/fake_graph_server.h"
#include "http/service_harness.h"
#include "store/comment_reader.h"

using namespace turnaround;
using testing::FakeGraphServer;
using testing::ServiceHarness;

namespace {

std::string Ago(std::int64_t ago_ms) {
  return core::FormatRfc3339(core::SystemClock::Instance().NowMs() - ago_ms);
}

std::int64_t CountComments(const std::string& db) {
  auto reader = store::CommentReader::Open(db);
  REQUIRE(reader.ok());
  auto n = reader.value()->CountComments();
  REQUIRE(n.ok());
  return n.value();
}

std::string Metrics(ServiceHarness& h) {
  auto r = h.Client().Get("/metrics");
  REQUIRE(r);
  return r->body;
}

}  // namespace

TEST_CASE("serve polls the configured pages and counts what it recovered on metrics", "[reconcile]") {
  FakeGraphServer fake;
  fake.SeedPost("1001", "1001_2002", Ago(3600 * 1000));
  fake.SeedComment("1001_2002", "2002_3003", "77001", "Day 9 of waiting for billing to call me back",
                   Ago(60 * 1000));
  app::Config config;
  config.pages.push_back({"facebook", "1001", "Riverside", "", "", "page-token"});
  config.graph.base_url = fake.base_url();
  config.reconcile.tick_ms = 50;  // the first pass one short tick after start-up
  ServiceHarness h(config);

  const std::string want = "turnaround_reconcile_comments_recovered_total 1\n";
  std::string m;
  for (int i = 0; i < 250 && m.find(want) == std::string::npos; ++i) {
    if (i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    m = Metrics(h);
  }
  CHECK_THAT(m, Catch::Contains(want));
  CHECK_THAT(m, Catch::Contains("turnaround_reconcile_runs_total "));
  CHECK_THAT(m, Catch::Contains("turnaround_reconcile_pages_blocked 0\n"));
  CHECK(fake.Requests().front().Param("access_token") == "page-token");

  // The platform's webhook arriving late for the same comment adds nothing.
  REQUIRE(h.PostMeta(testing::ReadFixture("webhooks/facebook/comment_add.json"))->status == 200);
  h.Stop();  // with the poller's thread running: stops cleanly (TSan)
  CHECK(CountComments(h.db_path()) == 1);  // the fixture is 2002_3003 too: one row
}

TEST_CASE("reconcile --once stores only what the webhook missed", "[reconcile]") {
  FakeGraphServer fake;
  app::Config config;
  config.reconcile.interval_minutes = 0;  // no timer: the CLI does the pass
  ServiceHarness h(config);
  // Delivered by webhook first.
  REQUIRE(h.PostMeta(testing::ReadFixture("webhooks/facebook/comment_add.json"))->status == 200);

  fake.SeedPost("1001", "1001_2002", Ago(3600 * 1000));
  fake.SeedComment("1001_2002", "2002_3003", "77001", "Day 9 of waiting for billing to call me back",
                   Ago(60 * 1000));
  fake.SeedComment("1001_2002", "2002_3004", "77002", "Still no call back from billing after 3 weeks",
                   Ago(30 * 1000));
  fake.SeedComment("1001_2002", "2002_3005", "1001", "We are sorry, please call us", Ago(20 * 1000));

  testing::TempDir dir;
  const std::string token_file = dir.File("token");
  std::ofstream(token_file) << "file-token\n";
  ::chmod(token_file.c_str(), 0600);
  const std::string config_file = dir.File("config.json");
  std::ofstream(config_file) << nlohmann::json{
      {"rules_dir", testing::RulesDir()},
      {"pages", {{{"platform", "facebook"}, {"page_id", "1001"}, {"token_file", token_file}}}},
      {"graph", {{"base_url", fake.base_url()}}},
      {"reconcile", {{"interval_minutes", 0}, {"lookback_hours", 24}}}}.dump();

  const std::string out = h.RunCli("reconcile --once --config '" + config_file + "'");
  CHECK(out == "pages=1 posts=1 seen=2 recovered=1\n");
  CHECK(CountComments(h.db_path()) == 2);
  CHECK(fake.Requests().front().Param("access_token") == "file-token");
}

TEST_CASE("the reconcile config block is read and bad values are refused by name", "[reconcile]") {
  testing::TempDir dir;
  const std::string path = dir.File("config.json");
  auto load = [&](const std::string& json, app::Config* config) {
    std::ofstream(path) << json;
    return app::LoadConfigFile(path, config);
  };
  app::Config defaults;
  CHECK(defaults.reconcile.interval_minutes == 10);
  CHECK(defaults.reconcile.lookback_hours == 48);
  CHECK(defaults.reconcile.backoff_usage_percent == 75);

  app::Config config;
  REQUIRE(load(R"({"reconcile":{"interval_minutes":0,"lookback_hours":6,"max_posts":5,)"
               R"("max_calls_per_page":40,"backoff_usage_percent":50,"replies":false}})",
               &config)
              .ok());
  CHECK(config.reconcile.interval_minutes == 0);
  CHECK(config.reconcile.lookback_hours == 6);
  CHECK(config.reconcile.max_posts == 5);
  CHECK(config.reconcile.max_calls == 40);
  CHECK(config.reconcile.backoff_usage_percent == 50);
  CHECK_FALSE(config.reconcile.read_replies);

  struct Bad {
    const char* json;
    const char* names;
  } bad[] = {
      {R"({"reconcile":{"interval_minutes":-1}})", "reconcile.interval_minutes"},
      {R"({"reconcile":{"backoff_usage_percent":101}})", "reconcile.backoff_usage_percent"},
      {R"({"reconcile":{"replies":"yes"}})", "reconcile.replies"},
      {R"({"reconcile":{"interval":5}})", "reconcile.interval"},
      {R"({"reconcile":7})", "reconcile"},
  };
  for (const Bad& b : bad) {
    INFO(b.json);
    app::Config c;
    core::Status s = load(b.json, &c);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains(b.names));
  }
}
