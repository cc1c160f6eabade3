// Moderation actions and delivery retries queued by QueueService.
#include <catch2/catch.hpp>

#include "outbox/outbox_fixture.h"

using namespace turnaround;
using testing::FakeGraphServer;
using testing::OutboxFixture;

namespace {
constexpr std::int64_t kDay = 24LL * 3600 * 1000;
}

TEST_CASE("hide and unhide reach the platform and set the comment's state", "[queue]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  REQUIRE(f.queue->SetHidden(item, f.agent, true).ok());
  CHECK(f.Last(item).kind == "hide");
  f.sender->RunOnce();
  CHECK(f.Last(item).state == "sent");
  CHECK(f.View(item).comment.state == "hidden");
  REQUIRE(f.queue->SetHidden(item, f.agent, false).ok());
  f.sender->RunOnce();
  CHECK(f.View(item).comment.state == "visible");
  auto reqs = f.fake.Requests();
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].Param("is_hidden") == "true");
  CHECK(reqs[1].Param("is_hidden") == "false");
  CHECK(f.HasEvent(item, "item.hide"));
  CHECK(f.HasEvent(item, "item.unhide"));
}

TEST_CASE("instagram hide uses the hide field and needs a configured account", "[queue]") {
  OutboxFixture f;
  const std::int64_t ig = f.AddComment("ig-c1", "Waited", "instagram", "ig-1");
  REQUIRE(f.queue->SetHidden(ig, f.agent, true).ok());
  f.sender->RunOnce();
  REQUIRE(f.fake.Requests().size() == 1);
  CHECK(f.fake.Requests()[0].Param("hide") == "true");
  const std::int64_t other = f.AddComment("ig-c2", "Waited", "instagram", "ig-9");
  auto refused = f.queue->SetHidden(other, f.agent, true);
  CHECK(refused.status().code() == core::Code::kConflict);
  const std::int64_t yelp = f.AddComment("y1", "Waited", "yelp", "");
  CHECK(f.queue->SetHidden(yelp, f.agent, true).status().code() == core::Code::kInvalidArgument);
}

TEST_CASE("a private reply is possible once per comment and within 7 days", "[queue]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  CHECK(f.queue->PrivateReplyAvailability(f.View(item)).available);
  REQUIRE(f.queue->PrivateReply(item, f.agent, "Please send us your booking number").ok());
  f.sender->RunOnce();
  store::OutboxRow sent = f.Last(item);
  CHECK(sent.kind == "private_reply");
  CHECK(sent.state == "sent");
  CHECK(sent.platform_id.rfind("m_fake", 0) == 0);
  REQUIRE(f.fake.Count("POST", "/v21.0/page-1/messages") == 1);
  auto again = f.queue->PrivateReply(item, f.agent, "Hello again");
  CHECK(again.status().code() == core::Code::kConflict);
  CHECK_THAT(again.status().message(), Catch::Contains("already"));
  CHECK_FALSE(f.queue->PrivateReplyAvailability(f.View(item)).available);

  const std::int64_t old = f.AddComment("c2", "Waited");
  f.clock.Advance(7 * kDay + 1);
  auto late = f.queue->PrivateReply(old, f.agent, "Hello");
  CHECK(late.status().code() == core::Code::kConflict);
  CHECK_THAT(late.status().message(), Catch::Contains("7 days"));
  CHECK(f.fake.Count("POST", "/messages") == 1);
}

TEST_CASE("a failed private reply can be tried again as a new one", "[queue]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script("/v21.0/page-1/messages", {FakeGraphServer::ExpiredToken()});
  REQUIRE(f.queue->PrivateReply(item, f.agent, "Hello").ok());
  f.sender->RunOnce();
  CHECK(f.Last(item).state == "failed");
  CHECK(f.queue->PrivateReplyAvailability(f.View(item)).available);
}

TEST_CASE("an agent can retry a failed delivery and only a failed one", "[queue]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.fake.Script("/v21.0/c1/comments", {FakeGraphServer::ExpiredToken()});
  f.Reply(item, "Sorry");
  f.sender->RunOnce();
  const store::OutboxRow failed = f.Last(item);
  REQUIRE(failed.state == "failed");
  REQUIRE(f.queue->RetryDelivery(item, failed.id, f.agent).ok());
  CHECK(f.Last(item).state == "queued");
  CHECK(f.Last(item).attempts == 0);
  CHECK(f.HasEvent(item, "item.delivery_retry"));
  f.sender->RunOnce();
  CHECK(f.Last(item).state == "sent");
  CHECK(f.fake.Count("POST", "/v21.0/c1/comments") == 2);
  CHECK(f.queue->RetryDelivery(item, failed.id, f.agent).status().code() == core::Code::kConflict);
  const std::int64_t other = f.AddComment("c2", "Waited");
  CHECK(f.queue->RetryDelivery(other, failed.id, f.agent).status().code() == core::Code::kConflict);
}
