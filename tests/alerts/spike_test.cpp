#include "alerts/spike.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "alerts/monitor.h"
#include "fakes/fake_clock.h"
#include "http/service_harness.h"
#include "store/item_store.h"
#include "store/sql/open.h"

using namespace turnaround;

TEST_CASE("spike detection against the hourly baseline", "[alerts]") {
  alerts::SpikeSettings s;  // 3x, at least 5, 24 h baseline
  struct Case {
    const char* name;
    std::map<std::string, std::int64_t> now, before;
    std::vector<std::string> scopes;
  } cases[] = {
      {"quiet page", {{"billing", 2}}, {}, {}},
      {"steady", {{"billing", 6}}, {{"billing", 24 * 5}}, {}},
      {"overall burst", {{"billing", 4}, {"wait_time", 4}}, {{"billing", 24}, {"wait_time", 24}}, {"all"}},
      {"one category from nothing", {{"privacy", 6}}, {{"billing", 24}}, {"all", "privacy"}},
      {"category grows inside steady total", {{"billing", 9}, {"wait_time", 1}},
       {{"billing", 24}, {"wait_time", 24 * 9}}, {"billing"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    std::vector<std::string> got;
    for (const auto& spike : alerts::DetectSpikes(c.now, c.before, s)) got.push_back(spike.scope);
    CHECK(got == c.scopes);
  }
}

TEST_CASE("the monitor records one alert per scope per hour and posts it", "[alerts]") {
  // A local receiver stands in for the outgoing webhook.
  httplib::Server receiver;
  std::mutex mu;
  std::vector<std::string> received;
  receiver.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    received.push_back(req.body);
    res.status = 204;
  });
  const int port = receiver.bind_to_any_port("127.0.0.1");
  std::thread t([&] { receiver.listen_after_bind(); });
  struct Joiner {  // stops the receiver even when a REQUIRE fails
    httplib::Server& s;
    std::thread& t;
    ~Joiner() {
      s.stop();
      if (t.joinable()) t.join();
    }
  } joiner{receiver, t};

  testing::FakeClock clock(*core::ParseRfc3339("2026-11-24T06:30:00Z"));
  {
    testing::ServiceHarness h({}, &clock);
    nlohmann::json events = nlohmann::json::array();
    for (int i = 0; i < 6; ++i) {
      events.push_back({{"source", "yelp"},
                        {"id", "s" + std::to_string(i)},
                        {"text", "I was charged twice for the same visit and billing never calls back"},
                        {"author", {{"id", "a" + std::to_string(i)}, {"name", "X"}}},
                        {"created_at", "2026-11-24T06:20:00Z"}});
    }
    REQUIRE(h.PostGeneric(nlohmann::json{{"events", events}}.dump())->status == 200);
    auto pool = store::sql::OpenPool("sqlite:" + h.db_path());
    REQUIRE(pool.ok());
    store::ItemStore items(pool.value());
    alerts::MonitorSettings ms;
    ms.webhook_url = "http://127.0.0.1:" + std::to_string(port) + "/hook";
    alerts::SpikeMonitor monitor(items, clock, ms);
    auto first = monitor.CheckNow();
    REQUIRE_FALSE(first.empty());
    CHECK(first[0].scope == "all");
    CHECK(first[0].last_hour == 6);
    CHECK(monitor.CheckNow().empty());  // the same spike is not news a minute later

    const std::string token = h.AddUser("alice", "agent");
    auto r = h.Client().Get("/api/alerts", {{"Authorization", "Bearer " + token}});
    REQUIRE(r);
    auto body = nlohmann::json::parse(r->body);
    REQUIRE(body["alerts"].size() == first.size());
    CHECK(body["alerts"][0]["kind"] == "spike");
  }
  receiver.stop();
  if (t.joinable()) t.join();
  std::lock_guard<std::mutex> lock(mu);
  REQUIRE_FALSE(received.empty());
  CHECK(nlohmann::json::parse(received[0])["last_hour"] == 6);
}
