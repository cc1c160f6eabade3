// The scenario the issue asks for: comments ingested at known times, agents
// acting at known times through the HTTP API under a fake clock, and every
// report figure checked against values worked out by hand below.
//
// Timeline (T0 = Tue 2026-11-10 08:00Z; every SLA target is 60 minutes, so an
// item is due 60 minutes after it was posted; pat and lee post on yelp, sam
// and kim on google):
//   08:00 received: A pat (posted 07:50), B sam (07:55), C lee (08:00),
//         D kim (07:00; due 08:00)
//   08:05 alice claims A        08:10 alice dismisses C as spam
//   08:20 alice replies to A    08:40 alice resolves A
//   09:30 bob replies to B (due 08:55: 35 minutes late)
//   10:00 pat posts praise (not a complaint, no item) -> pat recovered
//   10:10 sam complains again: item E (posted 10:10, due 11:10)
//   11:00 the reports are read: D is 3 hours late and unanswered, E is pending.
//
// First response from posted: A 30 min = 1800 s, B 95 min = 5700 s;
// from received: A 1200 s, B 5400 s. Resolution: A 50 min = 3000 s (2400 s).
// All items: median (1800 + 5700) / 2 = 3750, p90 = 1800 + 0.9 * 3900 = 5310.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fakes/fake_clock.h"
#include "http/service_harness.h"

using namespace turnaround;
using nlohmann::json;
using turnaround::testing::ServiceHarness;

namespace {

constexpr std::int64_t kMin = 60 * 1000;
const std::int64_t kT0 = *core::ParseRfc3339("2026-11-10T08:00:00Z");
const char* const kWindow = "from=2026-11-10&to=2026-11-10";

struct Caller {
  ServiceHarness& h;
  std::string token;

