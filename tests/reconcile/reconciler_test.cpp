#include "reconcile/reconciler.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "ingest/pipeline.h"
#include "ingest/signature.h"
#include "reconcile_fixture.h"

using namespace turnaround;
using reconcile::PageOutcome;
using testing::FakeGraphServer;
using testing::kHourMs;
using testing::kMinuteMs;
using testing::ReconcileFixture;

namespace {

constexpr const char* kComplaint = "Day 9 of waiting for billing to call me back";
constexpr const char* kPraise = "Thank you to the nurses on 4B, they were wonderful";

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// A feed listing answered by script, with a usage header.
FakeGraphServer::Reply FeedWithUsage(const std::string& post_id, const std::string& created,
                                     const std::string& header, const std::string& usage) {
  nlohmann::json body = {{"data", {{{"id", post_id}, {"created_time", created}}}}};
  return {200, body.dump(), {{header, usage}}, false};
}

}  // namespace

TEST_CASE("reconcile recovers comments the webhook never delivered and queues the complaints", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(50 * kMinuteMs));
  f.fake.SeedComment("1001_2002", "2002_3004", "77002", kPraise, f.Ago(40 * kMinuteMs));
  f.fake.SeedComment("1001_2002", "2002_3005", "1001", "We are sorry, please call us", f.Ago(30 * kMinuteMs));
  f.fake.SeedComment("2002_3003", "2002_3010", "77003", "Same here, they never call back", f.Ago(20 * kMinuteMs));
  auto r = f.Make();

  reconcile::RunReport run = r->RunOnce();
  REQUIRE(run.pages.size() == 1);
  const reconcile::PageReport& page = run.pages[0];
  CHECK(page.outcome == PageOutcome::kOk);
  CHECK(page.posts == 1);
  CHECK(page.seen == 3);
  CHECK(page.ours == 1);
  CHECK(page.recovered == 3);
  CHECK(run.PagesRead() == 1);

  auto top = f.Find("facebook", "2002_3003");
  REQUIRE(top.ok());
  CHECK(top->page_id == "1001");
  CHECK(top->post_id == "1001_2002");
  CHECK(top->parent_id.empty());
  CHECK(top->author_id == "77001");
  CHECK(top->text == kComplaint);
  CHECK_FALSE(top->verdict_json.empty());  // classified
  auto reply = f.Find("facebook", "2002_3010");
  REQUIRE(reply.ok());
  CHECK(reply->parent_id == "2002_3003");
  CHECK(f.Find("facebook", "2002_3005").status().code() == core::Code::kNotFound);  // ours: skipped

  const std::vector<std::string> queued = f.Queued();
  CHECK(Contains(queued, "2002_3003"));
  CHECK_FALSE(Contains(queued, "2002_3004"));

  store::ItemStore::EventFilter ef;
  ef.kind = "reconcile.run";
  auto events = f.items->Events(ef);
  REQUIRE(events.ok());
  REQUIRE(events->size() == 1);
  auto details = nlohmann::json::parse(events->front().details);
  CHECK(details["recovered"] == 3);
  CHECK(details["page_id"] == "1001");

  // The next pass sees the same comments and recovers nothing.
  reconcile::RunReport again = r->RunOnce();
  CHECK(again.Seen() == 3);
  CHECK(again.Recovered() == 0);
  CHECK(f.CountComments() == 3);
  reconcile::Counters c = r->counters();
  CHECK(c.runs == 2);
  CHECK(c.seen == 6);
  CHECK(c.recovered == 3);
  auto events_after = f.items->Events(ef);
  REQUIRE(events_after.ok());
  CHECK(events_after->size() == 1);  // a pass that recovered nothing is not audited
}

TEST_CASE("a comment the webhook delivered first is not stored twice", "[reconcile]") {
  ReconcileFixture f;
  ingest::IngestPipeline pipeline({"meta-secret", "verify-me", "generic-secret"}, f.classifier, *f.writer, f.clock);
  const std::string body = testing::ReadFixture("webhooks/facebook/comment_add.json");
  REQUIRE(pipeline.HandleMeta(body, "sha256=" + ingest::HmacSha256Hex("meta-secret", body)).ok());
  const auto queued_before = f.Queued();

  // The platform lists the same comment (as the Graph API names it) and one more.
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, "2026-11-24T05:59:50+0000");
  f.fake.SeedComment("1001_2002", "2002_3004", "77002", kPraise, f.Ago(10 * kMinuteMs));
  reconcile::RunReport run = f.Make()->RunOnce();
  CHECK(run.Seen() == 2);
  CHECK(run.Recovered() == 1);
  CHECK(f.CountComments() == 2);
  CHECK(f.Queued() == queued_before);  // no second item for the webhook's comment
}

