#include "store/delivery_writer.h"

#include <catch2/catch.hpp>
#include <thread>

#include "fakes/fake_clock.h"
#include "store/comment_reader.h"
#include "test_util.h"

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

struct Fixture {
  testing::TempDir dir;
  testing::FakeClock clock;
  std::string path = dir.File("t.db");
  std::unique_ptr<store::DeliveryWriter> writer;
  Fixture() {
    auto w = store::DeliveryWriter::Open(path, clock);
    REQUIRE(w.ok());
    writer = std::move(w).value();
  }
  store::CommentRow Find(const std::string& id) {
    auto reader = store::CommentReader::Open(path);
    REQUIRE(reader.ok());
    auto row = reader.value()->Find("facebook", id);
    REQUIRE(row.ok());
    return row.value();
  }
  std::int64_t Count() {
    auto reader = store::CommentReader::Open(path);
    REQUIRE(reader.ok());
    return reader.value()->CountComments().value();
  }
};

}  // namespace

TEST_CASE("a delivery's comments are committed before Write returns", "[store]") {
  Fixture f;
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
  SQLite::Database db(f.path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT body FROM deliveries").getString() == "raw-bytes");
}

TEST_CASE("a retried delivery changes nothing", "[store]") {
  Fixture f;
  auto first = f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "hello")}));
  auto again = f.writer->Write(Delivery({Write("c1", CommentAction::kCreate, "hello")}));
  REQUIRE(first.ok());
  REQUIRE(again.ok());
  CHECK(again->created == 0);
  CHECK(again->unchanged == 1);
  CHECK(f.Count() == 1);
}

TEST_CASE("an edit keeps the earlier text in history and a repeated edit is a no-op", "[store]") {
  Fixture f;
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

TEST_CASE("removal withdraws and hide toggles but withdrawn stays withdrawn", "[store]") {
  Fixture f;
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

TEST_CASE("out of order: an edit or removal before its add", "[store]") {
  Fixture f;
  REQUIRE(f.writer->Write(Delivery({Write("e1", CommentAction::kEdit, "edited first")})).ok());
  auto add = f.writer->Write(Delivery({Write("e1", CommentAction::kCreate, "original")}));
  CHECK(add->unchanged == 1);
  CHECK(f.Find("e1").text == "edited first");  // the later text wins
  REQUIRE(f.writer->Write(Delivery({Write("r1", CommentAction::kRemove, "")})).ok());
  auto add2 = f.writer->Write(Delivery({Write("r1", CommentAction::kCreate, "too late", true)}));
  CHECK(add2->flagged == 0);
  CHECK(f.Find("r1").state == "withdrawn");
}

TEST_CASE("concurrent writers are group-committed and nothing is lost", "[store]") {
  Fixture f;
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

TEST_CASE("writes after shutdown are refused and not lost silently", "[store]") {
  Fixture f;
  f.writer->Shutdown();
  auto out = f.writer->Write(Delivery({Write("late", CommentAction::kCreate, "x")}));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().code() == core::Code::kUnavailable);
}