  httplib::Headers Auth() const { return {{"Authorization", "Bearer " + token}}; }
  std::pair<int, std::string> Raw(const std::string& path) const {
    auto r = h.Client().Get(path.c_str(), Auth());
    REQUIRE(r);
    return {r->status, r->body};
  }
  std::pair<int, json> Get(const std::string& path) const {
    auto [status, body] = Raw(path);
    return {status, json::parse(body, nullptr, false)};
  }
  json Post(const std::string& path, const json& body = json::object()) const {
    auto r = h.Client().Post(path.c_str(), Auth(), body.dump(), "application/json");
    REQUIRE(r);
    INFO(path << " -> " << r->body);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
};

void Comment(ServiceHarness& h, const std::string& id, const std::string& author, const std::string& text,
             std::int64_t posted_ms) {
  const char* source = author == "sam" || author == "kim" ? "google" : "yelp";
  json ev = {{"source", source},
             {"id", id},
             {"text", text},
             {"author", {{"id", author}, {"name", author}}},
             {"created_at", core::FormatRfc3339(posted_ms)}};
  auto r = h.PostGeneric(json{{"events", json::array({ev})}}.dump());
  REQUIRE(r);
  REQUIRE(r->status == 200);
}

app::Config ScenarioConfig() {
  app::Config c;
  c.queue.sla_urgent_minutes = c.queue.sla_high_minutes = c.queue.sla_normal_minutes = c.queue.sla_low_minutes = 60;
  // Local Tuesday 09:00-09:30 and 10:00-13:00 in Berlin = 08:00-08:30Z and 09:00-12:00Z.
  c.reports.time_zone = "Europe/Berlin";
  c.reports.business_hours = {{"tue", "09:00-09:30,10:00-13:00"}};
  return c;
}

const json& Group(const json& report, const std::string& key) {
  for (const json& g : report["groups"]) {
    if (g["group"] == key) return g;
  }
  FAIL("no group " << key << " in " << report.dump());
  return report;
}

// Checks a group's figures; `null` for figures without data.
void Expect(const json& g, std::map<std::string, json> want) {
  for (const auto& [key, value] : want) {
    INFO(g["group"] << "." << key << " = " << g[key] << ", want " << value);
    REQUIRE(g.contains(key));
    if (value.is_null()) {
      CHECK(g[key].is_null());
    } else {
      REQUIRE(g[key].is_number());
      CHECK(g[key].get<double>() == Approx(value.get<double>()).margin(0.001));
    }
  }
}

class Scenario {
 public:
  Scenario() : clock_(kT0), h_(ScenarioConfig(), &clock_) {
    alice_.token = h_.AddUser("alice", "agent");
    bob_.token = h_.AddUser("bob", "agent");
    sue_.token = h_.AddUser("sue", "supervisor");
    Comment(h_, "a", "pat", "I have been waiting 3 hours in the ER and nobody has told us anything", kT0 - 10 * kMin);
    Comment(h_, "b", "sam", "The billing office hung up on me twice, worst service ever", kT0 - 5 * kMin);
    Comment(h_, "c", "lee", "The parking garage is filthy and the elevator has been broken for weeks", kT0);
    Comment(h_, "d", "kim", "Your staff were rude to my mother at the front desk", kT0 - 60 * kMin);
    auto [qs, q] = alice_.Get("/api/queue");
    REQUIRE(q["items"].size() == 4);
    for (const json& it : q["items"]) id_[it["comment"]["external_id"]] = it["id"].get<std::int64_t>();
    At(5);
    alice_.Post(Item("a") + "/claim");
    At(10);
    alice_.Post(Item("c") + "/dismiss", {{"reason", "spam"}});
    At(20);
    alice_.Post(Item("a") + "/reply", {{"text", "We're sorry for the wait. Please message us so we can help."}});
    At(40);
    alice_.Post(Item("a") + "/resolve");
    At(90);
    bob_.Post(Item("b") + "/reply", {{"text", "We're sorry. Please message us privately."}});
    At(120);
    Comment(h_, "a2", "pat", "Thank you so much, the nurse called me back and everything is sorted", clock_.NowMs());
    At(130);
    Comment(h_, "e", "sam", "Still waiting for a callback from billing, this is ridiculous", clock_.NowMs());
    auto [qs2, q2] = alice_.Get("/api/queue?state=all&limit=200");
    REQUIRE(q2["items"].size() == 5);  // the praise is not queued
    for (const json& it : q2["items"]) id_[it["comment"]["external_id"]] = it["id"].get<std::int64_t>();
    At(180);
  }

  void At(std::int64_t minutes) { clock_.Set(kT0 + minutes * kMin); }
  std::string Item(const std::string& ext) { return "/api/items/" + std::to_string(id_.at(ext)); }
  std::int64_t Id(const std::string& ext) { return id_.at(ext); }

