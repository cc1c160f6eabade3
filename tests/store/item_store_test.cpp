// ItemStore on both engines (tests/store/sql/engines.h).
//
// The queue listing merges one index walk per (state, urgency); paging through
// it must give exactly the order one big sort would, with no item lost or
// repeated at page boundaries, for any filter. Updates write the item, its
// reply, outbox entry and audit event in one transaction, or nothing.
#include "store/item_store.h"

#include <catch2/catch.hpp>
#include <atomic>
#include <set>
#include <thread>

#include "sql/seed.h"
#include "store/event_log.h"

using namespace turnaround;
using testing::Seeder;

namespace {

using S = model::ItemState;

// 90 flagged comments: a third urgent, four severities, received in bursts so
// that many items share a due time (the id must break those ties).
void Seed(Seeder& seed) {
  const model::Severity severities[] = {model::Severity::kLow, model::Severity::kNormal, model::Severity::kHigh,
                                        model::Severity::kUrgent};
  const std::int64_t sla_ms[] = {72 * 3600'000, 24 * 3600'000, 4 * 3600'000, 3600'000};
  const char* categories[] = {"billing", "wait_time", "staff_attitude"};
  std::int64_t received = 0;
  for (int i = 0; i < 90; ++i) {
    if (i % 10 == 0) received += 60'000;
    model::Item item;
    item.platform = i % 2 ? "yelp" : "google";
    item.severity = severities[i % 4];
    item.category = categories[i % 3];
    if (i % 3 == 0) item.urgent_reasons = {"legal_threat"};
    item.created_at_ms = item.posted_at_ms = item.received_at_ms = received;
    item.due_at_ms = received + sla_ms[i % 4];
    seed.Item(item, "c" + std::to_string(i));
  }
}

// What one ORDER BY over the whole table says the queue is.
std::vector<std::int64_t> Expected(store::sql::Connection& c, const std::string& where) {
  auto rows = c.Query("SELECT id FROM items WHERE " + where + " ORDER BY is_urgent DESC, due_at_ms, id");
  REQUIRE(rows.ok());
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows) ids.push_back(r.Int(0));
  return ids;
}

std::vector<std::int64_t> PageThrough(store::ItemStore& items, store::QueueFilter f) {
  std::vector<std::int64_t> ids;
  for (int pages = 0; pages < 100; ++pages) {
    auto page = items.List(f);
    INFO(page.status().ToString());
    REQUIRE(page.ok());
    CHECK(static_cast<int>(page->items.size()) <= f.limit);
    for (const auto& v : page->items) ids.push_back(v.item.id);
    if (page->next_cursor.empty()) return ids;
    f.cursor = page->next_cursor;
  }
  FAIL("the cursor never ended");
  return ids;
}

model::Item NewItem(std::int64_t received_ms, const std::string& category = "billing") {
  model::Item item;
  item.category = category;
  item.created_at_ms = item.posted_at_ms = item.received_at_ms = received_ms;
  item.due_at_ms = received_ms + 3600'000;
  return item;
}

// The audit chain on either engine: ids 1..n, each prev_hash the hash
// before it, each hash the event's own.
void CheckChain(store::sql::Connection& c, std::int64_t expected_events) {
  auto rows = c.Query(std::string(store::kSelectEvents) + "ORDER BY id");
  REQUIRE(rows.ok());
  CHECK(static_cast<std::int64_t>(rows->size()) == expected_events);
  std::string prev(64, '0');
  std::int64_t id = 1;
  for (const auto& r : *rows) {
    model::Event e = store::ReadEventRow(r);
    CHECK(e.id == id++);
    CHECK(e.prev_hash == prev);
    CHECK(store::EventHash(e) == e.hash);
    prev = e.hash;
  }
}

// A claim by `agent` as the queue service decides it (enough for the store).
store::ItemStore::Decide ClaimBy(const std::string& agent, std::int64_t now) {
  return [agent, now](const model::Item& current) -> core::Result<store::Mutation> {
    if (current.state != S::kNew) return core::Conflict("already " + std::string(model::ItemStateName(current.state)));
    store::Mutation m;
    m.item = current;
    m.item.state = S::kClaimed;
    m.item.assignee = agent;
    m.item.lease_expires_at_ms = now + 60'000;
    m.event.at_ms = now;
    m.event.actor = agent;
    m.event.kind = "item.claim";
    return m;
  };
}

}  // namespace

