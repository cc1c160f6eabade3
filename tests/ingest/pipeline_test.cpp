#include "ingest/pipeline.h"

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "fakes/recording_sink.h"
#include "ingest/signature.h"
#include "test_util.h"

using namespace turnaround;
using turnaround::testing::ReadFixture;

namespace {

struct Fixture {
  testing::FakeClock clock;
  testing::RecordingSink sink;
  std::unique_ptr<classify::ClassifierHolder> holder;
  std::unique_ptr<ingest::IngestPipeline> pipeline;

  Fixture() {
    // The rules' examples are rule_set_test's and rules check's business;
    // running them here cost each test case ~100 s under AddressSanitizer.
    auto loaded = classify::Classifier::Load(testing::RulesDir(), {.run_examples = false});
    REQUIRE(loaded.ok());
    holder = std::make_unique<classify::ClassifierHolder>(std::move(loaded).value());
    pipeline = std::make_unique<ingest::IngestPipeline>(
        ingest::WebhookSecrets{"meta-secret", "verify-me", "generic-secret"}, *holder, sink, clock);
  }
};

std::string Sign(const std::string& secret, const std::string& body) {
  return "sha256=" + ingest::HmacSha256Hex(secret, body);
}

}  // namespace

TEST_CASE("a signed Meta delivery is classified and written with its raw body", "[ingest]") {
  Fixture f;
  const std::string body = ReadFixture("webhooks/facebook/comment_add.json");
  auto result = f.pipeline->HandleMeta(body, Sign("meta-secret", body));
  REQUIRE(result.ok());
  CHECK(result->comments == 1);
  auto records = f.sink.records();
  REQUIRE(records.size() == 1);
  CHECK(records[0].accepted);
  CHECK(records[0].body == body);
  CHECK(records[0].received_at_ms == f.clock.NowMs());
  REQUIRE(records[0].writes.size() == 1);
  REQUIRE(records[0].writes[0].verdict.has_value());
  CHECK_FALSE(records[0].writes[0].verdict->rules_version.empty());
}

TEST_CASE("unsigned or wrongly signed or cross-signed deliveries are rejected before parsing", "[ingest]") {
  Fixture f;
  const std::string body = ReadFixture("webhooks/facebook/comment_add.json");
  for (const std::string& sig : {std::string(), Sign("wrong", body), Sign("generic-secret", body)}) {
    auto result = f.pipeline->HandleMeta(body, sig);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == core::Code::kUnauthenticated);
  }
  // Rejections are recorded, without their body and without comments.
  for (const auto& r : f.sink.records()) {
    CHECK_FALSE(r.accepted);
    CHECK(r.http_status == 401);
    CHECK(r.body.empty());
    CHECK(r.writes.empty());
  }
  CHECK(f.pipeline->counters().rejected == 3);
  // Garbage that is signed still gets a 400, not a crash.
  auto garbage = f.pipeline->HandleGeneric("{nope", Sign("generic-secret", "{nope"));
  CHECK(garbage.status().code() == core::Code::kInvalidArgument);
}

TEST_CASE("the page own replies and removals carry no verdict", "[ingest]") {
  Fixture f;
  for (const char* name : {"webhooks/facebook/page_own_reply.json",
                           "webhooks/facebook/comment_remove_no_from.json"}) {
    const std::string body = ReadFixture(name);
    REQUIRE(f.pipeline->HandleMeta(body, Sign("meta-secret", body)).ok());
  }
  for (const auto& r : f.sink.records()) CHECK_FALSE(r.writes.at(0).verdict.has_value());
}

TEST_CASE("a store failure is reported and never acknowledged", "[ingest]") {
  Fixture f;
  f.sink.set_fail(true);
  const std::string body = ReadFixture("webhooks/generic/single_event.json");
  auto result = f.pipeline->HandleGeneric(body, Sign("generic-secret", body));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == core::Code::kUnavailable);
}

TEST_CASE("Meta subscription handshake", "[ingest]") {
  Fixture f;
  CHECK(f.pipeline->VerifySubscription("subscribe", "verify-me", "1158201444").value() == "1158201444");
  CHECK_FALSE(f.pipeline->VerifySubscription("subscribe", "wrong", "1158201444").ok());
  CHECK_FALSE(f.pipeline->VerifySubscription("unsubscribe", "verify-me", "1").ok());
  CHECK_FALSE(f.pipeline->VerifySubscription("subscribe", "verify-me", "<script>").ok());
  CHECK_FALSE(f.pipeline->VerifySubscription("subscribe", "verify-me", "").ok());
}
