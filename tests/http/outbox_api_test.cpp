// Delivery status, hide/unhide, private replies and retries over HTTP, with
// the real service posting to a fake Graph API.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "fakes/fake_clock.h"
#include "fakes/fake_graph_server.h"
#include "http/api_client.h"

using namespace turnaround;
using nlohmann::json;
using testing::FakeGraphServer;
using testing::ServiceHarness;

namespace {

const std::string kPost = "/v21.0/2002_3003/comments";
// Shortly after the fixture comment was posted: the 7 days of private replies
// are measured from it.
testing::FakeClock clock_at_fixture(1795500000000);

app::Config WithPage(const FakeGraphServer& fake, const std::string& page_id = "1001") {
  app::Config c;
  app::PageConfig p;
  p.platform = "facebook";
  p.page_id = page_id;
  p.token = "page-token";
  c.pages.push_back(p);
  c.graph.base_url = fake.base_url();
  c.graph.timeout_s = 5;
  return c;
}

struct Api : testing::ApiClient {
  // Delivers the Facebook fixture comment and returns its item's path.
  std::string Item() const {
    auto r = h.PostMeta(testing::ReadFixture("webhooks/facebook/comment_add.json"));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto [status, body] = Get("/api/queue");
    REQUIRE(status == 200);
    REQUIRE(body["items"].size() == 1);
    return "/api/items/" + std::to_string(body["items"][0]["id"].get<std::int64_t>());
  }
  // Polls the item until `pred` holds (the sender runs on its own thread).
  template <typename Pred>
  json WaitFor(const std::string& item, Pred pred) const {
    json last;
    for (int i = 0; i < 200; ++i) {
      last = Get(item).second;
      if (pred(last)) return last;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    return last;
  }
};

}  // namespace

TEST_CASE("a reply's delivery goes from queued to sent with a link", "[http][outbox]") {
  FakeGraphServer fake;
  ServiceHarness h(WithPage(fake), &clock_at_fixture);
  Api api{{h, h.AddUser("ann", "agent")}};
  const std::string item = api.Item();
  REQUIRE(api.Post(item + "/claim").first == 200);
  auto [status, replied] = api.Post(item + "/reply", {{"text", "We are sorry; please call us"}});
  REQUIRE(status == 200);
  REQUIRE(replied["replies"][0]["delivery"].is_object());
  json d = api.WaitFor(item, [](const json& j) { return j["replies"][0]["delivery"]["state"] == "sent"; });
  json delivery = d["replies"][0]["delivery"];
  CHECK(delivery["state"] == "sent");
  CHECK(delivery["link"].get<std::string>().rfind("https://www.facebook.com/2002_3003_fake", 0) == 0);
  CHECK(delivery["attempts"] == 1);
  CHECK(delivery["error"].is_null());
  CHECK(d["delivery_failed"] == false);
  CHECK(fake.Count("POST", kPost) == 1);
  CHECK(fake.Requests()[0].Param("access_token") == "page-token");
}

TEST_CASE("an expired token fails the delivery with the platform's reason and a retry sends it", "[http][outbox]") {
  FakeGraphServer fake;
  fake.Script(kPost, {FakeGraphServer::ExpiredToken()});
  ServiceHarness h(WithPage(fake), &clock_at_fixture);
  Api api{{h, h.AddUser("ann", "agent")}};
  const std::string item = api.Item();
  REQUIRE(api.Post(item + "/claim").first == 200);
  REQUIRE(api.Post(item + "/reply", {{"text", "Sorry"}}).first == 200);
  // Waits for the item too: the failure and the item's way back are one
  // transaction, but one GET reads the item and its deliveries in separate
  // statements, so a poll can land between them (seen under ASan).
  json d = api.WaitFor(item, [](const json& j) {
    return j["replies"][0]["delivery"]["state"] == "failed" && j["state"] != "replied";
  });
  CHECK(d["replies"][0]["delivery"]["state"] == "failed");
  CHECK(d["replies"][0]["delivery"]["error"].get<std::string>().find("Session has expired") != std::string::npos);
  CHECK(d["delivery_failed"] == true);
  CHECK(d["state"] == "claimed");  // back in front of the agent
  const std::int64_t delivery_id = d["replies"][0]["delivery"]["id"].get<std::int64_t>();
  const std::string retry = item + "/deliveries/" + std::to_string(delivery_id) + "/retry";
  REQUIRE(api.Post(retry).first == 200);
  d = api.WaitFor(item, [](const json& j) { return j["replies"][0]["delivery"]["state"] == "sent"; });
  CHECK(d["replies"][0]["delivery"]["state"] == "sent");
  CHECK(api.Post(retry).first == 409);
  CHECK(fake.Count("POST", kPost) == 2);
}

TEST_CASE("without a page token the reply is recorded and its delivery says why", "[http][outbox]") {
  FakeGraphServer fake;
  ServiceHarness h(WithPage(fake, "some-other-page"), &clock_at_fixture);
  Api api{{h, h.AddUser("ann", "agent")}};
  const std::string item = api.Item();
  REQUIRE(api.Post(item + "/claim").first == 200);
  auto [status, replied] = api.Post(item + "/reply", {{"text", "Sorry"}});
  REQUIRE(status == 200);
  CHECK(replied["state"] == "replied");
  CHECK(replied["replies"][0]["delivery"]["state"] == "failed");
  CHECK(replied["replies"][0]["delivery"]["error"] == "no page token configured for page 1001");
  CHECK(replied["delivery_failed"] == false);  // nothing to raise: it is not meant to be posted
  auto [hide_status, hide] = api.Post(item + "/hide");
  CHECK(hide_status == 409);
  CHECK(hide["error"]["code"] == "no_page_token");
  auto [_, detail] = api.Get(item);
  CHECK(detail["private_reply"]["available"] == false);
  CHECK(detail["private_reply"]["reason"] == "no page token configured for page 1001");
  CHECK(fake.Requests().empty());
}

TEST_CASE("hide unhide and private reply from the item", "[http][outbox]") {
  FakeGraphServer fake;
  ServiceHarness h(WithPage(fake), &clock_at_fixture);
  Api api{{h, h.AddUser("ann", "agent")}};
  const std::string item = api.Item();
  REQUIRE(api.Post(item + "/hide").first == 200);
  json d = api.WaitFor(item, [](const json& j) { return j["moderation"]["hidden"] == true; });
  CHECK(d["moderation"]["hidden"] == true);
  CHECK(d["moderation"]["actions"][0]["action"] == "hide");
  CHECK(d["moderation"]["actions"][0]["state"] == "sent");
  REQUIRE(api.Post(item + "/unhide").first == 200);
  d = api.WaitFor(item, [](const json& j) { return j["moderation"]["hidden"] == false; });
  CHECK(d["moderation"]["hidden"] == false);
  CHECK(d["private_reply"]["available"] == true);
  CHECK(api.Post(item + "/private-reply", json::object()).first == 400);
  REQUIRE(api.Post(item + "/private-reply", {{"text", "Could you send us your booking number?"}}).first == 200);
  auto [status, again] = api.Post(item + "/private-reply", {{"text", "Hello?"}});
  CHECK(status == 409);
  CHECK(again["error"]["code"] == "private_reply_unavailable");
  d = api.WaitFor(item, [](const json& j) { return j["moderation"]["actions"].size() == 3 &&
                                                   j["moderation"]["actions"][2]["state"] == "sent"; });
  CHECK(d["private_reply"]["available"] == false);
  CHECK(d["private_reply"]["reason"] == "a private reply was already sent for this comment");
  CHECK(fake.Count("POST", "/v21.0/1001/messages") == 1);
  CHECK(fake.Count("POST", "/v21.0/2002_3003") == 2);
}
