// Prometheus metrics at GET /metrics (text exposition format 0.0.4).
//
// Counters that ingest already keeps are read at scrape time; request
// latency is measured here (a histogram per route family); queue depth and
// the oldest open item come from the store when scraped. Thread-safe.
#pragma once

#include <httplib.h>

#include <array>
#include <atomic>
#include <functional>
#include <string>

#include "core/clock.h"
#include "http/server.h"
#include "ingest/pipeline.h"
#include "reconcile/reconciler.h"
#include "store/item_store.h"

namespace turnaround::http {

// A fixed-bucket latency histogram; Observe() is lock-free.
class LatencyHistogram {
 public:
  static constexpr std::array<double, 11> kBucketsS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5};
  void Observe(double seconds);
  // Appends the _bucket/_sum/_count lines for `name{labels}`.
  void Render(const std::string& name, const std::string& labels, std::string* out) const;

 private:
  std::array<std::atomic<std::uint64_t>, kBucketsS.size() + 1> counts_{};  // last: +Inf
  std::atomic<std::uint64_t> sum_us_{0};
};

struct MetricsSources {
  const ingest::IngestPipeline& pipeline;
  store::ItemStore& items;
  std::function<std::string()> rules_version;
  const core::Clock& clock;
  std::string token;  // when set, scrapes need "Authorization: Bearer <token>"
  std::function<reconcile::Counters()> reconcile;  // empty: no reconciliation metrics
};

class Metrics {
 public:
  explicit Metrics(MetricsSources sources) : src_(std::move(sources)) {}

  // Observes request latency and serves GET /metrics. Call before Listen().
  void Install(HttpServer& http);

  // The exposition text (public for tests).
  std::string Render();

 private:
  static int Family(const std::string& path);  // 0 webhooks, 1 api, 2 page and other

  MetricsSources src_;
  LatencyHistogram latency_[3];
};

}  // namespace turnaround::http
