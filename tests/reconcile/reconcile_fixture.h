// ReconcileFixture: a Reconciler over the real store (a fresh SQLite file),
// the shipped rules, the real HTTP Graph client and the fake Graph server.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "../classify/shipped_rules.h"
#include "fakes/fake_clock.h"
#include "fakes/fake_graph_server.h"
#include "graph/http_graph_client.h"
#include "reconcile/reconciler.h"
#include "store/comment_reader.h"
#include "store/delivery_writer.h"
#include "store/item_store.h"
#include "store/sql/open.h"
#include "test_util.h"

namespace turnaround::testing {

constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

struct ReconcileFixture {
  TempDir dir;
  FakeClock clock;
  FakeGraphServer fake;
  graph::HttpGraphClient client{graph::GraphSettings{fake.base_url(), "v21.0", 5}};
  classify::ClassifierHolder classifier{classify::testing::ShippedRules()};
  std::unique_ptr<store::DeliveryWriter> writer;
  std::shared_ptr<store::sql::Pool> pool;
  std::unique_ptr<store::ItemStore> items;
  reconcile::Settings settings;
  std::vector<graph::Target> pages{{"facebook", "1001", "", "page-token"}};

  ReconcileFixture() {
    fake.SetPageId("1001");
    auto w = store::DeliveryWriter::Open(db(), clock);
    REQUIRE(w.ok());
    writer = std::move(w).value();
    auto p = store::sql::OpenPool("sqlite:" + db());
    REQUIRE(p.ok());
    pool = std::move(p).value();
    items = std::make_unique<store::ItemStore>(pool);
  }

  std::string db() const { return dir.File("t.db"); }

  std::unique_ptr<reconcile::Reconciler> Make() {
    return std::make_unique<reconcile::Reconciler>(client, *writer, classifier, clock, pages, settings,
                                                   [this](const model::Event& e) { return items->Record(e); });
  }

  // A Graph time `ago_ms` before the fake clock's now.
  std::string Ago(std::int64_t ago_ms) const { return core::FormatRfc3339(clock.NowMs() - ago_ms); }

  core::Result<store::CommentRow> Find(const std::string& platform, const std::string& id) const {
    auto reader = store::CommentReader::Open(db());
    REQUIRE(reader.ok());
    return reader.value()->Find(platform, id);
  }
  std::int64_t CountComments() const {
    auto reader = store::CommentReader::Open(db());
    REQUIRE(reader.ok());
    auto n = reader.value()->CountComments();
    REQUIRE(n.ok());
    return n.value();
  }
  // External ids of the comments that have a queue item.
  std::vector<std::string> Queued() const {
    auto page = items->List(store::QueueFilter{});
    REQUIRE(page.ok());
    std::vector<std::string> ids;
    for (const auto& v : page->items) ids.push_back(v.comment.external_id);
    return ids;
  }
};

}  // namespace turnaround::testing
