#include "outbox/sender.h"

#include <catch2/catch.hpp>

#include "outbox/outbox_fixture.h"

using namespace turnaround;
using testing::FakeGraphServer;
using testing::OutboxFixture;

namespace {

const std::string kPost = "/v21.0/c1/comments";
constexpr std::int64_t kMinute = 60 * 1000;

}  // namespace

TEST_CASE("a recorded reply is posted once to the comment and its platform id stored", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited three hours");
  f.Reply(item, "We are sorry, please call us");
  store::OutboxRow queued = f.Last(item);
  CHECK(queued.state == "queued");
  CHECK(queued.kind == "reply");
  CHECK(queued.reply_id == f.View(item).replies.back().id);
  CHECK(f.sender->RunOnce() == 1);
  CHECK(f.sender->RunOnce() == 0);  // nothing left to send
  REQUIRE(f.fake.Count("POST", kPost) == 1);
  CHECK(f.fake.Requests()[0].Param("message") == "We are sorry, please call us");
  CHECK(f.fake.Requests()[0].Param("access_token") == "fb-token");
  store::OutboxRow sent = f.Last(item);
  CHECK(sent.state == "sent");
  CHECK(sent.attempts == 1);
  CHECK(sent.platform_id.rfind("c1_fake", 0) == 0);
  CHECK(f.HasEvent(item, "outbox.sent"));
  CHECK(f.View(item).item.state == model::ItemState::kReplied);
}

TEST_CASE("without a token for the page the reply is recorded and its delivery says why", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited three hours", "facebook", "page-9");
  f.Reply(item, "Sorry");
  store::OutboxRow row = f.Last(item);
  CHECK(row.state == "failed");
  CHECK(row.error == "no page token configured for page page-9");
  CHECK(f.sender->RunOnce() == 0);
  CHECK(f.fake.Requests().empty());
  CHECK(f.View(item).item.state == model::ItemState::kReplied);  // recorded as before
}

TEST_CASE("a generic source reply gets no delivery", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("y1", "Waited three hours", "yelp", "");
  f.Reply(item, "Sorry");
  CHECK(f.View(item).outbox.empty());
}

TEST_CASE("a 5xx is retried after a backoff and then posted once", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script(kPost, {FakeGraphServer::ServerError()});
  f.Reply(item, "Sorry");
  f.sender->RunOnce();
  store::OutboxRow retry = f.Last(item);
  CHECK(retry.state == "queued");
  CHECK(retry.attempts == 1);
  CHECK(retry.error.find("temporarily unavailable") != std::string::npos);
  CHECK(retry.next_attempt_at_ms >= f.clock.NowMs() + 1000);  // first backoff 2 s, jitter down to half
  CHECK(retry.next_attempt_at_ms <= f.clock.NowMs() + 2000);
  CHECK_FALSE(retry.verify_first);  // an error answer means nothing was posted
  CHECK(f.sender->RunOnce() == 0);  // not due yet
  f.clock.Advance(2000);
  CHECK(f.sender->RunOnce() == 1);
  CHECK(f.Last(item).state == "sent");
  CHECK(f.Last(item).attempts == 2);
  CHECK(f.fake.Count("POST", kPost) == 2);
  CHECK(f.HasEvent(item, "outbox.retry"));
}

TEST_CASE("a rate limit waits at least the platform's retry-after", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script(kPost, {FakeGraphServer::RateLimited(120)});
  f.Reply(item, "Sorry");
  f.sender->RunOnce();
  store::OutboxRow retry = f.Last(item);
  CHECK(retry.state == "queued");
  CHECK(retry.next_attempt_at_ms == f.clock.NowMs() + 120000);
  f.clock.Advance(119000);
  CHECK(f.sender->RunOnce() == 0);
  f.clock.Advance(1000);
  CHECK(f.sender->RunOnce() == 1);
  CHECK(f.Last(item).state == "sent");
}

TEST_CASE("backoff doubles per attempt and gives up after max attempts", "[outbox]") {
  OutboxFixture f(false, 5, 3);
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script(kPost, {FakeGraphServer::ServerError(), FakeGraphServer::ServerError(), FakeGraphServer::ServerError()});
  f.Reply(item, "Sorry");
  f.sender->RunOnce();
  f.clock.Advance(2000);
  f.sender->RunOnce();
  store::OutboxRow second = f.Last(item);
  CHECK(second.next_attempt_at_ms >= f.clock.NowMs() + 2000);  // 4 s with jitter down to half
  CHECK(second.next_attempt_at_ms <= f.clock.NowMs() + 4000);
  f.clock.Advance(4000);
  f.sender->RunOnce();
  store::OutboxRow failed = f.Last(item);
  CHECK(failed.state == "failed");
  CHECK(failed.error.rfind("gave up after 3 attempts: ", 0) == 0);
  CHECK(f.fake.Count("POST", kPost) == 3);
  CHECK(f.View(item).item.state == model::ItemState::kClaimed);  // back with the agent
}

