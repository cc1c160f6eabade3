// The queue API over HTTP: auth (401/403/CSRF), every transition, 409s, the
// PHI guard's 422 and override, suggestions, lease expiry with a fake clock.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakes/fake_clock.h"
#include "http/api_client.h"
#include "http/service_harness.h"
#include "store/item_store.h"
#include "store/sql/open.h"

using namespace turnaround;
using nlohmann::json;
using turnaround::testing::ServiceHarness;

namespace {

using Api = turnaround::testing::ApiClient;

// Posts generic comments; returns nothing, they become items when flagged.
void Seed(ServiceHarness& h, const std::vector<std::pair<std::string, std::string>>& comments) {
  json events = json::array();
  for (const auto& [id, text] : comments) {
    events.push_back({{"source", "yelp"},
                      {"id", id},
                      {"text", text},
                      {"author", {{"id", "author-" + id}, {"name", "Pat Doe"}}},
                      {"created_at", "2026-11-24T06:00:00Z"}});
  }
  auto r = h.PostGeneric(json{{"events", events}}.dump());
  REQUIRE(r);
  REQUIRE(r->status == 200);
}

std::int64_t FirstItemId(const Api& api) {
  auto [status, body] = api.Get("/api/queue");
  REQUIRE(status == 200);
  REQUIRE_FALSE(body["items"].empty());
  return body["items"][0]["id"].get<std::int64_t>();
}

const char* kComplaint = "I have been waiting 3 hours in the ER and nobody has told us anything";

}  // namespace

TEST_CASE("the API needs credentials and the right role", "[http][queue]") {
  ServiceHarness h;
  auto none = h.Client().Get("/api/queue");
  REQUIRE(none);
  CHECK(none->status == 401);
  CHECK(json::parse(none->body)["error"]["code"] == "unauthenticated");
  auto bad = h.Client().Get("/api/queue", {{"Authorization", "Bearer ta_nope"}});
  CHECK(bad->status == 401);
  Api agent{h, h.AddUser("alice", "agent")};
  REQUIRE_FALSE(agent.token.empty());
  CHECK(agent.Get("/api/queue").first == 200);
  auto [status, body] = agent.Post("/api/admin/rules/reload");
  CHECK(status == 403);
  CHECK(body["error"]["code"] == "permission_denied");
  Api admin{h, h.AddUser("root", "admin")};
  auto [rs, rb] = admin.Post("/api/admin/rules/reload");
  CHECK(rs == 200);
  CHECK_FALSE(rb["rules_version"].get<std::string>().empty());
}

TEST_CASE("flagged comments become items and the queue lists urgent first", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint},
           {"c2", "Thank you to the maternity nurses, you were wonderful"},
           {"c3", "My father collapsed in your lobby and is not breathing, call someone now"}});
  Api agent{h, h.AddUser("alice", "agent")};
  auto [status, body] = agent.Get("/api/queue");
  REQUIRE(status == 200);
  REQUIRE(body["items"].size() == 2);  // praise is not queued
  CHECK(body["items"][0]["severity"] == "urgent");
  CHECK(body["items"][0]["comment"]["text"].get<std::string>().find("collapsed") != std::string::npos);
  CHECK(body["items"][1]["state"] == "new");
  CHECK(body["items"][1]["verdict"]["is_complaint"] == true);
  CHECK(body["next_cursor"].is_null());

  auto [ps, page1] = agent.Get("/api/queue?limit=1");
  REQUIRE(ps == 200);
  REQUIRE(page1["items"].size() == 1);
  REQUIRE(page1["next_cursor"].is_string());
  auto [ps2, page2] = agent.Get("/api/queue?limit=1&cursor=" + page1["next_cursor"].get<std::string>());
  REQUIRE(ps2 == 200);
  REQUIRE(page2["items"].size() == 1);
  CHECK(page2["items"][0]["id"] != page1["items"][0]["id"]);
  CHECK(page2["next_cursor"].is_null());
  CHECK(agent.Get("/api/queue?cursor=garbage").first == 400);
  CHECK(agent.Get("/api/queue?state=bogus").first == 400);
  CHECK(agent.Get("/api/queue?severity=urgent").second["items"].size() == 1);
  CHECK(agent.Get("/api/queue?platform=facebook").second["items"].empty());
}