TEST_CASE("queue pages follow urgent first, then due time, then id, across states and filters", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  Seed(seed);
  // Spread the items over every state, as agents' work would.
  const char* states[] = {"new", "claimed", "replied", "escalated", "resolved", "dismissed", "withdrawn"};
  for (int k = 0; k < 7; ++k) {
    REQUIRE(seed.conn().Exec("UPDATE items SET state=? WHERE id % 7 = ?", {states[k], k}).ok());
  }
  store::ItemStore items(testing::InstancePool(db));
  store::sql::Connection& c = seed.conn();

  for (int limit : {1, 7, 50, 200}) {
    INFO("limit " << limit);
    store::QueueFilter open;
    open.states = {S::kNew, S::kClaimed, S::kEscalated, S::kReplied};
    open.limit = limit;
    CHECK(PageThrough(items, open) == Expected(c, "state IN ('new','claimed','escalated','replied')"));

    store::QueueFilter all;  // no states: every state
    all.limit = limit;
    auto every = PageThrough(items, all);
    CHECK(every == Expected(c, "1=1"));
    CHECK(std::set<std::int64_t>(every.begin(), every.end()).size() == 90);

    store::QueueFilter billing;
    billing.states = {S::kNew, S::kEscalated};
    billing.category = "billing";
    billing.platform = "google";
    billing.limit = limit;
    CHECK(PageThrough(items, billing) ==
          Expected(c, "state IN ('new','escalated') AND category='billing' AND platform='google'"));

    store::QueueFilter mine;
    mine.severity = "high";
    mine.limit = limit;
    CHECK(PageThrough(items, mine) == Expected(c, "severity='high'"));
  }
}

TEST_CASE("a cursor the server did not hand out is refused", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  Seed(seed);
  store::ItemStore items(testing::InstancePool(db));
  for (const char* bad : {"garbage", "2.100.5", "-1.100.5", "1.100", "1.100.5.6", "1.x.5"}) {
    store::QueueFilter f;
    f.cursor = bad;
    auto page = items.List(f);
    REQUIRE_FALSE(page.ok());
    CHECK(page.status().code() == core::Code::kInvalidArgument);
  }
}

