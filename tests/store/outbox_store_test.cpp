// The outbox side of the delivery writer: our replies coming back by webhook,
// and hiding spam automatically.
#include "store/outbox_store.h"

#include <catch2/catch.hpp>

#include "outbox/outbox_fixture.h"

using namespace turnaround;
using testing::OutboxFixture;

TEST_CASE("our posted reply coming back by webhook is matched and not queued", "[store]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.Reply(item, "Sorry for the wait");
  f.sender->RunOnce();
  const store::OutboxRow sent = f.Last(item);
  REQUIRE(sent.state == "sent");
  // Instagram-like: the author id does not give it away, the platform id does.
  CHECK(f.AddComment(sent.platform_id, "Sorry for the wait", "facebook", "page-1", false, "c1", "someone") == 0);
  CHECK(f.Last(item).echo_comment_id != 0);
  store::ItemDetail d = f.items->GetDetail(item).value();
  REQUIRE(d.thread_replies.size() == 1);
  CHECK(d.thread_replies[0].is_ours);
}

TEST_CASE("an echo arriving while the post is still in flight settles it as sent", "[store]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.Reply(item, "Sorry for the wait");
  const store::OutboxRow row = f.Last(item);
  REQUIRE(f.outbox->MarkSending(row.id, f.clock.NowMs()).ok());
  CHECK(f.AddComment("c1_echo", "Sorry for the wait", "instagram", "page-1", false, "c1", "x") != 0);  // other platform
  CHECK(f.AddComment("c1_echo", "Sorry for the wait", "facebook", "page-1", false, "c1", "x") == 0);
  store::OutboxRow settled = f.Last(item);
  CHECK(settled.state == "sent");
  CHECK(settled.platform_id == "c1_echo");
  // The late answer of the request changes nothing.
  CHECK_FALSE(f.outbox->Finish({row.id, "failed", "", "late", 0, false, f.clock.NowMs()}, model::Event{}).ok());
  CHECK(f.Last(item).state == "sent");
}

TEST_CASE("a different text under the same comment is a customer and is queued", "[store]") {
  OutboxFixture f;
  const std::int64_t item = f.AddComment("c1", "Waited");
  f.Reply(item, "Sorry for the wait");
  f.sender->RunOnce();
  CHECK(f.AddComment("c1_r2", "Still waiting", "facebook", "page-1", false, "c1", "fan-2") != 0);
}

TEST_CASE("spam is hidden automatically only when switched on and audited", "[store]") {
  SECTION("off by default") {
    OutboxFixture f;
    f.AddComment("s1", "Buy followers now", "facebook", "page-1", true);
    f.sender->RunOnce();
    CHECK(f.fake.Requests().empty());
  }
  SECTION("on") {
    OutboxFixture f(true);
    f.AddComment("s1", "Buy followers now", "facebook", "page-1", true);
    f.AddComment("s2", "Buy followers now", "facebook", "page-9", true);  // no token: left alone
    f.sender->RunOnce();
    REQUIRE(f.fake.Requests().size() == 1);
    CHECK(f.fake.Requests()[0].path == "/v21.0/s1");
    CHECK(f.fake.Requests()[0].Param("is_hidden") == "true");
    store::ItemStore::EventFilter ev;
    ev.kind = "comment.auto_hide";
    CHECK(f.items->Events(ev)->size() == 1);
  }
}
