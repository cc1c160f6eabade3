#include "reconcile/remote_comment.h"

#include <catch2/catch.hpp>

#include "ingest/meta.h"
#include "test_util.h"

using namespace turnaround;
using turnaround::testing::ReadFixture;

// The same comment as the webhook fixture delivers it and as the Graph API
// lists it must normalize to the same row: otherwise the poll would store a
// second copy of every comment the webhook already delivered.
TEST_CASE("graph comments normalize like the webhook's", "[reconcile]") {
  struct Case {
    const char* fixture;
    graph::RemoteComment remote;
    reconcile::ListedUnder where;
  } cases[] = {
      {"webhooks/facebook/comment_add.json",
       {"2002_3003", "1001_2002", "77001", "Dana Whitfield", "Day 9 of waiting for billing to call me back",
        1795499990000},
       {"facebook", "1001", "1001_2002", ""}},
      {"webhooks/facebook/reply_to_comment.json",
       {"2002_3010", "2002_3003", "77003", "Sam Ortiz", "Same here, they never call back", 1795500390000},
       {"facebook", "1001", "1001_2002", "2002_3003"}},
      {"webhooks/facebook/page_own_reply.json",
       {"2002_3011", "", "1001", "Riverside General Hospital",
        "We're sorry for the wait. Please call Patient Relations at 555-0100 so we can help.", 1795500490000},
       {"facebook", "1001", "1001_2002", "2002_3003"}},
      {"webhooks/instagram/comment_add.json",
       {"18000000000000001", "", "9100001", "maria.g", "3 hours in the waiting room and counting 🙄",
        1795501000000},
       {"instagram", "17841400000000001", "17900000000000001", ""}},
      {"webhooks/instagram/reply_to_comment.json",
       {"18000000000000002", "18000000000000001", "9100002", "jt_runs", "@maria.g same, my mom waited 4",
        1795501100000},
       {"instagram", "17841400000000001", "17900000000000001", "18000000000000001"}},
  };
  for (const Case& c : cases) {
    INFO(c.fixture);
    auto parsed = ingest::ParseMetaDelivery(ReadFixture(c.fixture));
    REQUIRE(parsed.ok());
    REQUIRE(parsed->comments.size() == 1);
    const model::Comment& hook = parsed->comments[0];
    const model::Comment polled = reconcile::ToComment(c.remote, c.where);
    CHECK(polled.platform == hook.platform);
    CHECK(polled.external_id == hook.external_id);
    CHECK(polled.page_id == hook.page_id);
    CHECK(polled.post_id == hook.post_id);
    CHECK(polled.parent_id == hook.parent_id);
    CHECK(polled.author_id == hook.author_id);
    CHECK(polled.author_name == hook.author_name);
    CHECK(polled.text == hook.text);
    CHECK(polled.created_at_ms == hook.created_at_ms);
    CHECK(polled.action == model::CommentAction::kCreate);
    CHECK(polled.from_page == hook.from_page);
  }
}

TEST_CASE("a facebook top-level comment listed with the post as parent has no parent", "[reconcile]") {
  graph::RemoteComment remote{"2002_3003", "1001_2002", "77001", "Dana", "hi", 0};
  model::Comment c = reconcile::ToComment(remote, {"facebook", "1001", "1001_2002", ""});
  CHECK(c.parent_id.empty());
  CHECK_FALSE(c.from_page);
  CHECK(c.created_at_ms == 0);  // unknown stays unknown
}
