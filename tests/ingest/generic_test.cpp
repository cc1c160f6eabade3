#include "ingest/generic.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace turnaround;
using turnaround::testing::ReadFixture;

TEST_CASE("generic single event", "[ingest]") {
  auto parsed = ingest::ParseGenericDelivery(ReadFixture("webhooks/generic/single_event.json"));
  REQUIRE(parsed.ok());
  REQUIRE(parsed->comments.size() == 1);
  const model::Comment& c = parsed->comments[0];
  CHECK(c.platform == "google_reviews");
  CHECK(c.external_id == "rev-1001");
  CHECK(c.author_id == "g-55");
  CHECK(c.author_name == "Chris P.");
  CHECK(c.created_at_ms == *core::ParseRfc3339("2026-11-24T05:00:00Z"));
  CHECK(c.url == "https://example.org/reviews/rev-1001");
  CHECK(c.action == model::CommentAction::kCreate);
}

TEST_CASE("generic batch with an edit and a delete without text", "[ingest]") {
  auto batch = ingest::ParseGenericDelivery(ReadFixture("webhooks/generic/batch.json"));
  REQUIRE(batch.ok());
  REQUIRE(batch->comments.size() == 3);
  CHECK(batch->comments[0].created_at_ms == *core::ParseRfc3339("2026-11-24T10:10:00Z"));
  CHECK(batch->comments[2].action == model::CommentAction::kEdit);
  auto del = ingest::ParseGenericDelivery(ReadFixture("webhooks/generic/delete.json"));
  REQUIRE(del.ok());
  CHECK(del->comments[0].action == model::CommentAction::kRemove);
}

TEST_CASE("invalid generic events name the field", "[ingest]") {
  struct Case {
    std::string body;
    const char* want;
  } cases[] = {
      {ReadFixture("webhooks/generic/missing_created_at.json"), "$.created_at"},
      {ReadFixture("webhooks/generic/reserved_source.json"), "reserved"},
      {R"({"id":"1","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})", "$.source"},
      {R"({"source":"Bad Source","id":"1","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})", "$.source"},
      {R"({"source":"yelp","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})", "$.id: required"},
      {R"({"source":"yelp","id":"1","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})", "$.text"},
      {R"({"source":"yelp","id":"1","text":7,"author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})", "$.text"},
      {R"({"source":"yelp","id":"1","text":"x","created_at":"2026-11-24T05:00:00Z"})", "$.author.id"},
      {R"({"source":"yelp","id":"1","text":"x","author":"a","created_at":"2026-11-24T05:00:00Z"})", "$.author"},
      {R"({"source":"yelp","id":"1","text":"x","author":{"id":"a"},"created_at":"yesterday"})", "RFC 3339"},
      {R"({"source":"yelp","id":"1","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z","action":"upsert"})", "$.action"},
      {R"({"events":[]})", "$.events"},
      {R"({"events":{}})", "$.events"},
      {R"({"events":[{"source":"yelp","id":"1","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"},{"source":"yelp"}]})", "$.events[1].id"},
      {"not json", "not valid JSON"},
      {"\"just a string\"", "JSON object"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    auto parsed = ingest::ParseGenericDelivery(c.body);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == core::Code::kInvalidArgument);
    CHECK_THAT(parsed.status().message(), Catch::Contains(c.want));
  }
}

TEST_CASE("generic batches are capped at 1000 events", "[ingest]") {
  std::string body = R"({"events":[)";
  for (int i = 0; i < 1001; ++i) {
    if (i) body += ",";
    body += R"({"source":"yelp","id":")" + std::to_string(i) +
            R"(","text":"x","author":{"id":"a"},"created_at":"2026-11-24T05:00:00Z"})";
  }
  body += "]}";
  auto parsed = ingest::ParseGenericDelivery(body);
  REQUIRE_FALSE(parsed.ok());
  CHECK_THAT(parsed.status().message(), Catch::Contains("at most 1000"));
}