TEST_CASE("posts and comments are read across pages of the listings", "[reconcile]") {
  ReconcileFixture f;
  f.settings.page_size = 2;
  for (int p = 0; p < 3; ++p) {
    const std::string post = "1001_20" + std::to_string(p);
    f.fake.SeedPost("1001", post, f.Ago((p + 1) * kHourMs));
    for (int c = 0; c < 3; ++c) {
      f.fake.SeedComment(post, "20" + std::to_string(p) + "_30" + std::to_string(c), "7700" + std::to_string(c),
                         kPraise, f.Ago(10 * kMinuteMs));
    }
  }
  f.settings.read_replies = false;
  reconcile::RunReport run = f.Make()->RunOnce();
  CHECK(run.Posts() == 3);
  CHECK(run.Seen() == 9);
  CHECK(run.Recovered() == 9);
  CHECK(f.fake.Count("GET", "/1001/feed") == 2);
  CHECK(f.fake.Count("GET", "/1001_201/comments") == 2);
}

TEST_CASE("posts older than the lookback are not read", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(2 * kHourMs));
  f.fake.SeedPost("1001", "1001_1999", f.Ago(72 * kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(kHourMs));
  f.fake.SeedComment("1001_1999", "1999_3001", "77001", kComplaint, f.Ago(kHourMs));
  reconcile::RunReport run = f.Make()->RunOnce();
  CHECK(run.Posts() == 1);
  CHECK(run.Recovered() == 1);
  CHECK(f.fake.Count("GET", "/1001_1999/comments") == 0);
}

TEST_CASE("usage above the threshold stops the pass and the page waits a doubled interval", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(kMinuteMs));
  f.fake.Script("/v21.0/1001/feed",
                {FeedWithUsage("1001_2002", f.Ago(kHourMs), "X-App-Usage",
                               R"({"call_count":80,"total_cputime":5,"total_time":5})")});
  auto r = f.Make();

  reconcile::RunReport run = r->RunOnce();
  REQUIRE(run.pages.size() == 1);
  CHECK(run.pages[0].outcome == PageOutcome::kBackedOff);
  CHECK(run.pages[0].detail.find("80%") != std::string::npos);
  CHECK(run.AnyFailed());
  CHECK(f.fake.Count("GET", "/comments") == 0);  // stopped before reading comments
  CHECK(r->counters().backoffs == 1);
  CHECK(r->counters().pages_waiting == 1);

  f.clock.Advance(19 * kMinuteMs);  // interval 10 minutes, doubled: 20
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kSkipped);
  CHECK(f.fake.Count("GET", "/1001/feed") == 1);  // a skipped page costs no call

  f.clock.Advance(kMinuteMs + 1);
  reconcile::RunReport later = r->RunOnce();
  CHECK(later.pages[0].outcome == PageOutcome::kOk);
  CHECK(later.Recovered() == 1);
  CHECK(r->counters().pages_waiting == 0);
}

TEST_CASE("the business use case's regain time is waited out", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.Script("/v21.0/1001/feed",
                {FeedWithUsage("1001_2002", f.Ago(kHourMs), "X-Business-Use-Case-Usage",
                               R"({"1001":[{"type":"pages","call_count":96,"total_cputime":10,)"
                               R"("total_time":12,"estimated_time_to_regain_access":45}]})")});
  auto r = f.Make();
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kBackedOff);
  f.clock.Advance(44 * kMinuteMs);
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kSkipped);
  f.clock.Advance(kMinuteMs);
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kOk);
}

TEST_CASE("a rate limit keeps what was read and waits as long as the platform asks", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedPost("1001", "1001_2003", f.Ago(2 * kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(kMinuteMs));
  f.fake.SeedComment("1001_2003", "2003_3001", "77002", kComplaint, f.Ago(kMinuteMs));
  f.fake.Script("/v21.0/1001_2003/comments", {FakeGraphServer::RateLimited(3600)});
  auto r = f.Make();

  reconcile::RunReport run = r->RunOnce();
  CHECK(run.pages[0].outcome == PageOutcome::kBackedOff);
  CHECK(run.Recovered() == 1);  // the first post's comment, read before the limit
  CHECK(f.Find("facebook", "2002_3003").ok());

  f.clock.Advance(59 * kMinuteMs);
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kSkipped);
  f.clock.Advance(kMinuteMs);
  reconcile::RunReport later = r->RunOnce();
  CHECK(later.pages[0].outcome == PageOutcome::kOk);
  CHECK(later.Recovered() == 1);
}