  testing::FakeClock clock_;
  ServiceHarness h_;
  Caller alice_{h_, ""}, bob_{h_, ""}, sue_{h_, ""};
  std::map<std::string, std::int64_t> id_;
};

}  // namespace

TEST_CASE("scenario response times by agent from posted time", "[reports][http]") {
  Scenario s;
  auto [status, r] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=agent");
  REQUIRE(status == 200);
  CHECK(r["time_unit"] == "seconds");
  CHECK(r["basis"] == "posted");
  CHECK(r["group_by"] == "agent");
  CHECK(r["from"] == "2026-11-10T00:00:00.000Z");
  CHECK(r["to"] == "2026-11-11T00:00:00.000Z");
  REQUIRE(r["groups"].size() == 3);
  CHECK(r["groups"][0]["group"] == "(unanswered)");  // groups sorted by key
  Expect(Group(r, "alice"), {{"items", 1}, {"replied", 1}, {"resolved", 1}, {"dismissed", 0},
                             {"first_response_median_s", 1800}, {"first_response_p90_s", 1800},
                             {"first_response_mean_s", 1800}, {"resolution_median_s", 3000},
                             {"resolution_p90_s", 3000}, {"sla_met", 1}, {"breaches", 0}, {"sla_pending", 0},
                             {"sla_attainment_pct", 100}, {"complainers", 1}, {"recovered", 1},
                             {"recovered_pct", 100}, {"complained_again", 0}, {"complained_again_pct", 0}});
  Expect(Group(r, "bob"), {{"items", 1}, {"replied", 1}, {"resolved", 0}, {"dismissed", 0},
                           {"first_response_median_s", 5700}, {"first_response_p90_s", 5700},
                           {"first_response_mean_s", 5700}, {"resolution_median_s", nullptr},
                           {"resolution_p90_s", nullptr}, {"sla_met", 0}, {"breaches", 1},
                           {"sla_attainment_pct", 0}, {"complainers", 1}, {"recovered", 0}, {"recovered_pct", 0},
                           {"complained_again", 1}, {"complained_again_pct", 100}});
  // C dismissed (exempt), D breached, E pending: attainment 0 of 1.
  Expect(Group(r, "(unanswered)"), {{"items", 3}, {"replied", 0}, {"resolved", 0}, {"dismissed", 1},
                                    {"first_response_median_s", nullptr}, {"first_response_mean_s", nullptr},
                                    {"sla_met", 0}, {"breaches", 1}, {"sla_pending", 1}, {"sla_attainment_pct", 0},
                                    {"complainers", 0}, {"recovered_pct", nullptr},
                                    {"complained_again_pct", nullptr}});
  CHECK(r["total"]["group"] == "(total)");
  CHECK(r["sla_minutes"]["high"] == 60);
  // First responses 1800 s and 5700 s: one in (15 min, 30 min], one in (1 h, 2 h].
  std::map<std::string, long long> histogram;
  for (const json& b : r["total"]["first_response_histogram"]) histogram[b["le_s"].dump()] = b["count"];
  CHECK(histogram == std::map<std::string, long long>{{"900", 0}, {"1800", 1}, {"3600", 0}, {"7200", 1},
                                                      {"14400", 0}, {"28800", 0}, {"86400", 0}, {"null", 0}});
  int per_category = 0;
  for (const auto& [category, n] : r["total"]["by_category"].items()) per_category += n.get<int>();
  CHECK(per_category == 5);
  Expect(r["total"], {{"items", 5}, {"replied", 2}, {"resolved", 1}, {"dismissed", 1},
                      {"first_response_median_s", 3750}, {"first_response_p90_s", 5310},
                      {"first_response_mean_s", 3750}, {"resolution_median_s", 3000}, {"resolution_p90_s", 3000},
                      {"sla_met", 1}, {"breaches", 2}, {"sla_pending", 1}, {"sla_attainment_pct", 33.333},
                      {"complainers", 2}, {"recovered", 1}, {"recovered_pct", 50}, {"complained_again", 1},
                      {"complained_again_pct", 50}});
}

TEST_CASE("scenario response times from received time and in business hours", "[reports][http]") {
  Scenario s;
  auto [rs, received] =
      s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=agent&basis=received");
  REQUIRE(rs == 200);
  CHECK(received["basis"] == "received");
  Expect(Group(received, "alice"), {{"first_response_median_s", 1200}, {"resolution_median_s", 2400}});
  Expect(Group(received, "bob"), {{"first_response_median_s", 5400}});
  Expect(received["total"], {{"first_response_median_s", 3300}, {"first_response_p90_s", 4980},
                             {"first_response_mean_s", 3300}, {"sla_attainment_pct", 33.333}});

  // Business hours 08:00-08:30Z and 09:00-12:00Z: A 07:50->08:20 counts 20 min,
  // B 07:55->09:30 counts 30 + 30 min, A's resolution 07:50->08:40 counts 30 min.
  auto [bs, business] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow +
                                   "&group_by=agent&business_hours=true");
  REQUIRE(bs == 200);
  CHECK(business["business_hours"] == true);
  Expect(Group(business, "alice"), {{"first_response_median_s", 1200}, {"resolution_median_s", 1800}});
  Expect(Group(business, "bob"), {{"first_response_median_s", 3600}});
  Expect(business["total"], {{"first_response_median_s", 2400}, {"first_response_p90_s", 3360},
                             {"first_response_mean_s", 2400}, {"sla_attainment_pct", 33.333},
                             {"breaches", 2}});
}

