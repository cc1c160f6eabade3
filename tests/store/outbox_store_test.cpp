// OutboxStore on both engines (tests/store/sql/engines.h): an entry's life,
// what a settled hide does to its comment, an agent's retry, and two
// instances taking the same entries. Then, on SQLite only (the delivery
// writer is not ported yet), the writer's side: our replies coming back by
// webhook, and hiding spam automatically.
#include "store/outbox_store.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "outbox/outbox_fixture.h"
#include "sql/seed.h"

using namespace turnaround;
using testing::OutboxFixture;

// ---- OutboxStore itself, on both engines (tests/store/sql/engines.h) ----

namespace {

using testing::Seeder;

// An entry acting on `item`'s comment, queued through the item's transaction
// as the queue service does.
store::OutboxRow Entry(const std::string& kind, std::int64_t next_attempt_at_ms = 0) {
  store::OutboxRow o;
  o.kind = kind;
  o.platform = "facebook";
  o.page_id = "page-1";
  o.target_id = "c1";
  o.text = kind == "reply" ? "Sorry for the wait" : "";
  o.actor = "ann";
  o.next_attempt_at_ms = next_attempt_at_ms;
  o.created_at_ms = 100;
  return o;
}

void Queue(store::ItemStore& items, std::int64_t item_id, const store::OutboxRow& entry) {
  auto r = items.Update(item_id, [&](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.outbox = entry;
    m.event.at_ms = 100;
    m.event.actor = "ann";
    m.event.kind = "item." + entry.kind;
    return m;
  });
  INFO(r.status().ToString());
  REQUIRE(r.ok());
}

model::Event Audit(const std::string& kind) {
  model::Event e;
  e.at_ms = 500;
  e.actor = "system";
  e.kind = kind;
  return e;
}

model::Item SeedItem(Seeder& seed) {
  model::Item item;
  item.received_at_ms = item.created_at_ms = item.posted_at_ms = 50;
  item.due_at_ms = 3600'050;
  return seed.Item(item, "c1");
}

}  // namespace

TEST_CASE("outbox entries go queued, sending, then settled once, on each engine", "[store][outbox]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  const model::Item item = SeedItem(seed);
  auto pool = testing::InstancePool(db);
  store::ItemStore items(pool);
  store::OutboxStore outbox(pool);

  CHECK_FALSE(outbox.NextAttemptAt().value().has_value());
  Queue(items, item.id, Entry("reply", 300));
  Queue(items, item.id, Entry("private_reply", 200));
  CHECK(outbox.NextAttemptAt().value() == std::optional<std::int64_t>(200));
  CHECK(outbox.Due(199, 10).value().empty());
  auto due = outbox.Due(300, 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 2);
  CHECK((*due)[0].kind == "private_reply");  // by next attempt time
  CHECK((*due)[1].kind == "reply");
  CHECK(outbox.Due(300, 1).value().size() == 1);
  const store::OutboxRow reply = (*due)[1];
  CHECK(reply.item_id == item.id);
  CHECK(reply.comment_id == item.comment_id);
  CHECK(reply.state == "queued");
  CHECK(reply.attempts == 0);
  CHECK(reply.text == "Sorry for the wait");

  REQUIRE(outbox.MarkSending(reply.id, 400).ok());
  CHECK(outbox.MarkSending(reply.id, 401).code() == core::Code::kConflict);
  CHECK(outbox.MarkSending(reply.id + 100, 401).code() == core::Code::kConflict);
  auto sending = outbox.Get(reply.id);
  REQUIRE(sending.ok());
  CHECK(sending->state == "sending");
  CHECK(sending->attempts == 1);
  CHECK(sending->sending_at_ms == 400);
  CHECK(outbox.InState("sending").value().size() == 1);
  CHECK(outbox.Due(1000, 10).value().size() == 1);  // only the private reply now
  CHECK(outbox.NextAttemptAt().value() == std::optional<std::int64_t>(200));

  // A transient failure puts it back, with the time of its next attempt.
  REQUIRE(outbox.Finish({reply.id, "queued", "", "HTTP 503", 900, true, 500}, Audit("outbox.retry")).ok());
  auto again = outbox.Get(reply.id).value();
  CHECK(again.state == "queued");
  CHECK(again.next_attempt_at_ms == 900);
  CHECK(again.verify_first);
  CHECK(again.error == "HTTP 503");
  REQUIRE(outbox.MarkSending(reply.id, 900).ok());
  REQUIRE(outbox.Finish({reply.id, "sent", "fb_99", "", 0, false, 950}, Audit("outbox.sent")).ok());
  auto sent = outbox.Get(reply.id).value();
  CHECK(sent.state == "sent");
  CHECK(sent.platform_id == "fb_99");
  CHECK(sent.attempts == 2);
  CHECK(sent.updated_at_ms == 950);
  // A late result changes nothing and records nothing.
  const std::int64_t events = seed.Count("SELECT count(*) FROM events");
  CHECK(outbox.Finish({reply.id, "failed", "", "late", 0, false, 990}, Audit("outbox.failed")).code() ==
        core::Code::kConflict);
  CHECK(outbox.Get(reply.id)->state == "sent");
  CHECK(seed.Count("SELECT count(*) FROM events") == events);
  CHECK(outbox.Get(reply.id + 100).status().code() == core::Code::kNotFound);
  CHECK(seed.Count("SELECT count(*) FROM events WHERE kind LIKE 'outbox.%'") == 2);
}

