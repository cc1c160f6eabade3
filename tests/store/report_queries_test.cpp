// ReportSource on both engines (tests/store/sql/engines.h): the facts each
// report figure is computed from, re-derived from the audit events.
#include "store/report_queries.h"

#include <catch2/catch.hpp>

#include "sql/seed.h"
#include "store/sql/audit.h"

using namespace turnaround;

namespace {

void Event(store::sql::Connection& c, std::int64_t item_id, const std::string& kind, std::int64_t at_ms,
           const std::string& actor = "ann") {
  model::Event e;
  e.item_id = item_id;
  e.kind = kind;
  e.at_ms = at_ms;
  e.actor = actor;
  REQUIRE(store::sql::InTransaction(c, [&]() { return store::sql::AppendEvent(c, e).status(); }).ok());
}

model::Item NewItem(std::int64_t at_ms, const std::string& platform) {
  model::Item item;
  item.platform = platform;
  item.category = "billing";
  item.created_at_ms = item.received_at_ms = at_ms;
  item.posted_at_ms = at_ms - 10;
  item.due_at_ms = at_ms + 3600'000;
  return item;
}

}  // namespace

TEST_CASE("report facts come from the events, with labels from items and comments", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  testing::Seeder seed(db);
  store::sql::Connection& c = seed.conn();
  const model::Item a = seed.Item(NewItem(1000, "facebook"), "c1");  // by fan-1
  model::Item b = seed.Item(NewItem(1500, "google"), "c2");
  REQUIRE(c.Exec("UPDATE comments SET author_id='' WHERE id=?", {b.comment_id}).ok());
  const model::Item late = seed.Item(NewItem(9000, "facebook"), "c3");
  // fan-1 writes again after the first reply: a thank-you, then a complaint.
  testing::SeedComment thanks;
  thanks.external_id = "c1-thanks";
  thanks.created_at_ms = 2600;
  const std::int64_t thanks_id = seed.Comment(thanks);
  testing::SeedComment again = thanks;
  again.external_id = "c1-again";
  again.created_at_ms = 2700;
  const std::int64_t again_id = seed.Comment(again);
  REQUIRE(c.Exec("UPDATE comments SET is_complaint=0 WHERE id=?", {thanks_id}).ok());
  REQUIRE(c.Exec("UPDATE comments SET is_complaint=1 WHERE id=?", {again_id}).ok());

  Event(c, a.id, "item.created", 1000, "webhook:meta");
  Event(c, b.id, "item.created", 1500, "webhook:generic");
  Event(c, a.id, "item.reply", 2000, "ann");
  Event(c, a.id, "item.reply", 2500, "bob");
  Event(c, a.id, "item.resolve", 3000);
  Event(c, a.id, "item.reopen", 4000);
  Event(c, late.id, "item.created", 9000, "webhook:meta");

  store::ReportSource source(testing::InstancePool(db));
  auto rows = source.Items(0, 5000);
  INFO(rows.status().ToString());
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  const store::ReportItemRow& ra = (*rows)[0];
  CHECK(ra.item_id == a.id);
  CHECK(ra.platform == "facebook");
  CHECK(ra.category == "billing");
  CHECK(ra.severity == "normal");
  CHECK(ra.state == "new");
  CHECK(ra.posted_at_ms == 990);
  CHECK(ra.received_at_ms == 1000);
  CHECK(ra.due_at_ms == 1000 + 3600'000);
  CHECK(ra.first_reply_at_ms == 2000);
  CHECK(ra.first_reply_agent == "ann");
  CHECK(ra.last_close_kind == "item.reopen");
  CHECK(ra.last_close_at_ms == 4000);
  CHECK(ra.author_key == "facebook:fan-1");
  CHECK(ra.next_comment_complaint == 0);
  CHECK(ra.complained_again);

  const store::ReportItemRow& rb = (*rows)[1];
  CHECK(rb.item_id == b.id);
  CHECK(rb.first_reply_at_ms == 0);
  CHECK(rb.first_reply_agent.empty());
  CHECK(rb.last_close_kind.empty());
  CHECK(rb.author_key.empty());
  CHECK(rb.next_comment_complaint == -1);
  CHECK_FALSE(rb.complained_again);

  CHECK(source.Items(5000, 10'000)->size() == 1);
  CHECK(source.Items(10'000, 20'000)->empty());
}