TEST_CASE("claim is exclusive and every transition is checked", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint}});
  Api alice{h, h.AddUser("alice", "agent")};
  Api bob{h, h.AddUser("bob", "agent")};
  const std::int64_t id = FirstItemId(alice);
  const std::string item = "/api/items/" + std::to_string(id);

  auto [cs, claimed] = alice.Post(item + "/claim");
  REQUIRE(cs == 200);
  CHECK(claimed["state"] == "claimed");
  CHECK(claimed["assignee"] == "alice");
  auto [bs, taken] = bob.Post(item + "/claim");
  CHECK(bs == 409);
  CHECK(taken["error"]["holder"] == "alice");
  CHECK(bob.Post(item + "/reply", {{"text", "hi"}}).first == 409);

  CHECK(bob.Post(item + "/release").first == 409);  // an agent cannot take another's claim

  auto [rs, released] = alice.Post(item + "/release");
  REQUIRE(rs == 200);
  CHECK(released["state"] == "new");
  CHECK(released["assignee"].is_null());
  auto [ns, not_yet] = alice.Post(item + "/resolve");
  CHECK(ns == 409);
  CHECK(not_yet["error"]["state"] == "new");
  CHECK(alice.Post(item + "/dismiss", {{"reason", "because"}}).first == 400);
  auto [ds, dismissed] = alice.Post(item + "/dismiss", {{"reason", "duplicate"}});
  REQUIRE(ds == 200);
  CHECK(dismissed["state"] == "dismissed");
  CHECK(dismissed["dismiss_reason"] == "duplicate");
  auto [cs2, closed] = bob.Post(item + "/claim");
  CHECK(cs2 == 409);
  CHECK(closed["error"]["state"] == "dismissed");
}

TEST_CASE("reply then resolve records first response and history", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint}});
  Api alice{h, h.AddUser("alice", "agent")};
  const std::int64_t id = FirstItemId(alice);
  const std::string item = "/api/items/" + std::to_string(id);

  auto [ss, sugg] = alice.Get(item + "/suggestions");
  REQUIRE(ss == 200);
  REQUIRE_FALSE(sugg["suggestions"].empty());
  const json& first = sugg["suggestions"][0];
  CHECK_FALSE(first["text"].get<std::string>().empty());
  CHECK(first["text"].get<std::string>().find("Pat") != std::string::npos);  // author's first name

  auto [rs, replied] = alice.Post(item + "/reply", {{"text", "We're sorry for the wait. Please message us privately so we can help."},
                                                    {"template_id", first["template_id"]}});
  REQUIRE(rs == 200);
  CHECK(replied["state"] == "replied");
  CHECK(replied["first_response_at"].is_string());
  CHECK(replied["replies"].size() == 1);
  CHECK(replied["replies"][0]["template_id"] == first["template_id"]);
  auto [vs, resolved] = alice.Post(item + "/resolve", {{"note", "called back"}});
  REQUIRE(vs == 200);
  CHECK(resolved["state"] == "resolved");
  CHECK(alice.Post(item + "/claim").first == 409);

  auto [gs, detail] = alice.Get(item);
  REQUIRE(gs == 200);
  std::vector<std::string> kinds;
  for (const auto& e : detail["history"]) kinds.push_back(e["kind"]);
  CHECK(kinds == std::vector<std::string>{"item.created", "item.reply", "item.resolve"});
  CHECK(detail["thread"].is_object());
  CHECK(detail["author_history"].is_array());

  auto [os, open] = alice.Get("/api/queue");
  CHECK(open["items"].empty());
  auto [as, all] = alice.Get("/api/queue?state=all");
  CHECK(all["items"].size() == 1);
}

TEST_CASE("the PHI guard blocks a reply until overridden with a reason", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", "Billing charged me twice for my MRI and nobody calls back"}});
  Api alice{h, h.AddUser("alice", "agent")};
  const std::string item = "/api/items/" + std::to_string(FirstItemId(alice));
  const json risky = {{"text", "Sorry about the double charge for your MRI on your visit last week."}};
  auto [ls, lint] = alice.Post("/api/replies/lint", {{"text", risky["text"]}, {"item_id", FirstItemId(alice)}});
  REQUIRE(ls == 200);
  CHECK_FALSE(lint["findings"].empty());
  auto [bs, blocked] = alice.Post(item + "/reply", risky);
  CHECK(bs == 422);
  CHECK(blocked["error"]["code"] == "phi_guard");
  CHECK_FALSE(blocked["error"]["findings"].empty());
  json no_reason = risky;
  no_reason["override_guard"] = true;
  CHECK(alice.Post(item + "/reply", no_reason).first == 422);
  json with_reason = no_reason;
  with_reason["override_reason"] = "patient asked us to confirm publicly";
  auto [os, ok] = alice.Post(item + "/reply", with_reason);
  REQUIRE(os == 200);
  CHECK(ok["replies"][0]["guard_overridden"] == true);
  auto [ds, detail] = alice.Get(item);
  bool audited = false;
  for (const auto& e : detail["history"]) {
    if (e["kind"] == "item.reply" && e["details"].contains("guard_override")) audited = true;
  }
  CHECK(audited);
}

