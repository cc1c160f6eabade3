// 32 agents claim the same item at the same moment: exactly one wins.
#include <catch2/catch.hpp>
#include <thread>

#include "fakes/fake_clock.h"
#include "queue/queue_service.h"
#include "store/delivery_writer.h"
#include "test_util.h"

using namespace turnaround;

TEST_CASE("32 threads claiming one item have exactly one winner", "[queue]") {
  testing::TempDir dir;
  testing::FakeClock clock;
  const std::string path = dir.File("race.db");
  {
    auto writer = store::DeliveryWriter::Open(path, clock);
    REQUIRE(writer.ok());
    ingest::DeliveryRecord rec;
    rec.endpoint = "generic";
    rec.accepted = true;
    ingest::CommentWrite w;
    w.comment.platform = "yelp";
    w.comment.external_id = "r1";
    w.comment.text = "still waiting";
    model::Verdict v;
    v.is_complaint = true;
    v.severity = model::Severity::kNormal;
    w.verdict = v;
    rec.writes.push_back(w);
    auto out = writer.value()->Write(rec);
    REQUIRE(out.ok());
    REQUIRE(out->flagged == 1);
  }
  auto pool = store::ConnectionPool::Open(path);
  REQUIRE(pool.ok());
  store::ItemStore items(pool.value());
  auto templates = replies::TemplateSet::Load(testing::SourcePath("templates"));
  REQUIRE(templates.ok());
  queue::QueueService queue(items, std::make_shared<const replies::TemplateSet>(std::move(templates).value()),
                            clock, {});
  auto page = items.List({});
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == 1);
  const std::int64_t id = page->items[0].item.id;

  constexpr int kThreads = 32;
  std::atomic<int> ready{0}, won{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();  // start together
      auto r = queue.Claim(id, {"agent" + std::to_string(t), model::Role::kAgent});
      if (r.ok()) {
        ++won;
      } else if (r.status().code() == core::Code::kConflict) {
        ++conflicts;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(won == 1);
  CHECK(conflicts == kThreads - 1);
  CHECK(other == 0);
  auto events = items.Events({id, "", "item.claim", 0, 0, 100, 0});
  REQUIRE(events.ok());
  CHECK(events->size() == 1);
}
