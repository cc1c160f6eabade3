// The queue's first page kept for http.queue_page_cache_ms: PageCache on its
// own (expiry, generations, one render while others get the old body), then
// over HTTP (new comments show after the time, an agent's claim at once,
// cursors and other filters never share a page).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "fakes/fake_clock.h"
#include "http/api_client.h"
#include "http/page_cache.h"
#include "http/service_harness.h"

using namespace turnaround;
using nlohmann::json;
using turnaround::testing::FakeClock;
using turnaround::testing::ServiceHarness;

namespace {

std::string Text(const core::Result<http::PageCache::Body>& b) {
  REQUIRE(b.ok());
  return **b;
}

}  // namespace

TEST_CASE("PageCache keeps a body for its time and generation only", "[http][cache]") {
  FakeClock clock;
  http::PageCache cache(clock, 1000);
  int renders = 0;
  auto render = [&renders]() -> core::Result<std::string> { return "page " + std::to_string(++renders); };

  CHECK(Text(cache.Get("k", 0, render)) == "page 1");
  clock.Advance(999);
  CHECK(Text(cache.Get("k", 0, render)) == "page 1");
  CHECK(Text(cache.Get("other", 0, render)) == "page 2");  // keys do not share
  clock.Advance(1);
  CHECK(Text(cache.Get("k", 0, render)) == "page 3");  // expired
  CHECK(Text(cache.Get("k", 1, render)) == "page 4");  // a newer generation is never served an older body
  CHECK(Text(cache.Get("k", 1, render)) == "page 4");

  // A failed render is answered and not kept.
  clock.Advance(1000);
  auto failing = []() -> core::Result<std::string> { return core::Internal("database busy"); };
  CHECK_FALSE(cache.Get("k", 1, failing).ok());
  CHECK(Text(cache.Get("k", 1, render)) == "page 5");

  http::PageCache off(clock, 0);
  CHECK_FALSE(off.enabled());
  CHECK(Text(off.Get("k", 0, render)) == "page 6");
  CHECK(Text(off.Get("k", 0, render)) == "page 7");
}

TEST_CASE("PageCache renders an expired page once while other callers get the old one", "[http][cache]") {
  FakeClock clock;
  http::PageCache cache(clock, 1000);
  CHECK(Text(cache.Get("k", 0, [] { return core::Result<std::string>("old"); })) == "old");
  clock.Advance(1500);
  std::promise<void> entered, release;
  auto slow = std::async(std::launch::async, [&] {
    return cache.Get("k", 0, [&]() -> core::Result<std::string> {
      entered.set_value();
      release.get_future().wait();
      return std::string("new");
    });
  });
  entered.get_future().wait();
  std::atomic<int> rendered{0};
  auto count = [&rendered]() -> core::Result<std::string> {
    ++rendered;
    return std::string("again");
  };
  CHECK(Text(cache.Get("k", 0, count)) == "old");  // while "new" is being rendered
  CHECK(rendered == 0);
  clock.Advance(600);  // now 2.1 ttl old: too old to serve, even while refreshing
  CHECK(Text(cache.Get("k", 0, count)) == "again");
  release.set_value();
  CHECK(Text(slow.get()) == "new");
}

TEST_CASE("the queue's first page is kept for a while, and an agent's own changes show at once", "[http][cache]") {
  FakeClock clock;
  app::Config config;
  config.http.queue_page_cache_ms = 5000;
  ServiceHarness h(config, &clock);
  turnaround::testing::ApiClient alice{h, h.AddUser("alice", "agent")};
  turnaround::testing::ApiClient bob{h, h.AddUser("bob", "agent")};
  auto post = [&h](const std::string& id, const std::string& text) {
    json events = json::array({{{"source", "yelp"},
                                {"id", id},
                                {"text", text},
                                {"author", {{"id", "a-" + id}, {"name", "Pat Doe"}}},
                                {"created_at", "2026-11-24T06:00:00Z"}}});
    auto r = h.PostGeneric(json{{"events", events}}.dump());
    REQUIRE(r);
    REQUIRE(r->status == 200);
  };
  post("c1", "I have been waiting 3 hours in the ER and nobody has told us anything");
  auto [s1, first] = alice.Get("/api/queue");
  REQUIRE(s1 == 200);
  REQUIRE(first["items"].size() == 1);

  // A new comment shows once the kept page is older than the setting.
  post("c2", "Billing charged me twice for the same visit and nobody calls back");
  CHECK(alice.Get("/api/queue").second["items"].size() == 1);
  CHECK(bob.Get("/api/queue").second["items"].size() == 1);  // same filter, same page
  CHECK(alice.Get("/api/queue?limit=10").second["items"].size() == 2);  // another filter: its own page
  CHECK(alice.Get("/api/queue?state=new,claimed").second["items"].size() == 2);
  clock.Advance(5000);
  auto [s2, later] = alice.Get("/api/queue");
  REQUIRE(s2 == 200);
  REQUIRE(later["items"].size() == 2);

  // A claim through this server shows at once, to every caller.
  const std::int64_t id = later["items"][0]["id"].get<std::int64_t>();
  REQUIRE(alice.Post("/api/items/" + std::to_string(id) + "/claim").first == 200);
  auto [s3, after_claim] = bob.Get("/api/queue");
  REQUIRE(s3 == 200);
  CHECK(after_claim["items"][0]["state"] == "claimed");
  CHECK(after_claim["items"][0]["assignee"] == "alice");

  // "assignee=me" is each caller's own page.
  CHECK(alice.Get("/api/queue?assignee=me").second["items"].size() == 1);
  CHECK(bob.Get("/api/queue?assignee=me").second["items"].empty());

  // Pages after a cursor are never kept.
  auto [s4, page1] = alice.Get("/api/queue?limit=1");
  REQUIRE(s4 == 200);
  REQUIRE(page1["next_cursor"].is_string());
  const std::string next = "/api/queue?limit=1&cursor=" + page1["next_cursor"].get<std::string>();
  REQUIRE(alice.Get(next).second["items"].size() == 1);
  post("c3", "The front desk was rude to my mother and nobody apologised, unacceptable");
  CHECK(alice.Get(next).second["items"].size() == 1);
  CHECK_FALSE(alice.Get(next).second["next_cursor"].is_null());  // c3 is after it, read fresh
}