TEST_CASE("scenario groups by platform and category and by day and week", "[reports][http]") {
  Scenario s;
  auto [ps, platform] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=platform");
  REQUIRE(ps == 200);
  REQUIRE(platform["groups"].size() == 2);
  // yelp: A (answered in time, resolved, pat recovered) and C (dismissed).
  Expect(Group(platform, "yelp"), {{"items", 2}, {"replied", 1}, {"resolved", 1}, {"dismissed", 1},
                                   {"first_response_median_s", 1800}, {"resolution_median_s", 3000},
                                   {"sla_met", 1}, {"breaches", 0}, {"sla_pending", 0}, {"sla_attainment_pct", 100},
                                   {"complainers", 1}, {"recovered_pct", 100}, {"complained_again_pct", 0}});
  // google: B (35 minutes late), D (unanswered, late), E (pending); sam complained again.
  Expect(Group(platform, "google"), {{"items", 3}, {"replied", 1}, {"resolved", 0}, {"dismissed", 0},
                                     {"first_response_median_s", 5700}, {"first_response_p90_s", 5700},
                                     {"resolution_median_s", nullptr}, {"sla_met", 0}, {"breaches", 2},
                                     {"sla_pending", 1}, {"sla_attainment_pct", 0}, {"complainers", 1},
                                     {"recovered_pct", 0}, {"complained_again_pct", 100}});
  // Categories come from the live rules: each item lands in its own category's group.
  auto [qs, q] = s.sue_.Get("/api/queue?state=all&limit=200");
  std::map<std::string, int> per_category;
  for (const json& it : q["items"]) ++per_category[it["category"].get<std::string>()];
  auto [cs, cat] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=category");
  REQUIRE(cs == 200);
  REQUIRE(cat["groups"].size() == per_category.size());
  for (const auto& [category, n] : per_category) Expect(Group(cat, category), {{"items", n}});
  auto [ds, day] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=day");
  REQUIRE(day["groups"].size() == 1);
  Expect(Group(day, "2026-11-10"), {{"items", 5}, {"first_response_p90_s", 5310}});
  auto [ws, week] = s.sue_.Get(std::string("/api/reports/response-times?") + kWindow + "&group_by=week");
  REQUIRE(week["groups"].size() == 1);
  CHECK(week["groups"][0]["group"] == "2026-W46");
  // A window that ends before E was received leaves it out.
  auto [es, early] = s.sue_.Get("/api/reports/response-times?from=2026-11-10T00:00:00Z&to=2026-11-10T10:00:00Z");
  Expect(early["total"], {{"items", 4}, {"sla_pending", 0}});
}

TEST_CASE("scenario breaches list how late each item was", "[reports][http]") {
  Scenario s;
  auto [status, r] = s.sue_.Get(std::string("/api/reports/breaches?") + kWindow);
  REQUIRE(status == 200);
  REQUIRE(r["breaches"].size() == 2);
  const json& d = r["breaches"][0];  // the latest first
  CHECK(d["item_id"] == s.Id("d"));
  CHECK(d["answered"] == false);
  CHECK(d["late_by_s"] == 3 * 3600);
  CHECK(d["state"] == "new");
  CHECK(d["agent"].is_null());
  CHECK(d["due_at"] == "2026-11-10T08:00:00.000Z");
  CHECK(d["posted_at"] == "2026-11-10T07:00:00.000Z");
  CHECK(d["first_response_at"].is_null());
  const json& b = r["breaches"][1];
  CHECK(b["item_id"] == s.Id("b"));
  CHECK(b["answered"] == true);
  CHECK(b["late_by_s"] == 35 * 60);
  CHECK(b["agent"] == "bob");
  CHECK(b["first_response_at"] == "2026-11-10T09:30:00.000Z");
  // Drill down from a group row.
  auto [gs, bob] = s.sue_.Get(std::string("/api/reports/breaches?") + kWindow + "&group_by=agent&group=bob");
  REQUIRE(gs == 200);
  REQUIRE(bob["breaches"].size() == 1);
  CHECK(bob["breaches"][0]["item_id"] == s.Id("b"));
  // An hour on, D is an hour later and E (due 11:10) has breached too.
  s.At(240);
  auto [ls, later] = s.sue_.Get(std::string("/api/reports/breaches?") + kWindow);
  REQUIRE(later["breaches"].size() == 3);
  CHECK(later["breaches"][0]["late_by_s"] == 4 * 3600);
  CHECK(later["breaches"][1]["item_id"] == s.Id("e"));  // 50 minutes late, before B's 35
  CHECK(later["breaches"][1]["late_by_s"] == 50 * 60);
}