TEST_CASE("an expired token blocks its page and the other pages are still read", "[reconcile]") {
  ReconcileFixture f;
  f.pages.push_back({"instagram", "17841400000000001", "", "ig-token"});
  f.fake.SeedPost("17841400000000001", "17900000000000001", f.Ago(kHourMs));
  f.fake.SeedComment("17900000000000001", "18000000000000001", "9100001", "3 hours in the waiting room",
                     f.Ago(kMinuteMs));
  f.fake.SeedComment("18000000000000001", "18000000000000002", "9100002", "same, my mom waited 4",
                     f.Ago(kMinuteMs));
  f.fake.Script("/v21.0/1001/feed", {FakeGraphServer::ExpiredToken()});
  auto r = f.Make();

  reconcile::RunReport run = r->RunOnce();
  REQUIRE(run.pages.size() == 2);
  CHECK(run.pages[0].outcome == PageOutcome::kBlocked);
  CHECK(run.pages[0].detail.find("code 190") != std::string::npos);
  CHECK(run.pages[1].outcome == PageOutcome::kOk);
  CHECK(run.pages[1].recovered == 2);
  auto reply = f.Find("instagram", "18000000000000002");
  REQUIRE(reply.ok());
  CHECK(reply->parent_id == "18000000000000001");
  CHECK(reply->post_id == "17900000000000001");
  CHECK(r->counters().permanent_failures == 1);
  CHECK(r->counters().pages_blocked == 1);

  // Not retried each tick: the next passes skip it without a call.
  f.clock.Advance(kHourMs);
  reconcile::RunReport again = r->RunOnce();
  CHECK(again.pages[0].outcome == PageOutcome::kSkipped);
  CHECK(again.pages[0].detail.find("blocked") != std::string::npos);
  CHECK(f.fake.Count("GET", "/1001/feed") == 1);
}

TEST_CASE("a post deleted between the listings is skipped alone", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedPost("1001", "1001_2003", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2003", "2003_3001", "77002", kComplaint, f.Ago(kMinuteMs));
  f.fake.Script("/v21.0/1001_2002/comments", {FakeGraphServer::DeletedComment()});
  reconcile::RunReport run = f.Make()->RunOnce();
  CHECK(run.pages[0].outcome == PageOutcome::kOk);
  CHECK(run.Recovered() == 1);
}

TEST_CASE("the call budget ends a pass after every post's comments and before replies", "[reconcile]") {
  ReconcileFixture f;
  f.settings.max_calls = 3;  // the feed and two posts' comments
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedPost("1001", "1001_2003", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(kMinuteMs));
  f.fake.SeedComment("1001_2003", "2003_3001", "77002", kComplaint, f.Ago(kMinuteMs));
  f.fake.SeedComment("2002_3003", "2002_3010", "77003", kComplaint, f.Ago(kMinuteMs));
  auto r = f.Make();
  reconcile::RunReport run = r->RunOnce();
  CHECK(run.pages[0].outcome == PageOutcome::kBudget);
  CHECK(run.pages[0].calls == 3);
  CHECK(run.Recovered() == 2);
  CHECK_FALSE(run.AnyFailed());
  CHECK(r->RunOnce().pages[0].outcome == PageOutcome::kBudget);  // no backoff: the next tick runs
}

TEST_CASE("the timer makes no call at start-up and waits one interval for its first pass", "[reconcile]") {
  ReconcileFixture f;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  auto r = f.Make();  // the default 10 minutes
  r->Start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  r->Stop();
  CHECK(f.fake.Requests().empty());
  CHECK(r->counters().runs == 0);
}

TEST_CASE("a pass asked for while one runs returns busy and stop ends the timer", "[reconcile]") {
  ReconcileFixture f;
  f.settings.tick_ms = 20;
  f.fake.SeedPost("1001", "1001_2002", f.Ago(kHourMs));
  f.fake.SeedComment("1001_2002", "2002_3003", "77001", kComplaint, f.Ago(kMinuteMs));
  f.fake.Script("/v21.0/1001_2002/comments", {FakeGraphServer::Hang()});
  auto r = f.Make();
  r->Start();  // the first pass runs after one tick, on the timer's thread
  REQUIRE(f.fake.WaitFor("GET", "/1001_2002/comments", 1, 5000));
  CHECK(r->RunOnce().busy);
  CHECK(r->counters().runs == 1);
  f.fake.ReleaseHangs();
  r->Stop();
  CHECK(f.CountComments() == 1);  // the pass in progress finished and stored
  CHECK(r->counters().recovered == 1);
}
