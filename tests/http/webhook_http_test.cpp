// End to end over HTTP: signed and unsigned deliveries, duplicates, bad input,
// and what `turnaround export` shows afterwards.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/service_harness.h"

using namespace turnaround;
using nlohmann::json;
using turnaround::testing::ReadFixture;
using turnaround::testing::ServiceHarness;

namespace {

std::vector<json> Lines(const std::string& jsonl) {
  std::vector<json> out;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

json ErrorOf(const httplib::Result& r) {
  REQUIRE(r);
  json body = json::parse(r->body, nullptr, false);
  REQUIRE(body.is_object());
  REQUIRE(body.contains("error"));
  CHECK(body["error"]["code"].is_string());
  CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
  return body["error"];
}

}  // namespace

TEST_CASE("healthz answers JSON", "[http]") {
  ServiceHarness h;
  auto r = h.Client().Get("/healthz");
  REQUIRE(r);
  CHECK(r->status == 200);
  json body = json::parse(r->body);
  CHECK(body["status"] == "ok");
  CHECK_FALSE(body["rules_version"].get<std::string>().empty());
  CHECK(body["store"] == "sqlite");  // "postgresql" on PostgreSQL (tests/app/two_instances_pg.sh)
  CHECK(body["rules_engine"] == "re2");  // the harness's default; "hyperscan" once compiled (below)
}

// A reload submits the new rules the same way (service.cpp, ReloadAndAudit);
// not reloaded here: a reload runs every rule's examples, about two minutes
// under AddressSanitizer, and the next classifier's switch is the
// Accelerator's own test (accelerate_test.cpp).
TEST_CASE("the service switches its rules to Hyperscan in the background", "[http][hyperscan]") {
  ServiceHarness h({}, nullptr, ServiceHarness::Engine::kHyperscan);
  REQUIRE(h.service().WaitRulesAccelerated());
  auto r = h.Client().Get("/healthz");
  REQUIRE(r);
  CHECK(json::parse(r->body)["rules_engine"] == "hyperscan");
}

TEST_CASE("with classify.engine re2 the service stays on RE2", "[http]") {
  ServiceHarness h({}, nullptr, ServiceHarness::Engine::kRe2);
  CHECK_FALSE(h.service().WaitRulesAccelerated());
  auto r = h.Client().Get("/healthz");
  REQUIRE(r);
  CHECK(json::parse(r->body)["rules_engine"] == "re2");
}

TEST_CASE("Meta verification handshake", "[http]") {
  ServiceHarness h;
  auto ok = h.Client().Get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(ok->body == "1158201444");
  CHECK(ok->get_header_value("Content-Type").rfind("text/plain", 0) == 0);
  for (const char* bad : {"/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1",
                          "/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%3Cscript%3E",
                          "/webhooks/meta"}) {
    INFO(bad);
    auto r = h.Client().Get(bad);
    REQUIRE(r);
    CHECK(r->status == 403);
    ErrorOf(r);
  }
}

TEST_CASE("signed deliveries are stored once and retries change nothing", "[http]") {
  ServiceHarness h;
  const std::string add = ReadFixture("webhooks/facebook/comment_add.json");
  auto first = h.PostMeta(add);
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(json::parse(first->body)["created"] == 1);
  auto retry = h.PostMeta(add);
  REQUIRE(retry);
  CHECK(retry->status == 200);
  CHECK(json::parse(retry->body)["unchanged"] == 1);

  const std::string edit = ReadFixture("webhooks/facebook/comment_edit.json");
  REQUIRE(h.PostMeta(edit)->status == 200);
  REQUIRE(h.PostMeta(ReadFixture("webhooks/instagram/comment_add.json"))->status == 200);
  REQUIRE(h.PostMeta(ReadFixture("webhooks/facebook/page_own_reply.json"))->status == 200);
  REQUIRE(h.PostGeneric(ReadFixture("webhooks/generic/batch.json"))->status == 200);
  h.Stop();  // export reads the closed database, as a backup job would

  auto rows = Lines(h.Export());
  REQUIRE(rows.size() == 5);  // fb comment, ig comment, our reply, two yelp reviews
  const json& fb = rows[0];
  CHECK(fb["platform"] == "facebook");
  CHECK(fb["external_id"] == "2002_3003");
  CHECK(fb["author"]["name"] == "Dana Whitfield");
  CHECK(fb["text"] == "Day 10 of waiting for billing to call me back. Still nothing.");
  REQUIRE(fb["history"].size() == 1);
  CHECK(fb["history"][0]["old_text"] == "Day 9 of waiting for billing to call me back");
  CHECK(fb["created_at"] == "2026-11-24T05:59:50.000Z");
  CHECK(fb["verdict"].is_object());
  CHECK(fb["verdict"].contains("is_complaint"));
  CHECK(rows[1]["platform"] == "instagram");
  CHECK(rows[2]["is_ours"] == true);
  CHECK(rows[2]["verdict"].is_null());
  CHECK(rows[3]["platform"] == "yelp");
  CHECK_THAT(rows[3]["text"].get<std::string>(), Catch::Contains("Update: still broken"));
}

TEST_CASE("unsigned and wrongly signed deliveries get 401 and store nothing", "[http]") {
  ServiceHarness h;
  const std::string body = ReadFixture("webhooks/facebook/comment_add.json");
  auto unsigned_post = h.Client().Post("/webhooks/meta", body, "application/json");
  REQUIRE(unsigned_post);
  CHECK(unsigned_post->status == 401);
  CHECK(ErrorOf(unsigned_post)["code"] == "unauthenticated");
  auto wrong = h.PostMeta(body, "not-the-secret");
  CHECK(wrong->status == 401);
  auto generic_with_meta_secret = h.PostGeneric(ReadFixture("webhooks/generic/single_event.json"), "meta-secret");
  CHECK(generic_with_meta_secret->status == 401);
  h.Stop();
  CHECK(Lines(h.Export()).empty());
}

TEST_CASE("bad input gets a JSON error and never a half-stored comment", "[http]") {
  ServiceHarness h;
  REQUIRE(h.PostMeta(ReadFixture("webhooks/facebook/comment_add.json"))->status == 200);

  struct Case {
    const char* name;
    int status;
    httplib::Result result;
  };
  const std::string half_bad =
      R"({"object":"page","entry":[{"id":"1","changes":[)"
      R"({"field":"feed","value":{"item":"comment","verb":"add","comment_id":"9_1","message":"fine"}},)"
      R"({"field":"feed","value":{"item":"comment","verb":"add","comment_id":"9_2","message":["x"]}}]}]})";
  const std::string signed_text = "hello";
  std::vector<Case> cases;
  cases.push_back({"malformed JSON", 400, h.PostMeta("{\"object\":")});
  cases.push_back({"invalid UTF-8", 400, h.PostMeta("{\"object\":\"page\",\"entry\":[\xff]}")});
  cases.push_back({"wrong field type in a batch", 400, h.PostMeta(half_bad)});
  cases.push_back({"missing generic field", 400, h.PostGeneric(ReadFixture("webhooks/generic/missing_created_at.json"))});
  cases.push_back({"wrong content type", 415,
                   h.Client().Post("/webhooks/meta",
                                   {{"X-Hub-Signature-256", "sha256=" + ingest::HmacSha256Hex("meta-secret", signed_text)}},
                                   signed_text, "text/plain")});
  cases.push_back({"unknown route", 404, h.Client().Get("/nope")});
  cases.push_back({"unknown POST route", 404, h.Client().Post("/webhooks/twitter", "{}", "application/json")});
  cases.push_back({"body over 1 MiB", 413, h.PostMeta(std::string(2 << 20, ' '))});
  for (auto& c : cases) {
    INFO(c.name);
    REQUIRE(c.result);
    CHECK(c.result->status == c.status);
    ErrorOf(c.result);
  }
  // The server still works, and only the first good comment exists.
  REQUIRE(h.PostMeta(ReadFixture("webhooks/instagram/live_comment.json"))->status == 200);
  h.Stop();
  auto rows = Lines(h.Export());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["external_id"] == "2002_3003");
  CHECK(rows[1]["platform"] == "instagram");
}

TEST_CASE("unknown objects and fields and verbs are answered 200 and counted", "[http]") {
  ServiceHarness h;
  auto r = h.PostMeta(ReadFixture("webhooks/facebook/batch_many.json"));
  REQUIRE(r);
  CHECK(r->status == 200);
  json body = json::parse(r->body);
  CHECK(body["created"] == 60);
  CHECK(body["ignored"].size() == 3);
  auto wa = h.PostMeta(R"({"object":"whatsapp_business_account","entry":[]})");
  CHECK(wa->status == 200);
  json health = json::parse(h.Client().Get("/healthz")->body);
  CHECK(health["ignored_changes"] == 4);
}
