#include "store/delivery_writer.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "fakes/fake_clock.h"
#include "store/comment_reader.h"
#include "store/event_log.h"
#include "store/item_store.h"
#include "store/outbox_store.h"
#include "store/sql/open.h"
#include "sql/seed.h"

using namespace turnaround;
using model::CommentAction;

namespace {

ingest::CommentWrite Write(const std::string& id, CommentAction action, const std::string& text,
                           bool complaint = false) {
  ingest::CommentWrite w;
  w.comment.platform = "facebook";
  w.comment.external_id = id;
  w.comment.author_id = "a1";
  w.comment.author_name = "Ann";
  w.comment.text = text;
  w.comment.action = action;
  if (action == CommentAction::kCreate || action == CommentAction::kEdit) {
    model::Verdict v;
    v.is_complaint = complaint;
    v.category = complaint ? "wait_time" : "other";
    v.severity = complaint ? model::Severity::kNormal : model::Severity::kLow;
    v.rules_version = "test";
    w.verdict = v;
  }
  return w;
}

ingest::DeliveryRecord Delivery(std::vector<ingest::CommentWrite> writes, const std::string& body = "{}") {
  ingest::DeliveryRecord r;
  r.endpoint = "meta";
  r.accepted = true;
  r.body = body;
  r.writes = std::move(writes);
  return r;
}

// A writer on `db` (either engine), and a connection and a reader to read back what it stored.
struct Fixture {
  testing::FakeClock clock;
  std::unique_ptr<store::DeliveryWriter> writer;
  std::unique_ptr<store::sql::Connection> conn;
  std::unique_ptr<store::CommentReader> reader;
  explicit Fixture(const testing::ScratchDb& db, store::DeliveryWriter::Options options = {}) {
    auto w = store::DeliveryWriter::OpenUrl(db.url(), clock, std::move(options));
    INFO(w.status().ToString());
    REQUIRE(w.ok());
    writer = std::move(w).value();
    auto c = store::sql::OpenConnection(db.url());
    REQUIRE(c.ok());
    conn = std::move(c).value();
    auto r = store::CommentReader::OpenUrl(db.url());
    REQUIRE(r.ok());
    reader = std::move(r).value();
  }
  store::CommentRow Find(const std::string& id) {
    auto row = reader->Find("facebook", id);
    INFO(row.status().ToString());
    REQUIRE(row.ok());
    return row.value();
  }
  std::int64_t Count(const std::string& sql) {
    auto row = conn->QueryRow(sql);
    INFO(row.status().ToString());
    REQUIRE(row.ok());
    return (*row)->Int(0);
  }
  std::int64_t Count() { return reader->CountComments().value(); }
};

}  // namespace

TEST_CASE("a delivery's comments are committed before Write returns", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  auto out = f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "still waiting", true)}, "raw-bytes"));
  REQUIRE(out.ok());
  CHECK(out->created == 1);
  CHECK(out->flagged == 1);
  store::CommentRow row = f.Find("c1");
  CHECK(row.text == "still waiting");
  CHECK(row.state == "visible");
  CHECK_THAT(row.verdict_json, Catch::Contains("\"is_complaint\":true"));
  CHECK(row.rules_version == "test");
  CHECK(row.received_at_ms == f.clock.NowMs());
  auto body = f.conn->QueryRow("SELECT body FROM deliveries");
  REQUIRE(body.ok());
  CHECK((*body)->Text(0) == "raw-bytes");
}

TEST_CASE("a retried delivery changes nothing", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  auto first = f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "hello")}));
  auto again = f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "hello")}));
  REQUIRE(first.ok());
  REQUIRE(again.ok());
  CHECK(again->created == 0);
  CHECK(again->unchanged == 1);
  CHECK(f.Count() == 1);
}

TEST_CASE("an edit keeps the earlier text in history and a repeated edit is a no-op", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "v1")})).ok());
  f.clock.Advance(1000);
  auto edit = f.writer->Write(Delivery({Write("c1", CommentAction::kEdit, "v2", true)}));
  REQUIRE(edit.ok());
  CHECK(edit->changed == 1);
  CHECK(edit->flagged == 1);
  auto same = f.writer->Write(Delivery({Write("c1", CommentAction::kEdit, "v2", true)}));
  CHECK(same->unchanged == 1);
  store::CommentRow row = f.Find("c1");
  CHECK(row.text == "v2");
  REQUIRE(row.history.size() == 1);
  CHECK(row.history[0].action == "edit");
  CHECK(row.history[0].old_text == "v1");
  CHECK_THAT(row.verdict_json, Catch::Contains("\"is_complaint\":true"));
}