TEST_CASE("permanent failures stop at once and put the item back in front of the agent", "[outbox]") {
  struct Row {
    const char* name;
    FakeGraphServer::Reply reply;
    const char* message;
    std::int64_t later_ms;
    model::ItemState back_to;
  } rows[] = {
      {"expired token", FakeGraphServer::ExpiredToken(), "Session has expired", 0, model::ItemState::kClaimed},
      {"deleted comment", FakeGraphServer::DeletedComment(), "does not exist", 20 * kMinute, model::ItemState::kNew},
  };
  for (const Row& r : rows) {
    SECTION(r.name) {
      OutboxFixture f;
      const std::int64_t item = f.AddComment("c1", "Waited");
      f.fake.Script(kPost, {r.reply});
      const std::int64_t due_before = f.View(item).item.due_at_ms;
      f.Reply(item, "Sorry");
      f.clock.Advance(r.later_ms);  // past the 15 minute lease: nobody holds it any more
      f.sender->RunOnce();
      store::OutboxRow row = f.Last(item);
      CHECK(row.state == "failed");
      CHECK(row.error.find(r.message) != std::string::npos);
      CHECK(row.attempts == 1);
      store::ItemView v = f.View(item);
      CHECK(v.item.state == r.back_to);
      CHECK(v.item.due_at_ms == std::min(due_before, f.clock.NowMs()));
      CHECK(f.HasEvent(item, "item.delivery_failed"));
      f.clock.Advance(kMinute);
      CHECK(f.sender->RunOnce() == 0);
      CHECK(f.fake.Count("POST", kPost) == 1);
    }
  }
}

TEST_CASE("no answer after sending is checked on the platform before posting again", "[outbox]") {
  OutboxFixture f(false, 1);
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script(kPost, {FakeGraphServer::Hang()});  // the platform posts, the answer never comes
  f.Reply(item, "Sorry for the wait");
  f.sender->RunOnce();
  f.fake.ReleaseHangs();
  store::OutboxRow retry = f.Last(item);
  CHECK(retry.state == "queued");
  CHECK(retry.verify_first);
  f.clock.Advance(5000);
  CHECK(f.sender->RunOnce() == 1);
  store::OutboxRow sent = f.Last(item);
  CHECK(sent.state == "sent");
  CHECK(sent.platform_id.rfind("c1_fake", 0) == 0);
  CHECK(f.fake.Count("POST", kPost) == 1);  // found, not posted twice
  CHECK(f.fake.Count("GET", kPost) == 1);
}

TEST_CASE("an entry interrupted by a restart is settled by looking on the platform", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.Reply(item, "Sorry for the wait");
  const store::OutboxRow row = f.Last(item);
  SECTION("found under the comment: sent, never posted again") {
    REQUIRE(f.outbox->MarkSending(row.id, f.clock.NowMs()).ok());  // then the process died
    f.fake.SeedComment("c1", "c1_mine", "page-1", "Sorry for the wait", "2030-01-01T00:00:00+0000");
    CHECK(f.NewSender().ResolveInterrupted() == 1);
    CHECK(f.Last(item).state == "sent");
    CHECK(f.Last(item).platform_id == "c1_mine");
  }
  SECTION("not found: failed with outcome unknown, back with the agent") {
    REQUIRE(f.outbox->MarkSending(row.id, f.clock.NowMs()).ok());
    CHECK(f.NewSender().ResolveInterrupted() == 1);
    CHECK(f.Last(item).state == "failed");
    CHECK(f.Last(item).error == "outcome unknown after restart; check the platform");
    CHECK(f.View(item).item.state == model::ItemState::kClaimed);
  }
  SECTION("an older reply with the same text does not count") {
    REQUIRE(f.outbox->MarkSending(row.id, f.clock.NowMs()).ok());
    f.fake.SeedComment("c1", "c1_old", "page-1", "Sorry for the wait", "2020-01-01T00:00:00+0000");
    f.NewSender().ResolveInterrupted();
    CHECK(f.Last(item).state == "failed");
  }
  f.sender->RunOnce();
  CHECK(f.fake.Count("POST", kPost) == 0);
}

TEST_CASE("only a queued entry can be marked sending", "[outbox]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.Reply(item, "Sorry");
  const std::int64_t id = f.Last(item).id;
  REQUIRE(f.outbox->MarkSending(id, f.clock.NowMs()).ok());
  CHECK(f.outbox->MarkSending(id, f.clock.NowMs()).code() == core::Code::kConflict);
  CHECK(f.sender->RunOnce() == 0);
  CHECK(f.fake.Requests().empty());
}