TEST_CASE("scenario reports as CSV", "[reports][http]") {
  Scenario s;
  auto r = s.h_.Client().Get(
      (std::string("/api/reports/response-times?") + kWindow + "&group_by=agent&format=csv").c_str(), s.sue_.Auth());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
  CHECK(r->body ==
        "group,items,replied,resolved,dismissed,first_response_median_s,first_response_p90_s,"
        "first_response_mean_s,resolution_median_s,resolution_p90_s,sla_met,breaches,sla_pending,"
        "sla_attainment_pct,complainers,recovered,recovered_pct,complained_again,complained_again_pct\r\n"
        "(unanswered),3,0,0,1,,,,,,0,1,1,0,0,0,,0,\r\n"
        "alice,1,1,1,0,1800,1800,1800,3000,3000,1,0,0,100,1,1,100,0,0\r\n"
        "bob,1,1,0,0,5700,5700,5700,,,0,1,0,0,1,0,0,1,100\r\n"
        "(total),5,2,1,1,3750,5310,3750,3000,3000,1,2,1,33.333,2,1,50,1,50\r\n");
  auto [bs, breaches] = s.sue_.Raw(std::string("/api/reports/breaches?") + kWindow + "&format=csv");
  REQUIRE(bs == 200);
  CHECK(breaches.rfind("item_id,platform,category,severity,state,agent,assignee,posted_at,received_at,due_at,"
                       "first_response_at,answered,late_by_s\r\n",
                       0) == 0);
  INFO(breaches);
  // B: bob answered; his lease on it has since run out, so no assignee.
  CHECK(breaches.find(",replied,bob,,2026-11-10T07:55:00.000Z,2026-11-10T08:00:00.000Z," +
                      std::string("2026-11-10T08:55:00.000Z,2026-11-10T09:30:00.000Z,true,2100\r\n")) !=
        std::string::npos);
  INFO(breaches);
  CHECK(std::count(breaches.begin(), breaches.end(), '\n') == 3);
}

TEST_CASE("scenario CLI prints the same report as the API", "[reports][http]") {
  Scenario s;
  // The CLI judges pending items against the real clock: move the fake one
  // past every deadline so both agree.
  s.clock_.Set(core::SystemClock::Instance().NowMs() + 3600 * 1000);
  const std::string query = "from=2026-11-10&to=2026-11-10&group_by=agent";
  auto [status, api] = s.sue_.Get("/api/reports/response-times?" + query);
  REQUIRE(status == 200);
  json cli = json::parse(s.h_.RunCli("report --from 2026-11-10 --to 2026-11-10 --group-by agent --format json"),
                         nullptr, false);
  REQUIRE(cli.is_object());
  CHECK(cli["groups"] == api["groups"]);
  CHECK(cli["total"] == api["total"]);
  CHECK(cli["total"]["breaches"] == 3);  // E has breached by now too
  auto [cs, api_csv] = s.sue_.Raw("/api/reports/response-times?" + query + "&format=csv&basis=received");
  CHECK(s.h_.RunCli("report --from 2026-11-10 --to 2026-11-10 --group-by agent --format csv --basis received") ==
        api_csv);
  CHECK(s.h_.RunCli("report --group-by month").empty());  // an error goes to stderr
}