TEST_CASE("removal withdraws and hide toggles but withdrawn stays withdrawn", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "x")})).ok());
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kHide, "")})).ok());
  CHECK(f.Find("c1").state == "hidden");
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kUnhide, "")})).ok());
  CHECK(f.Find("c1").state == "visible");
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kRemove, "")})).ok());
  CHECK(f.Find("c1").state == "withdrawn");
  auto late_hide = f.writer->Write(Delivery({Write("c1", CommentAction::kUnhide, "")}));
  CHECK(late_hide->unchanged == 1);
  store::CommentRow row = f.Find("c1");
  CHECK(row.state == "withdrawn");
  CHECK(row.text == "x");
  CHECK(row.history.size() == 3);
}

TEST_CASE("out of order: an edit or removal before its add", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  REQUIRE(f.writer->Write(Delivery({Write("e1", CommentAction::kEdit, "edited first")})).ok());
  auto add = f.writer->Write(Delivery({Write("e1", CommentAction::kCreate, "original")}));
  CHECK(add->unchanged == 1);
  CHECK(f.Find("e1").text == "edited first");  // the later text wins
  REQUIRE(f.writer->Write(Delivery({Write("r1", CommentAction::kRemove, "")})).ok());
  auto add2 = f.writer->Write(Delivery({Write("r1", CommentAction::kCreate, "too late", true)}));
  CHECK(add2->flagged == 0);
  CHECK(f.Find("r1").state == "withdrawn");
}

TEST_CASE("concurrent writers are group-committed and nothing is lost", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  constexpr int kThreads = 8, kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
        // Every comment is sent twice, as Meta's retries would.
        if (f.writer->Write(Delivery({Write(id, CommentAction::kCreate, "x")})).ok()) ++ok;
        if (f.writer->Write(Delivery({Write(id, CommentAction::kCreate, "x")})).ok()) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == 2 * kThreads * kPerThread);
  CHECK(f.Count() == kThreads * kPerThread);
  CHECK(f.writer->commits() <= static_cast<std::uint64_t>(2 * kThreads * kPerThread));
}

TEST_CASE("a lone sender's deliveries never wait for the group commit window", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  store::DeliveryWriter::Options options;
  options.commit_window = std::chrono::seconds(10);
  Fixture f(db, options);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) {
    REQUIRE(f.writer->Write(Delivery({Write("lone" + std::to_string(i), CommentAction::kCreate, "x")})).ok());
  }
  // One delivery at a time: each batch holds one, so none waits (waiting would take 40 s).
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(f.writer->commits() == 5);
}

TEST_CASE("deliveries arriving together are committed at most once per window", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  store::DeliveryWriter::Options options;
  options.commit_window = std::chrono::milliseconds(50);
  Fixture f(db, options);
  constexpr int kThreads = 8, kPerThread = 5;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        if (f.writer->Write(Delivery({Write("w" + std::to_string(t) + "-" + std::to_string(i),
                                            CommentAction::kCreate, "x")})).ok()) {
          ++ok;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(ok == kThreads * kPerThread);
  CHECK(f.Count() == kThreads * kPerThread);
  // Eight writers at once fill batches of more than one, and the commit after such a batch
  // starts a window after it began: at least one window passed (without the wait the forty
  // deliveries take a few commits of a few ms each).
  CHECK(elapsed >= std::chrono::milliseconds(50));
  CHECK(f.writer->commits() < static_cast<std::uint64_t>(kThreads * kPerThread));
  CHECK(f.writer->stats().max_batch > 1);
}

TEST_CASE("writes after shutdown are refused and not lost silently", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  f.writer->Shutdown();
  auto out = f.writer->Write(Delivery({Write("late", CommentAction::kCreate, "x")}));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == core::Code::kUnavailable);
}