TEST_CASE("a sent hide or unhide sets what the comment shows, and a failed entry can be retried", "[store][outbox]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  const model::Item item = SeedItem(seed);
  auto pool = testing::InstancePool(db);
  store::ItemStore items(pool);
  store::OutboxStore outbox(pool);
  auto comment_state = [&]() {
    auto row = seed.conn().QueryRow("SELECT state FROM comments WHERE id=?", {item.comment_id});
    REQUIRE(row.ok());
    return (*row)->Text(0);
  };
  auto settle = [&](const std::string& kind, const std::string& state, const std::string& platform_id) {
    Queue(items, item.id, Entry(kind));
    const std::int64_t id = outbox.Due(1000, 10).value().front().id;
    REQUIRE(outbox.MarkSending(id, 200).ok());
    REQUIRE(outbox.Finish({id, state, platform_id, state == "failed" ? "gone" : "", 0, false, 300}, Audit("x")).ok());
    return id;
  };
  settle("hide", "failed", "");
  CHECK(comment_state() == "visible");
  settle("hide", "sent", "");
  CHECK(comment_state() == "hidden");
  const std::int64_t unhide = settle("unhide", "sent", "");
  CHECK(comment_state() == "visible");
  CHECK(outbox.Get(unhide)->platform_id.empty());  // an empty platform id keeps what was there
  REQUIRE(seed.conn().Exec("UPDATE comments SET state='withdrawn' WHERE id=?", {item.comment_id}).ok());
  settle("hide", "sent", "");
  CHECK(comment_state() == "withdrawn");  // a removed comment stays removed

  // An agent's retry of a failed delivery: failed -> queued, attempts reset.
  const std::int64_t failed = settle("reply", "failed", "");
  auto retry = [&](std::int64_t outbox_id) {
    return items.Update(item.id, [&](const model::Item& current) -> core::Result<store::Mutation> {
      store::Mutation m;
      m.item = current;
      m.outbox_retry = outbox_id;
      m.event.at_ms = 700;
      m.event.kind = "item.retry_delivery";
      return m;
    });
  };
  REQUIRE(retry(failed).ok());
  auto requeued = outbox.Get(failed).value();
  CHECK(requeued.state == "queued");
  CHECK(requeued.attempts == 0);
  CHECK(requeued.error.empty());
  CHECK(requeued.next_attempt_at_ms == 700);
  CHECK(retry(failed).status().code() == core::Code::kConflict);  // no longer failed
  CHECK(outbox.InState("sent").value().size() == 3);
  CHECK(outbox.InState("failed").value().size() == 1);
}

TEST_CASE("two instances taking the same outbox entries send each one once", "[store][outbox]") {
  TA_ON_EACH_ENGINE(db);
  Seeder seed(db);
  const model::Item item = SeedItem(seed);
  store::ItemStore items(testing::InstancePool(db));
  constexpr int kEntries = 20;
  for (int i = 0; i < kEntries; ++i) Queue(items, item.id, Entry("reply", i));
  store::OutboxStore a(testing::InstancePool(db)), b(testing::InstancePool(db));
  // Both instances saw the same due entries; each now tries to take them all.
  auto due = a.Due(1000, kEntries);
  REQUIRE(due.ok());
  REQUIRE(due->size() == kEntries);
  std::atomic<int> ready{0}, taken{0}, refused{0}, other{0};
  auto sender = [&](store::OutboxStore& outbox) {  // no Catch2 assertions off the main thread
    ++ready;
    while (ready.load() < 2) std::this_thread::yield();
    for (const auto& row : *due) {
      core::Status s = outbox.MarkSending(row.id, 100);
      if (s.ok()) {
        ++taken;
      } else if (s.code() == core::Code::kConflict) {
        ++refused;
      } else {
        ++other;
      }
    }
  };
  std::thread ta(sender, std::ref(a)), tb(sender, std::ref(b));
  ta.join();
  tb.join();
  CHECK(taken == kEntries);
  CHECK(refused == kEntries);
  CHECK(other == 0);
  CHECK(seed.Count("SELECT count(*) FROM outbox WHERE state='sending' AND attempts=1") == kEntries);
}

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