TEST_CASE("dismiss and escalate need reasons and leave the open queue", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint}, {"c2", "The billing office hung up on me twice, worst service ever"}});
  Api alice{h, h.AddUser("alice", "agent")};
  auto [qs, q] = alice.Get("/api/queue");
  REQUIRE(q["items"].size() == 2);
  const std::string a = "/api/items/" + std::to_string(q["items"][0]["id"].get<int>());
  const std::string b = "/api/items/" + std::to_string(q["items"][1]["id"].get<int>());
  CHECK(alice.Post(a + "/dismiss").first == 400);
  CHECK(alice.Post(a + "/dismiss", {{"reason", "spam"}}).second["state"] == "dismissed");
  CHECK(alice.Post(b + "/escalate").first == 400);
  auto [es, esc] = alice.Post(b + "/escalate", {{"reason", "billing dispute"}, {"to", "billing-lead"}});
  REQUIRE(es == 200);
  CHECK(esc["state"] == "escalated");
  CHECK(esc["escalation"]["to"] == "billing-lead");
  CHECK(esc["assignee"].is_null());
  CHECK(alice.Post(b + "/notes", {{"text", "forwarded to billing"}}).first == 200);
  CHECK(alice.Post(b + "/notes", {{"text", ""}}).first == 400);
  CHECK(alice.Post("/api/items/99999/claim").first == 404);
  CHECK(alice.Post(b + "/reply", {{"text", 5}}).first == 400);
  auto raw = h.Client().Post((b + "/notes").c_str(), alice.Auth(), "{not json", "application/json");
  CHECK(raw->status == 400);
}

TEST_CASE("an expired lease returns the item to the queue", "[http][queue]") {
  testing::FakeClock clock(*core::ParseRfc3339("2026-11-24T06:10:00Z"));
  ServiceHarness h({}, &clock);
  Seed(h, {{"c1", kComplaint}});
  Api alice{h, h.AddUser("alice", "agent")};
  Api bob{h, h.AddUser("bob", "agent")};
  const std::string item = "/api/items/" + std::to_string(FirstItemId(alice));
  REQUIRE(alice.Post(item + "/claim").first == 200);
  clock.Advance(14 * 60 * 1000);
  CHECK(bob.Post(item + "/claim").first == 409);
  clock.Advance(2 * 60 * 1000);  // 16 minutes: the 15-minute lease is gone
  auto [qs, q] = bob.Get("/api/queue");
  CHECK(q["items"][0]["state"] == "new");
  CHECK(q["items"][0]["assignee"].is_null());
  auto [cs, claimed] = bob.Post(item + "/claim");
  CHECK(cs == 200);
  CHECK(claimed["assignee"] == "bob");
  auto [ds, detail] = bob.Get(item);
  bool expired = false;
  for (const auto& e : detail["history"]) expired = expired || e["kind"] == "item.lease_expired";
  CHECK(expired);
}

TEST_CASE("overdue items are marked against their SLA", "[http][queue]") {
  testing::FakeClock clock(*core::ParseRfc3339("2026-11-24T06:10:00Z"));
  ServiceHarness h({}, &clock);
  Seed(h, {{"c1", kComplaint}});  // posted 06:00, normal severity or higher
  Api alice{h, h.AddUser("alice", "agent")};
  auto [s1, q1] = alice.Get("/api/queue");
  CHECK(q1["items"][0]["overdue"] == false);
  clock.Advance(25 * 60 * 60 * 1000LL);
  auto [s2, q2] = alice.Get("/api/queue");
  CHECK(q2["items"][0]["overdue"] == true);
}

