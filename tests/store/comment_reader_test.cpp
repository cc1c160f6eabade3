// Reading stored comments back (export, look-ups) on either engine.
#include "store/comment_reader.h"

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "store/delivery_writer.h"
#include "one_comment.h"
#include "sql/engines.h"

using namespace turnaround;
using model::CommentAction;

TEST_CASE("comment reader walks every comment with its history and stops when asked", "[store][reader]") {
  TA_ON_EACH_ENGINE(db);
  testing::FakeClock clock;
  {
    auto writer = store::DeliveryWriter::OpenUrl(db.url(), clock, {});
    REQUIRE(writer.ok());
    const struct {
      const char* id;
      CommentAction action;
      const char* text;
    } writes[] = {
        {"a", CommentAction::kCreate, "first"},  {"b", CommentAction::kCreate, "no history"},
        {"a", CommentAction::kEdit, "second"},   {"c", CommentAction::kCreate, "one"},
        {"a", CommentAction::kHide, ""},         {"c", CommentAction::kEdit, "two"},
        {"d", CommentAction::kCreate, "last"},
    };
    for (const auto& w : writes) {
      clock.Advance(1000);
      REQUIRE(writer.value()->Write(testing::OneComment("yelp", w.id, w.action, w.text)).ok());
    }
  }
  auto reader = store::CommentReader::OpenUrl(db.url());
  REQUIRE(reader.ok());

  std::vector<store::CommentRow> rows;
  REQUIRE(reader.value()->ForEach([&](const store::CommentRow& r) {
    rows.push_back(r);
    return true;
  }).ok());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].external_id == "a");
  CHECK(rows[0].text == "second");
  CHECK(rows[0].state == "hidden");
  REQUIRE(rows[0].history.size() == 2);
  CHECK(rows[0].history[0].action == "edit");
  CHECK(rows[0].history[0].old_text == "first");
  CHECK(rows[0].history[1].action == "hide");
  CHECK(rows[0].history[1].at_ms > rows[0].history[0].at_ms);
  CHECK(rows[1].external_id == "b");
  CHECK(rows[1].history.empty());
  CHECK(rows[2].external_id == "c");
  REQUIRE(rows[2].history.size() == 1);
  CHECK(rows[2].history[0].old_text == "one");
  CHECK(rows[3].external_id == "d");  // the last comment is not left out
  CHECK(rows[3].history.empty());

  int seen = 0;
  REQUIRE(reader.value()->ForEach([&](const store::CommentRow&) { return ++seen < 2; }).ok());
  CHECK(seen == 2);

  auto found = reader.value()->Find("yelp", "c");
  REQUIRE(found.ok());
  CHECK(found->text == "two");
  CHECK(found->history.size() == 1);
  CHECK(reader.value()->Find("yelp", "zzz").status().code() == core::Code::kNotFound);
  CHECK(reader.value()->CountComments().value() == 4);
  CHECK(reader.value()->CountDeliveries().value() == 7);
}

TEST_CASE("comment reader refuses a SQLite file that does not exist", "[store][reader]") {
  testing::TempDir dir;
  CHECK_FALSE(store::CommentReader::Open(dir.File("missing.db")).ok());
  CHECK_FALSE(store::CommentReader::OpenUrl("mysql://nope").ok());
}
