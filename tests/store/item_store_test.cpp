// The queue listing merges one index walk per (state, urgency); paging through
// it must give exactly the order one big sort would, with no item lost or
// repeated at page boundaries, for any filter.
#include "store/item_store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>
#include <set>

#include "fakes/fake_clock.h"
#include "store/delivery_writer.h"
#include "test_util.h"

using namespace turnaround;

namespace {

// 90 flagged comments: a third urgent, four severities, received in bursts so
// that many items share a due time (the id must break those ties).
void Seed(const std::string& path, testing::FakeClock& clock) {
  auto writer = store::DeliveryWriter::Open(path, clock);
  REQUIRE(writer.ok());
  const model::Severity severities[] = {model::Severity::kLow, model::Severity::kNormal, model::Severity::kHigh,
                                        model::Severity::kUrgent};
  const char* categories[] = {"billing", "wait_time", "staff_attitude"};
  for (int i = 0; i < 90; ++i) {
    if (i % 10 == 0) clock.Advance(60'000);
    ingest::DeliveryRecord rec;
    rec.endpoint = "generic";
    rec.accepted = true;
    ingest::CommentWrite w;
    w.comment.platform = i % 2 ? "yelp" : "google";
    w.comment.external_id = "c" + std::to_string(i);
    w.comment.text = "still waiting " + std::to_string(i);
    model::Verdict v;
    v.is_complaint = true;
    v.severity = severities[i % 4];
    v.category = categories[i % 3];
    if (i % 3 == 0) v.urgent_reasons = {"legal_threat"};
    w.verdict = v;
    rec.writes.push_back(w);
    auto out = writer.value()->Write(rec);
    REQUIRE(out.ok());
    REQUIRE(out->flagged == 1);
  }
}

// What one ORDER BY over the whole table says the queue is.
std::vector<std::int64_t> Expected(const std::string& path, const std::string& where) {
  SQLite::Database db(path);
  SQLite::Statement st(db, "SELECT id FROM items WHERE " + where + " ORDER BY is_urgent DESC, due_at_ms, id");
  std::vector<std::int64_t> ids;
  while (st.executeStep()) ids.push_back(st.getColumn(0).getInt64());
  return ids;
}

std::vector<std::int64_t> PageThrough(store::ItemStore& items, store::QueueFilter f) {
  std::vector<std::int64_t> ids;
  for (int pages = 0; pages < 100; ++pages) {
    auto page = items.List(f);
    REQUIRE(page.ok());
    CHECK(static_cast<int>(page->items.size()) <= f.limit);
    for (const auto& v : page->items) ids.push_back(v.item.id);
    if (page->next_cursor.empty()) return ids;
    f.cursor = page->next_cursor;
  }
  FAIL("the cursor never ended");
  return ids;
}

}  // namespace

TEST_CASE("queue pages follow urgent first, then due time, then id, across states and filters", "[store]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  const std::string path = dir.File("queue.db");
  Seed(path, clock);
  {
    // Spread the items over every state, as agents' work would.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    const char* states[] = {"new", "claimed", "replied", "escalated", "resolved", "dismissed", "withdrawn"};
    SQLite::Statement up(db, "UPDATE items SET state=? WHERE id % 7 = ?");
    for (int k = 0; k < 7; ++k) {
      up.reset();
      up.bind(1, states[k]);
      up.bind(2, k);
      up.exec();
    }
  }
  auto pool = store::ConnectionPool::Open(path);
  REQUIRE(pool.ok());
  store::ItemStore items(pool.value());
  using S = model::ItemState;

  for (int limit : {1, 7, 50, 200}) {
    store::QueueFilter open;
    open.states = {S::kNew, S::kClaimed, S::kEscalated, S::kReplied};
    open.limit = limit;
    CHECK(PageThrough(items, open) == Expected(path, "state IN ('new','claimed','escalated','replied')"));

    store::QueueFilter all;  // no states: every state
    all.limit = limit;
    auto every = PageThrough(items, all);
    CHECK(every == Expected(path, "1=1"));
    CHECK(std::set<std::int64_t>(every.begin(), every.end()).size() == 90);

    store::QueueFilter billing;
    billing.states = {S::kNew, S::kEscalated};
    billing.category = "billing";
    billing.platform = "google";
    billing.limit = limit;
    CHECK(PageThrough(items, billing) ==
          Expected(path, "state IN ('new','escalated') AND category='billing' AND platform='google'"));
  }
}

TEST_CASE("a cursor the server did not hand out is refused", "[store]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  const std::string path = dir.File("queue.db");
  Seed(path, clock);
  auto pool = store::ConnectionPool::Open(path);
  REQUIRE(pool.ok());
  store::ItemStore items(pool.value());
  for (const char* bad : {"garbage", "2.100.5", "-1.100.5", "1.100", "1.100.5.6", "1.x.5"}) {
    store::QueueFilter f;
    f.cursor = bad;
    auto page = items.List(f);
    REQUIRE_FALSE(page.ok());
    CHECK(page.status().code() == core::Code::kInvalidArgument);
  }
}