namespace {

// An outbox entry for a reply by "ann" to `target`, being sent on Facebook.
store::OutboxRow SendingReply(std::int64_t comment_id, const std::string& target, const std::string& text) {
  store::OutboxRow entry;
  entry.comment_id = comment_id;
  entry.kind = "reply";
  entry.platform = "facebook";
  entry.target_id = target;
  entry.text = text;
  entry.actor = "ann";
  entry.state = "sending";
  return entry;
}

}  // namespace

TEST_CASE("our reply coming back by webhook is matched to its outbox entry, not queued", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  // by_id: the send returned the platform's id; by_text: the echo came first.
  const std::string posted_as = GENERATE(std::string("by_id"), std::string("by_text"));
  INFO(posted_as);
  REQUIRE(f.writer->Write(Delivery({Write("parent", CommentAction::kCreate, "still waiting", true)})).ok());
  const store::OutboxRow entry = SendingReply(f.Find("parent").id, "parent", "We are sorry, we will call you.");
  auto entry_id = store::InsertOutbox(*f.conn, entry);
  REQUIRE(entry_id.ok());
  if (posted_as == "by_id") {
    REQUIRE(f.conn->Exec("UPDATE outbox SET platform_id='echo-1', state='sent', text='other' WHERE id=?", {*entry_id})
                .ok());
  }

  ingest::CommentWrite echo = Write("echo-1", CommentAction::kCreate, entry.text, true);
  echo.comment.parent_id = "parent";
  auto out = f.writer->Write(Delivery({echo}));
  REQUIRE(out.ok());
  CHECK(out->created == 1);
  CHECK(out->flagged == 0);
  CHECK(f.Find("echo-1").is_ours);
  auto settled = f.conn->QueryRow("SELECT echo_comment_id, platform_id, state FROM outbox WHERE id=?", {*entry_id});
  REQUIRE(settled.ok());
  CHECK((*settled)->Int(0) == f.Find("echo-1").id);
  CHECK((*settled)->Text(1) == "echo-1");
  CHECK((*settled)->Text(2) == "sent");
  CHECK(f.Count("SELECT count(*) FROM items") == 1);  // the parent's only
}

TEST_CASE("an echo settles the entry with its platform id first, else the oldest same-text entry", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  REQUIRE(f.writer->Write(Delivery({Write("parent", CommentAction::kCreate, "still waiting", true)})).ok());
  auto add = [&](const std::string& platform_id) {
    auto id = store::InsertOutbox(*f.conn, SendingReply(f.Find("parent").id, "parent", "Sorry, we will call you."));
    REQUIRE(id.ok());
    if (!platform_id.empty()) {
      REQUIRE(f.conn->Exec("UPDATE outbox SET platform_id=?, state='sent' WHERE id=?", {platform_id, *id}).ok());
    }
    return *id;
  };
  const std::int64_t older_text = add("");
  const std::int64_t newer_text = add("");
  const std::int64_t by_id = add("echo-b");  // newest, but its id is known
  auto echo_of = [&](std::int64_t entry) {
    auto row = f.conn->QueryRow("SELECT echo_comment_id FROM outbox WHERE id=?", {entry});
    REQUIRE(row.ok());
    return (*row)->Int(0);
  };
  auto arrive = [&](const std::string& external_id) {
    ingest::CommentWrite echo = Write(external_id, CommentAction::kCreate, "Sorry, we will call you.", true);
    echo.comment.parent_id = "parent";
    REQUIRE(f.writer->Write(Delivery({echo})).ok());
    CHECK(f.Find(external_id).is_ours);
  };
  arrive("echo-b");
  CHECK(echo_of(by_id) == f.Find("echo-b").id);
  CHECK(echo_of(older_text) == 0);
  arrive("echo-a");
  CHECK(echo_of(older_text) == f.Find("echo-a").id);
  CHECK(echo_of(newer_text) == 0);
  arrive("echo-c");
  CHECK(echo_of(newer_text) == f.Find("echo-c").id);
  CHECK(f.Count("SELECT count(*) FROM items") == 1);  // the parent's only
}

