// 32 agents claim the same item at the same moment, half of them through
// a second instance (its own pool): exactly one wins, on either engine. A
// lost race shows only some of the time, so several items are raced for.
#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fakes/fake_clock.h"
#include "queue/queue_service.h"
#include "store/sql/seed.h"

using namespace turnaround;

namespace {

struct Outcome {
  int won = 0, conflicts = 0, other = 0;
  std::string first_error;
};

Outcome Race(queue::QueueService& a, queue::QueueService& b, std::int64_t id, int threads) {
  std::atomic<int> ready{0}, won{0}, conflicts{0}, other{0};
  std::mutex mu;
  std::string first_error;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {  // no Catch2 assertions off the main thread
      ++ready;
      while (ready.load() < threads) std::this_thread::yield();  // start together
      queue::QueueService& queue = t % 2 ? b : a;
      auto r = queue.Claim(id, {"agent" + std::to_string(t), model::Role::kAgent});
      if (r.ok()) {
        ++won;
      } else if (r.status().code() == core::Code::kConflict) {
        ++conflicts;
      } else {
        ++other;
        std::lock_guard<std::mutex> lock(mu);
        if (first_error.empty()) first_error = r.status().ToString();
      }
    });
  }
  for (auto& th : pool) th.join();
  return {won.load(), conflicts.load(), other.load(), first_error};
}

}  // namespace

TEST_CASE("32 threads claiming one item through two instances have exactly one winner", "[queue]") {
  TA_ON_EACH_ENGINE(db);
  testing::FakeClock clock;
  constexpr int kItems = 4;
  std::vector<std::int64_t> ids;
  {
    testing::Seeder seed(db);
    for (int i = 0; i < kItems; ++i) {
      model::Item item;
      item.platform = "yelp";
      item.received_at_ms = item.created_at_ms = item.posted_at_ms = clock.NowMs();
      item.due_at_ms = item.received_at_ms + 3600'000;
      ids.push_back(seed.Item(item, "r" + std::to_string(i)).id);
    }
  }
  auto templates = replies::TemplateSet::Load(testing::SourcePath("templates"));
  REQUIRE(templates.ok());
  auto shared_templates = std::make_shared<const replies::TemplateSet>(std::move(templates).value());
  // Two instances: each its own pool, store and queue service.
  store::ItemStore items_a(testing::InstancePool(db)), items_b(testing::InstancePool(db));
  queue::QueueService queue_a(items_a, shared_templates, clock, {});
  queue::QueueService queue_b(items_b, shared_templates, clock, {});
  auto page = items_b.List({});
  REQUIRE(page.ok());
  REQUIRE(page->items.size() == kItems);

  constexpr int kThreads = 32;
  for (const std::int64_t id : ids) {
    INFO("item " << id);
    const Outcome o = Race(queue_a, queue_b, id, kThreads);
    INFO(o.first_error);
    CHECK(o.won == 1);
    CHECK(o.conflicts == kThreads - 1);
    CHECK(o.other == 0);
    auto events = items_a.Events({id, "", "item.claim", 0, 0, 100, 0});
    REQUIRE(events.ok());
    CHECK(events->size() == 1);
    auto claimed = items_a.Get(id);
    REQUIRE(claimed.ok());
    CHECK(claimed->item.state == model::ItemState::kClaimed);
  }
}