TEST_CASE("reports and the audit log are for supervisors and admins", "[reports][http]") {
  Scenario s;
  for (const char* path : {"/api/reports/response-times", "/api/reports/breaches", "/api/audit"}) {
    CAPTURE(path);
    auto [status, body] = s.alice_.Get(path);
    CHECK(status == 403);
    CHECK(body["error"]["code"] == "permission_denied");
    CHECK(s.h_.Client().Get(path)->status == 401);
    CHECK(s.sue_.Get(path).first == 200);
  }
  Caller admin{s.h_, s.h_.AddUser("root", "admin")};
  CHECK(admin.Get("/api/reports/breaches").first == 200);
}

TEST_CASE("bad report and audit parameters are 400 naming the parameter", "[reports][http]") {
  Scenario s;
  struct Case {
    const char* path;
    const char* name;
  } cases[] = {
      {"/api/reports/response-times?group_by=month", "group_by"},
      {"/api/reports/response-times?from=yesterday", "from"},
      {"/api/reports/response-times?basis=replied", "basis"},
      {"/api/reports/response-times?format=xml", "format"},
      {"/api/reports/response-times?business_hours=maybe", "business_hours"},
      {"/api/reports/breaches?to=2026-13-01", "to"},
      {"/api/audit?limit=0", "limit"},
      {"/api/audit?item=abc", "item"},
      {"/api/audit?from=yesterday", "from"},
      {"/api/audit?before=-1", "before"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    auto [status, body] = s.sue_.Get(c.path);
    CHECK(status == 400);
    CHECK(body["error"]["code"] == "invalid_argument");
    CHECK(body["error"]["message"].get<std::string>().rfind(std::string(c.name) + ":", 0) == 0);
  }
}

TEST_CASE("the audit log filters by item actor kind and time and pages newest first", "[reports][http]") {
  Scenario s;
  const std::string a = std::to_string(s.Id("a"));
  auto [status, r] = s.sue_.Get("/api/audit?item=" + a);
  REQUIRE(status == 200);
  std::vector<std::string> kinds;
  for (const json& e : r["events"]) kinds.push_back(e["kind"]);
  CHECK(kinds == std::vector<std::string>{"item.resolve", "item.reply", "item.claim", "item.created"});
  CHECK(r["events"][1]["actor"] == "alice");
  CHECK(r["events"][1]["at"] == "2026-11-10T08:20:00.000Z");
  CHECK(r["events"][1]["details"]["to_state"] == "replied");
  CHECK(r["events"][1]["item_id"] == s.Id("a"));
  CHECK(r["events"][0]["hash"].get<std::string>().size() == 64);
  CHECK(r["next_before"].is_null());

  auto [ps, page1] = s.sue_.Get("/api/audit?item=" + a + "&limit=2");
  REQUIRE(page1["events"].size() == 2);
  REQUIRE(page1["next_before"].is_number());
  auto [ps2, page2] =
      s.sue_.Get("/api/audit?item=" + a + "&limit=2&before=" + std::to_string(page1["next_before"].get<long long>()));
  REQUIRE(page2["events"].size() == 2);
  CHECK(page2["events"][1]["kind"] == "item.created");

  auto [bs, bob] = s.sue_.Get("/api/audit?actor=bob&kind=item.*");
  REQUIRE(bob["events"].size() == 1);
  CHECK(bob["events"][0]["kind"] == "item.reply");
  auto [ws, window] = s.sue_.Get("/api/audit?kind=item.*&from=2026-11-10T08:06:00Z&to=2026-11-10T08:30:00Z");
  kinds.clear();
  for (const json& e : window["events"]) kinds.push_back(e["kind"]);
  CHECK(kinds == std::vector<std::string>{"item.reply", "item.dismiss"});
}
