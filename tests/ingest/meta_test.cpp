#include "ingest/meta.h"

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace turnaround;
using turnaround::testing::ReadFixture;

TEST_CASE("facebook comment add", "[ingest]") {
  auto parsed = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/comment_add.json"));
  REQUIRE(parsed.ok());
  REQUIRE(parsed->comments.size() == 1);
  const model::Comment& c = parsed->comments[0];
  CHECK(c.platform == "facebook");
  CHECK(c.external_id == "2002_3003");
  CHECK(c.page_id == "1001");
  CHECK(c.post_id == "1001_2002");
  CHECK(c.parent_id.empty());  // parent was the post: a top-level comment
  CHECK(c.author_id == "77001");
  CHECK(c.author_name == "Dana Whitfield");
  CHECK(c.text == "Day 9 of waiting for billing to call me back");
  CHECK(c.created_at_ms == 1795499990000);
  CHECK(c.action == model::CommentAction::kCreate);
  CHECK_FALSE(c.from_page);
  CHECK(c.url.find("comment_id=3003") != std::string::npos);
}

TEST_CASE("facebook verbs map to actions", "[ingest]") {
  struct Case {
    const char* fixture;
    model::CommentAction action;
  } cases[] = {
      {"comment_edit.json", model::CommentAction::kEdit},
      {"comment_edit_legacy_verb.json", model::CommentAction::kEdit},
      {"comment_remove_no_from.json", model::CommentAction::kRemove},
      {"comment_hide.json", model::CommentAction::kHide},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    auto parsed = ingest::ParseMetaDelivery(ReadFixture(std::string("webhooks/facebook/") + c.fixture));
    REQUIRE(parsed.ok());
    REQUIRE(parsed->comments.size() == 1);
    CHECK(parsed->comments[0].action == c.action);
  }
}

TEST_CASE("facebook legacy sender fields and missing author", "[ingest]") {
  auto legacy = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/comment_edit_legacy_verb.json"));
  REQUIRE(legacy.ok());
  CHECK(legacy->comments[0].author_id == "77001");
  CHECK(legacy->comments[0].author_name == "Dana Whitfield");
  auto removed = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/comment_remove_no_from.json"));
  REQUIRE(removed.ok());
  CHECK(removed->comments[0].author_id.empty());
}

TEST_CASE("replies keep their parent and the page's own comments are marked", "[ingest]") {
  auto reply = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/reply_to_comment.json"));
  REQUIRE(reply.ok());
  CHECK(reply->comments[0].parent_id == "2002_3003");
  CHECK_FALSE(reply->comments[0].from_page);
  auto own = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/page_own_reply.json"));
  REQUIRE(own.ok());
  CHECK(own->comments[0].from_page);
}

TEST_CASE("every entry and change of a batch is handled and unknowns are noted", "[ingest]") {
  auto parsed = ingest::ParseMetaDelivery(ReadFixture("webhooks/facebook/batch_many.json"));
  REQUIRE(parsed.ok());
  CHECK(parsed->comments.size() == 60);
  CHECK(parsed->comments.front().external_id == "2002_5000");
  CHECK(parsed->comments.back().external_id == "2002_5059");
  REQUIRE(parsed->ignored.size() == 3);
  CHECK(parsed->ignored[0] == "item=reaction");
  CHECK(parsed->ignored[1] == "verb=block");
  CHECK(parsed->ignored[2] == "page.field=mention");
}

TEST_CASE("instagram comments and replies and live comments and missing from", "[ingest]") {
  auto add = ingest::ParseMetaDelivery(ReadFixture("webhooks/instagram/comment_add.json"));
  REQUIRE(add.ok());
  REQUIRE(add->comments.size() == 1);
  const model::Comment& c = add->comments[0];
  CHECK(c.platform == "instagram");
  CHECK(c.external_id == "18000000000000001");
  CHECK(c.page_id == "17841400000000001");
  CHECK(c.post_id == "17900000000000001");
  CHECK(c.author_name == "maria.g");
  CHECK(c.created_at_ms == 1795501000000);

  auto reply = ingest::ParseMetaDelivery(ReadFixture("webhooks/instagram/reply_to_comment.json"));
  REQUIRE(reply.ok());
  CHECK(reply->comments[0].parent_id == "18000000000000001");

  auto live = ingest::ParseMetaDelivery(ReadFixture("webhooks/instagram/live_comment.json"));
  REQUIRE(live.ok());
  CHECK(live->comments.size() == 1);

  auto nofrom = ingest::ParseMetaDelivery(ReadFixture("webhooks/instagram/missing_from.json"));
  REQUIRE(nofrom.ok());
  REQUIRE(nofrom->comments.size() == 1);
  CHECK(nofrom->comments[0].author_id.empty());
  CHECK(nofrom->ignored == std::vector<std::string>{"instagram.field=mentions"});

  auto own = ingest::ParseMetaDelivery(ReadFixture("webhooks/instagram/own_account_reply.json"));
  REQUIRE(own.ok());
  CHECK(own->comments[0].from_page);
}

TEST_CASE("unknown objects are skipped and not rejected", "[ingest]") {
  auto parsed = ingest::ParseMetaDelivery(R"({"object":"whatsapp_business_account","entry":[]})");
  REQUIRE(parsed.ok());
  CHECK(parsed->comments.empty());
  CHECK(parsed->ignored == std::vector<std::string>{"object=whatsapp_business_account"});
}

TEST_CASE("malformed Meta deliveries are rejected whole with the JSON path", "[ingest]") {
  struct Case {
    const char* body;
    const char* want_in_message;
  } cases[] = {
      {"", "not valid JSON"},
      {"{", "not valid JSON"},
      {"[]", "JSON object"},
      {"\xff\xfe{}", "UTF-8"},
      {R"({"object":"page"})", "$.entry"},
      {R"({"object":"page","entry":{}})", "$.entry"},
      {R"({"object":"page","entry":[5]})", "$.entry[0]"},
      {R"({"object":"page","entry":[{"id":"1","changes":{}}]})", "$.entry[0].changes"},
      {R"({"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":[]}]}]})",
       "$.entry[0].changes[0].value"},
      {R"({"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"comment","verb":"add","message":"x"}}]}]})",
       "comment_id: required"},
      {R"({"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","message":42}}]}]})",
       "message: must be a string"},
      {R"({"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","from":"me"}}]}]})",
       "from: must be an object"},
      {R"({"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","created_time":"soon"}}]}]})",
       "created_time"},
      {R"({"object":"instagram","entry":[{"id":"1","changes":[{"field":"comments","value":{"text":"x"}}]}]})",
       "id: required"},
      {R"({"object":["page"],"entry":[]})", "object: must be a string"},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    auto parsed = ingest::ParseMetaDelivery(c.body);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == core::Code::kInvalidArgument);
    CHECK_THAT(parsed.status().message(), Catch::Contains(c.want_in_message));
  }
}

TEST_CASE("a bad change anywhere rejects the whole batch", "[ingest]") {
  // Good first comment, bad second: nothing may be half-taken.
  auto parsed = ingest::ParseMetaDelivery(
      R"({"object":"page","entry":[{"id":"1","changes":[)"
      R"({"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","message":"ok"}},)"
      R"({"field":"feed","value":{"item":"comment","verb":"add","comment_id":{"x":1}}}]}]})");
  CHECK_FALSE(parsed.ok());
}
