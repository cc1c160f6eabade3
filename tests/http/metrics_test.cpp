#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "http/service_harness.h"

using namespace turnaround;
using turnaround::testing::ReadFixture;
using turnaround::testing::ServiceHarness;

TEST_CASE("metrics count deliveries and comments and queue depth", "[http]") {
  ServiceHarness h;
  REQUIRE(h.PostMeta(ReadFixture("webhooks/facebook/comment_add.json"))->status == 200);
  REQUIRE(h.PostMeta(ReadFixture("webhooks/facebook/batch_many.json"))->status == 200);
  REQUIRE(h.Client().Post("/webhooks/meta", "{}", "application/json")->status == 401);
  // A request is observed after its response is sent, so the last one may
  // land a moment after the client has its answer.
  const std::string want_latency =
      "turnaround_http_request_duration_seconds_bucket{family=\"webhooks\",le=\"+Inf\"} 3\n";
  std::string m;
  for (int i = 0; i < 50 && m.find(want_latency) == std::string::npos; ++i) {
    if (i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto r = h.Client().Get("/metrics");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    m = r->body;
  }
  CHECK_THAT(m, Catch::Contains("turnaround_deliveries_total{endpoint=\"meta\",outcome=\"accepted\"} 2\n"));
  CHECK_THAT(m, Catch::Contains("turnaround_deliveries_total{endpoint=\"meta\",outcome=\"rejected\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("turnaround_comments_ingested_total{platform=\"facebook\"} 61\n"));
  CHECK_THAT(m, Catch::Contains("# TYPE turnaround_queue_depth gauge"));
  CHECK_THAT(m, Catch::Contains("turnaround_queue_depth{state=\"new\""));
  CHECK_THAT(m, Catch::Contains(want_latency));
  CHECK_THAT(m, Catch::Contains("turnaround_rules_info{version=\""));
  CHECK_THAT(m, Catch::Contains("turnaround_oldest_open_item_age_seconds "));
}

TEST_CASE("metrics can require a token", "[http]") {
  app::Config config;
  config.metrics_token = "scrape-me";
  ServiceHarness h(config);
  CHECK(h.Client().Get("/metrics")->status == 401);
  auto ok = h.Client().Get("/metrics", {{"Authorization", "Bearer scrape-me"}});
  REQUIRE(ok);
  CHECK(ok->status == 200);
}