TEST_CASE("an item reads back with its comment, replies, outbox entries and context", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  testing::SeedComment parent;
  parent.external_id = "post-comment";
  parent.author_id = "fan-0";
  seed.Comment(parent);
  model::Item item = NewItem(1000);
  item.urgent_reasons = {"legal_threat", "self_harm"};
  item = seed.Item(item, "c1");
  // c1 answers post-comment; a sibling under the same parent, and one under c1.
  REQUIRE(seed.conn().Exec("UPDATE comments SET parent_id='post-comment' WHERE id=?", {item.comment_id}).ok());
  testing::SeedComment sibling;
  sibling.external_id = "sibling";
  sibling.parent_id = "post-comment";
  sibling.created_at_ms = 5;
  seed.Comment(sibling);
  testing::SeedComment answer;
  answer.external_id = "answer";
  answer.parent_id = "c1";
  answer.created_at_ms = 9;
  seed.Comment(answer);
  testing::SeedComment elsewhere;  // same author, another thread, no item
  elsewhere.external_id = "older";
  elsewhere.received_at_ms = 10;
  seed.Comment(elsewhere);

  store::ItemStore items(testing::InstancePool(db));
  CHECK(items.Get(item.id + 100).status().code() == core::Code::kNotFound);
  CHECK(items.GetDetail(item.id + 100).status().code() == core::Code::kNotFound);

  auto replied = items.Update(item.id, [](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.item.state = S::kReplied;
    m.item.first_response_at_ms = 2000;
    m.reply = store::ReplyRow{0, "ann", "Sorry \xE2\x80\x94 we are on it", "apology", "", 2000, true};
    m.reply->override_reason = "names a ward, approved";
    store::OutboxRow o;
    o.kind = "reply";
    o.platform = "facebook";
    o.page_id = "page-1";
    o.target_id = "c1";
    o.text = m.reply->text;
    o.actor = "ann";
    o.created_at_ms = 2000;
    m.outbox = o;
    m.event.at_ms = 2000;
    m.event.actor = "ann";
    m.event.kind = "item.reply";
    m.event.details = R"({"to_state":"replied"})";
    return m;
  });
  INFO(replied.status().ToString());
  REQUIRE(replied.ok());
  CHECK(replied->state == S::kReplied);

  auto view = items.Get(item.id);
  REQUIRE(view.ok());
  CHECK(view->item.id == item.id);
  CHECK(view->item.state == S::kReplied);
  CHECK(view->item.urgent_reasons == std::vector<std::string>{"legal_threat", "self_harm"});
  CHECK(view->item.first_response_at_ms == 2000);
  CHECK(view->comment.external_id == "c1");
  CHECK(view->comment.parent_id == "post-comment");
  REQUIRE(view->replies.size() == 1);
  CHECK(view->replies[0].text == "Sorry \xE2\x80\x94 we are on it");
  CHECK(view->replies[0].guard_overridden);
  CHECK(view->replies[0].override_reason == "names a ward, approved");
  REQUIRE(view->outbox.size() == 1);
  CHECK(view->outbox[0].reply_id == view->replies[0].id);  // the outbox entry points at its reply
  CHECK(view->outbox[0].item_id == item.id);
  CHECK(view->outbox[0].comment_id == item.comment_id);
  CHECK(view->outbox[0].state == "queued");

  auto detail = items.GetDetail(item.id);
  REQUIRE(detail.ok());
  REQUIRE(detail->parent.has_value());
  CHECK(detail->parent->external_id == "post-comment");
  REQUIRE(detail->thread_replies.size() == 2);
  CHECK(detail->thread_replies[0].external_id == "sibling");  // by created time
  CHECK(detail->thread_replies[1].external_id == "answer");
  REQUIRE(detail->author_history.size() == 3);  // fan-1's other comments, newest first
  CHECK(detail->author_history.back().comment.external_id == "older");
  CHECK(detail->author_history.back().item_state.empty());
  REQUIRE(detail->events.size() == 1);
  CHECK(detail->events[0].kind == "item.reply");
  CHECK(detail->events[0].item_id == item.id);
  CHECK(detail->events[0].comment_id == item.comment_id);
  CheckChain(seed.conn(), 1);
}

TEST_CASE("a queue page carries each item's own replies and outbox entries, past one IN-list chunk", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  Seed(seed);  // 90 items: more than one chunk of the page's batched reads
  store::ItemStore items(testing::InstancePool(db));
  store::QueueFilter whole;
  whole.limit = 200;
  auto all = items.List(whole);
  REQUIRE(all.ok());
  REQUIRE(all->items.size() == 90);
  for (const auto& v : all->items) {
    const std::int64_t id = v.item.id;
    for (std::int64_t n = 0; n < id % 3; ++n) {  // 0, 1 or 2 replies, each with its outbox entry
      auto r = items.Update(id, [&](const model::Item& current) -> core::Result<store::Mutation> {
        store::Mutation m;
        m.item = current;
        m.reply = store::ReplyRow{0, "ann", "reply " + std::to_string(n) + " to " + std::to_string(id), "", "", 10, false};
        store::OutboxRow o;
        o.kind = "reply";
        o.platform = current.platform;
        o.target_id = "t" + std::to_string(id);
        o.text = m.reply->text;
        o.created_at_ms = 10;
        m.outbox = o;
        m.event.at_ms = 10;
        m.event.actor = "ann";
        m.event.kind = "item.reply";
        return m;
      });
      REQUIRE(r.ok());
    }
  }
  auto page = items.List(whole);
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 90);
  for (const auto& v : page->items) {
    auto one = items.Get(v.item.id);  // read item by item, as before
    REQUIRE(one.ok());
    INFO("item " << v.item.id);
    REQUIRE(v.replies.size() == static_cast<std::size_t>(v.item.id % 3));
    REQUIRE(v.outbox.size() == v.replies.size());
    for (std::size_t k = 0; k < v.replies.size(); ++k) {
      CHECK(v.replies[k].id == one->replies[k].id);
      CHECK(v.replies[k].text == "reply " + std::to_string(k) + " to " + std::to_string(v.item.id));
      CHECK(v.outbox[k].id == one->outbox[k].id);
      CHECK(v.outbox[k].comment_id == v.item.comment_id);
      CHECK(v.outbox[k].reply_id == v.replies[k].id);
    }
  }
}

