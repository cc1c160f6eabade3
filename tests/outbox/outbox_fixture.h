// OutboxFixture: a store on a temporary file, the queue service, a fake
// Graph API and an outbox sender wired like the server does, with a fake
// clock, for the outbox tests of queue/, store/ and outbox/.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "fakes/fake_clock.h"
#include "fakes/fake_graph_server.h"
#include "graph/http_graph_client.h"
#include "outbox/sender.h"
#include "queue/queue_service.h"
#include "store/delivery_writer.h"
#include "store/item_store.h"
#include "store/outbox_store.h"
#include "store/sql/open.h"
#include "test_util.h"

namespace turnaround::testing {

struct OutboxFixture {
  TempDir dir;
  FakeClock clock;
  FakeGraphServer fake;
  outbox::PageTokens tokens;
  std::unique_ptr<store::DeliveryWriter> writer;
  std::shared_ptr<store::sql::Pool> pool;
  std::unique_ptr<store::ItemStore> items;
  std::unique_ptr<store::OutboxStore> outbox;
  std::unique_ptr<queue::QueueService> queue;
  std::unique_ptr<graph::HttpGraphClient> client;
  std::unique_ptr<outbox::OutboxSender> sender;
  const queue::Actor agent{"ann", model::Role::kAgent};

  explicit OutboxFixture(bool auto_hide_spam = false, int timeout_s = 5, int max_attempts = 8) {
    tokens.Add("facebook", "page-1", "fb-token");
    tokens.Add("instagram", "ig-1", "ig-token");
    auto configured = [t = tokens](const std::string& platform, const std::string& page) {
      return t.Find(platform, page) != nullptr;
    };
    store::DeliveryWriter::Options wopts;
    wopts.auto_hide_spam = auto_hide_spam;
    wopts.page_configured = configured;
    auto w = store::DeliveryWriter::Open(dir.File("t.db"), clock, wopts);
    REQUIRE(w.ok());
    writer = std::move(w).value();
    auto p = store::sql::OpenPool("sqlite:" + dir.File("t.db"));
    REQUIRE(p.ok());
    pool = std::move(p).value();
    items = std::make_unique<store::ItemStore>(pool);
    outbox = std::make_unique<store::OutboxStore>(pool);
    auto templates = replies::TemplateSet::Load(SourcePath("templates"));
    REQUIRE(templates.ok());
    queue::QueueSettings qs;
    qs.page_configured = configured;
    queue = std::make_unique<queue::QueueService>(
        *items, std::make_shared<const replies::TemplateSet>(std::move(templates).value()), clock, qs);
    client = std::make_unique<graph::HttpGraphClient>(graph::GraphSettings{fake.base_url(), "v21.0", timeout_s});
    NewSender(max_attempts);
  }

  // A sender as a freshly started process would have (the old one is gone).
  outbox::OutboxSender& NewSender(int max_attempts = 8) {
    sender.reset();
    outbox::SenderSettings s;
    s.max_attempts = max_attempts;
    sender = std::make_unique<outbox::OutboxSender>(*outbox, *items, *client, tokens, clock, s);
    return *sender;
  }

  // Stores a comment through the writer (as a webhook would) and returns its
  // item id (0 when it was not queued).
  std::int64_t AddComment(const std::string& id, const std::string& text, const std::string& platform = "facebook",
                          const std::string& page = "page-1", bool spam = false, const std::string& parent = "",
                          const std::string& author = "fan-1") {
    ingest::CommentWrite w;
    w.comment.platform = platform;
    w.comment.external_id = id;
    w.comment.page_id = page;
    w.comment.parent_id = parent;
    w.comment.author_id = author;
    w.comment.text = text;
    w.comment.created_at_ms = clock.NowMs();
    w.comment.from_page = author == page;
    model::Verdict v;
    v.is_complaint = !spam;
    v.spam = spam;
    v.category = "wait_time";
    w.verdict = v;
    ingest::DeliveryRecord rec;
    rec.endpoint = "meta";
    rec.accepted = true;
    rec.writes.push_back(w);
    auto out = writer->Write(rec);
    REQUIRE(out.ok());
    return out->flagged ? ItemOf(id) : 0;
  }

  std::int64_t ItemOf(const std::string& external_id) {
    store::QueueFilter f;
    f.limit = 200;
    auto page = items->List(f);
    REQUIRE(page.ok());
    for (const auto& v : page->items) {
      if (v.comment.external_id == external_id) return v.item.id;
    }
    return 0;
  }

  store::ItemView View(std::int64_t item) {
    auto v = items->Get(item);
    REQUIRE(v.ok());
    return v.value();
  }

  // The item's latest outbox entry.
  store::OutboxRow Last(std::int64_t item) {
    auto v = View(item);
    REQUIRE_FALSE(v.outbox.empty());
    return v.outbox.back();
  }

  // Claims and replies as the agent; returns the item after the reply.
  model::Item Reply(std::int64_t item, const std::string& text) {
    REQUIRE(queue->Claim(item, agent).ok());
    queue::ReplyRequest r;
    r.text = text;
    auto done = queue->Reply(item, agent, r, nullptr);
    REQUIRE(done.ok());
    return done.value();
  }

  bool HasEvent(std::int64_t item, const std::string& kind) {
    store::ItemStore::EventFilter f;
    f.item_id = item;
    f.kind = kind;
    auto events = items->Events(f);
    REQUIRE(events.ok());
    return !events->empty();
  }
};

}  // namespace turnaround::testing