TEST_CASE("sessions need the CSRF token for changes", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint}});
  std::string password;
  h.AddUser("carol", "agent", &password);
  auto wrong = h.Client().Post("/api/login", json{{"username", "carol"}, {"password", "nope"}}.dump(), "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  auto login = h.Client().Post("/api/login", json{{"username", "carol"}, {"password", password}}.dump(), "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const std::string cookie_header = login->get_header_value("Set-Cookie");
  CHECK(cookie_header.find("HttpOnly") != std::string::npos);
  CHECK(cookie_header.find("SameSite=Strict") != std::string::npos);
  const std::string cookie = cookie_header.substr(0, cookie_header.find(';'));
  const std::string csrf = json::parse(login->body)["csrf_token"];
  auto queue = h.Client().Get("/api/queue", {{"Cookie", cookie}});
  REQUIRE(queue->status == 200);
  const std::string item = "/api/items/" + std::to_string(json::parse(queue->body)["items"][0]["id"].get<int>());
  auto no_csrf = h.Client().Post((item + "/claim").c_str(), {{"Cookie", cookie}}, "", "application/json");
  CHECK(no_csrf->status == 403);
  auto with_csrf = h.Client().Post((item + "/claim").c_str(), {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "",
                                   "application/json");
  CHECK(with_csrf->status == 200);
  auto out = h.Client().Post("/api/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
  CHECK(out->status == 200);
  CHECK(h.Client().Get("/api/queue", {{"Cookie", cookie}})->status == 401);
}

TEST_CASE("an edit that is a complaint again reopens a resolved item and a removal withdraws", "[http][queue]") {
  ServiceHarness h;
  Seed(h, {{"c1", kComplaint}, {"c2", "The parking garage is filthy and the elevator has been broken for weeks"}});
  Api alice{h, h.AddUser("alice", "agent")};
  auto [qs, q] = alice.Get("/api/queue");
  REQUIRE(q["items"].size() == 2);
  std::map<std::string, std::string> by_ext;
  for (const auto& it : q["items"]) by_ext[it["comment"]["external_id"]] = "/api/items/" + std::to_string(it["id"].get<int>());
  REQUIRE(alice.Post(by_ext["c1"] + "/reply", {{"text", "We're sorry. Please message us privately."}}).first == 200);
  REQUIRE(alice.Post(by_ext["c1"] + "/resolve").first == 200);
  json edit = {{"source", "yelp"}, {"id", "c1"}, {"action", "edit"},
               {"text", "Update: 5 hours now and still nobody has called me back. Unacceptable."},
               {"author", {{"id", "author-c1"}, {"name", "Pat Doe"}}}, {"created_at", "2026-11-24T06:00:00Z"}};
  REQUIRE(h.PostGeneric(edit.dump())->status == 200);
  CHECK(alice.Get(by_ext["c1"]).second["state"] == "new");
  REQUIRE(h.PostGeneric(json{{"source", "yelp"}, {"id", "c2"}, {"action", "delete"}}.dump())->status == 200);
  CHECK(alice.Get(by_ext["c2"]).second["state"] == "withdrawn");
}

TEST_CASE("repeated failed sign-ins lock the address out with 429", "[http][queue]") {
  ServiceHarness h;
  std::string password;
  h.AddUser("dave", "agent", &password);
  auto login = [&h](const std::string& pw) {
    return h.Client().Post("/api/login", json{{"username", "dave"}, {"password", pw}}.dump(), "application/json");
  };
  for (int i = 0; i < 5; ++i) {
    auto r = login("guess" + std::to_string(i));
    REQUIRE(r);
    CHECK(r->status == 401);
  }
  auto locked = login(password);  // even the right password waits out the lockout
  REQUIRE(locked);
  CHECK(locked->status == 429);
  CHECK(json::parse(locked->body)["error"]["code"] == "rate_limited");
  CHECK(std::stoi(locked->get_header_value("Retry-After")) > 0);
  store::ItemStore::EventFilter f;
  auto pool = store::sql::OpenPool("sqlite:" + h.db_path());
  REQUIRE(pool.ok());
  store::ItemStore items(pool.value());
  f.kind = "auth.*";
  auto events = items.Events(f);
  REQUIRE(events.ok());
  int failed = 0, lockouts = 0;
  for (const auto& e : events.value()) {
    failed += e.kind == "auth.login_failed";
    lockouts += e.kind == "auth.lockout";
  }
  CHECK(failed == 5);
  CHECK(lockouts == 1);
}