// An update writes the item and its new reply in one transaction; a read
// takes several statements (the item, then what is around it). Each read
// must see the update whole: the writer counts its replies in the item's
// first_response_at_ms, so a read torn between two commits shows a count
// that disagrees with the replies beside it.
TEST_CASE("reads see an item and its replies from one moment while updates commit", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  const model::Item item = seed.Item(NewItem(1000), "c1");
  store::ItemStore items(testing::InstancePool(db));
  std::atomic<bool> done{false};
  std::atomic<int> write_failures{0};
  std::thread writer([&] {
    for (int n = 1; n <= 300; ++n) {
      auto r = items.Update(item.id, [n](const model::Item& current) -> core::Result<store::Mutation> {
        store::Mutation m;
        m.item = current;
        m.item.first_response_at_ms = n;
        m.reply = store::ReplyRow{0, "ann", "reply " + std::to_string(n), "", "", n, false};
        m.event.at_ms = n;
        m.event.actor = "ann";
        m.event.kind = "item.reply";
        return m;
      });
      if (!r.ok()) ++write_failures;
    }
    done = true;
  });
  int reads = 0, torn = 0, failed = 0;
  store::QueueFilter whole;
  while (!done) {
    auto one = items.Get(item.id);
    auto detail = items.GetDetail(item.id);
    auto page = items.List(whole);
    reads += 3;
    if (!one.ok() || !detail.ok() || !page.ok() || page->items.size() != 1) {
      ++failed;
      continue;
    }
    for (const store::ItemView* v : {&*one, &detail->view, &page->items[0]}) {
      if (static_cast<std::int64_t>(v->replies.size()) != v->item.first_response_at_ms) ++torn;
    }
    if (detail->events.size() != detail->view.replies.size()) ++torn;
  }
  writer.join();
  INFO(reads << " reads");
  CHECK(write_failures == 0);
  CHECK(failed == 0);
  CHECK(torn == 0);
  auto last = items.Get(item.id);
  REQUIRE(last.ok());
  CHECK(last->replies.size() == 300);
  CHECK(last->item.first_response_at_ms == 300);
}

TEST_CASE("an update that is refused or fails writes nothing", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  model::Item item = seed.Item(NewItem(1000), "c1");
  store::ItemStore items(testing::InstancePool(db));

  CHECK(items.Update(item.id + 1, ClaimBy("ann", 1)).status().code() == core::Code::kNotFound);
  auto refused = items.Update(item.id, [](const model::Item&) -> core::Result<store::Mutation> {
    return core::InvalidArgument("no such action");
  });
  CHECK(refused.status().code() == core::Code::kInvalidArgument);

  // A settled outbox result refuses the whole mutation: the item stays new.
  auto settled = items.Update(item.id, [](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.item.state = S::kClaimed;
    m.reply = store::ReplyRow{0, "ann", "text", "", "", 5, false};
    m.outbox_result = store::OutboxResult{12345, "sent", "p1", "", 0, false, 5};
    m.event.kind = "item.reply";
    return m;
  });
  CHECK(settled.status().code() == core::Code::kConflict);
  auto retry = items.Update(item.id, [](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.outbox_retry = 777;
    m.event.kind = "item.retry";
    return m;
  });
  CHECK(retry.status().code() == core::Code::kConflict);

  CHECK(items.Get(item.id)->item.state == S::kNew);
  CHECK(seed.Count("SELECT count(*) FROM replies") == 0);
  CHECK(seed.Count("SELECT count(*) FROM events") == 0);
}