TEST_CASE("a delivery that fails is rolled back alone and the audit chain stays whole", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  // Any comment 'bad-*' is refused by the database itself.
  const char* refuse =
      db.engine() == testing::Engine::kSqlite
          ? "CREATE TRIGGER refuse_bad BEFORE INSERT ON comments WHEN NEW.external_id LIKE 'bad-%' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
          : "ALTER TABLE comments ADD CONSTRAINT refuse_bad CHECK (external_id NOT LIKE 'bad-%')";
  REQUIRE(f.conn->ExecScript(refuse).ok());
  constexpr int kThreads = 8, kPerThread = 20;
  std::atomic<int> good_ok{0}, bad_failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        // Every fourth delivery fails, in the middle of others' batches.
        const bool bad = i % 4 == 1;
        const std::string id = (bad ? "bad-" : "ok-") + std::to_string(t) + "-" + std::to_string(i);
        auto out = f.writer->Write(Delivery({Write(id, CommentAction::kCreate, "still waiting", true)}));
        if (bad && !out.ok()) ++bad_failed;
        if (!bad && out.ok()) ++good_ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(bad_failed == kThreads * kPerThread / 4);
  CHECK(good_ok == kThreads * kPerThread * 3 / 4);
  CHECK(f.Count() == kThreads * kPerThread * 3 / 4);
  CHECK(f.Count("SELECT count(*) FROM deliveries") == kThreads * kPerThread * 3 / 4);
  CHECK(f.Count("SELECT count(*) FROM items") == kThreads * kPerThread * 3 / 4);
  auto chain = store::VerifyChain(*f.conn);
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
  // delivery.accepted, comment.classified, item.created for each stored delivery.
  CHECK(chain->events == 3 * kThreads * kPerThread * 3 / 4);
}

TEST_CASE("two writers on one database (two instances) store each comment once in one audit chain",
          "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  auto second = store::DeliveryWriter::OpenUrl(db.url(), f.clock, {});
  REQUIRE(second.ok());
  store::DeliveryWriter* writers[] = {f.writer.get(), second->get()};
  constexpr int kThreads = 8, kComments = 100;
  std::atomic<int> ok{0}, created{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Threads t and t + kThreads/2 deliver the same comments, each to its
      // own instance, as a platform's retry may.
      constexpr int kHalf = kThreads / 2;
      for (int i = t % kHalf; i < kComments; i += kHalf) {
        auto out = writers[t / kHalf]->Write(
            Delivery({Write("c" + std::to_string(i), CommentAction::kCreate, "still waiting", true)}));
        if (!out.ok()) continue;
        ++ok;
        created += out->created;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == 2 * kComments);
  CHECK(created == kComments);
  CHECK(f.Count() == kComments);
  CHECK(f.Count("SELECT count(*) FROM items") == kComments);
  auto chain = store::VerifyChain(*f.conn);
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
}

TEST_CASE("edits through the writer and agents' updates of the same item never deadlock", "[store][writer]") {
  TA_ON_EACH_ENGINE(db);
  Fixture f(db);
  REQUIRE(f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "still waiting", true)})).ok());
  auto item_id = f.conn->QueryRow("SELECT id FROM items");
  REQUIRE(item_id.ok());
  store::ItemStore items(testing::InstancePool(db));
  constexpr int kRounds = 40;
  std::atomic<int> edits_ok{0}, updates_ok{0};
  // The writer locks the audit chain, then the item row (an edit reclassifies
  // it); an update must take them in the same order.
  std::thread writer([&] {
    for (int i = 0; i < kRounds; ++i) {
      auto out = f.writer->Write(
          Delivery({Write("c1", CommentAction::kEdit, "still waiting " + std::to_string(i), true)}));
      if (out.ok()) ++edits_ok;
    }
  });
  std::thread agent([&] {
    for (int i = 0; i < kRounds; ++i) {
      auto r = items.Update((*item_id)->Int(0), [i](const model::Item& current) -> core::Result<store::Mutation> {
        store::Mutation m;
        m.item = current;
        m.event.at_ms = i;
        m.event.actor = "ann";
        m.event.kind = "item.note";
        return m;
      });
      if (r.ok()) ++updates_ok;
    }
  });
  writer.join();
  agent.join();
  CHECK(edits_ok == kRounds);
  CHECK(updates_ok == kRounds);
  auto chain = store::VerifyChain(*f.conn);
  REQUIRE(chain.ok());
  CHECK(chain->first_broken_id == 0);
}