TEST_CASE("leases, stats, flagged counts and recorded events", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  model::Item a = seed.Item(NewItem(1000, "billing"), "a");
  model::Item b = seed.Item(NewItem(2000, "billing"), "b");
  model::Item urgent = NewItem(3000, "safety");
  urgent.severity = model::Severity::kUrgent;
  urgent.urgent_reasons = {"self_harm"};
  urgent = seed.Item(urgent, "c");
  model::Item done = NewItem(500, "wait_time");
  done.state = S::kResolved;
  done = seed.Item(done, "d");

  store::ItemStore items(testing::InstancePool(db));
  REQUIRE(items.Update(a.id, ClaimBy("ann", 10'000)).ok());   // lease to 70,000
  REQUIRE(items.Update(b.id, ClaimBy("bob", 20'000)).ok());   // lease to 80,000
  CHECK(items.Update(a.id, ClaimBy("bob", 10'001)).status().code() == core::Code::kConflict);

  CHECK(items.ExpiredLeases(69'999).value().empty());
  CHECK(items.ExpiredLeases(70'000).value() == std::vector<std::int64_t>{a.id});
  CHECK(items.ExpiredLeases(90'000).value().size() == 2);

  auto stats = items.Stats();
  REQUIRE(stats.ok());
  std::set<std::tuple<std::string, std::string, std::int64_t>> depth(stats->depth.begin(), stats->depth.end());
  CHECK(depth == std::set<std::tuple<std::string, std::string, std::int64_t>>{
                     {"claimed", "normal", 2}, {"new", "urgent", 1}});
  CHECK(stats->oldest_open_posted_at_ms == 1000);  // the resolved one is not open

  auto flagged = items.FlaggedByCategory(1000, 3000);
  REQUIRE(flagged.ok());
  CHECK(*flagged == std::map<std::string, std::int64_t>{{"billing", 2}});
  CHECK(items.FlaggedByCategory(0, 10'000)->size() == 3);

  model::Event e;
  e.at_ms = 30'000;
  e.actor = "admin";
  e.kind = "rules.reload";
  e.details = R"({"version":"abc"})";
  REQUIRE(items.Record(e).ok());
  CheckChain(seed.conn(), 3);
}

TEST_CASE("audit events filter by item, actor, kind prefix, time and cursor", "[store]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  model::Item a = seed.Item(NewItem(1000), "a");
  store::ItemStore items(testing::InstancePool(db));
  REQUIRE(items.Update(a.id, ClaimBy("ann", 100)).ok());
  const char* kinds[] = {"user.signin", "rules.reload", "user.signout", "item.note"};
  for (int i = 0; i < 4; ++i) {
    model::Event e;
    e.at_ms = 200 + i * 100;
    e.actor = i % 2 ? "admin" : "bob";
    e.kind = kinds[i];
    REQUIRE(items.Record(e).ok());
  }
  using F = store::ItemStore::EventFilter;
  auto ids = [&items](const F& f) {
    auto events = items.Events(f);
    INFO(events.status().ToString());
    REQUIRE(events.ok());
    std::vector<std::int64_t> out;
    for (const auto& e : *events) out.push_back(e.id);
    return out;
  };
  const struct {
    F filter;
    std::vector<std::int64_t> expected;
  } cases[] = {
      {F{}, {5, 4, 3, 2, 1}},
      {F{a.id, "", "", 0, 0, 100, 0}, {1}},
      {F{0, "bob", "", 0, 0, 100, 0}, {4, 2}},
      {F{0, "", "user.*", 0, 0, 100, 0}, {4, 2}},
      {F{0, "", "user.signin", 0, 0, 100, 0}, {2}},
      {F{0, "", "user", 0, 0, 100, 0}, {}},
      {F{0, "", "", 300, 500, 100, 0}, {4, 3}},
      {F{0, "", "", 0, 0, 2, 0}, {5, 4}},
      {F{0, "", "", 0, 0, 2, 4}, {3, 2}},
      {F{0, "", "*", 0, 0, 100, 0}, {5, 4, 3, 2, 1}},
  };
  for (const auto& c : cases) {
    INFO("kind '" << c.filter.kind << "' actor '" << c.filter.actor << "' before " << c.filter.before_id);
    CHECK(ids(c.filter) == c.expected);
  }
}
