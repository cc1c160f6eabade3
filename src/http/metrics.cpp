#include "http/metrics.h"

#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "http/errors.h"

namespace turnaround::http {
namespace {

std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Line(std::string* out, const std::string& name, const std::string& labels, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  *out += name;
  if (!labels.empty()) *out += "{" + labels + "}";
  *out += " ";
  *out += buf;
  *out += "\n";
}

void Help(std::string* out, const char* name, const char* type, const char* help) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void RenderReconcile(const reconcile::Counters& c, std::string* out) {
  Help(out, "turnaround_reconcile_runs_total", "counter", "Reconciliation passes over the configured pages.");
  Line(out, "turnaround_reconcile_runs_total", "", static_cast<double>(c.runs));
  Help(out, "turnaround_reconcile_comments_seen_total", "counter",
       "Comments read by the reconciliation poll (the page's own excluded).");
  Line(out, "turnaround_reconcile_comments_seen_total", "", static_cast<double>(c.seen));
  Help(out, "turnaround_reconcile_comments_recovered_total", "counter",
       "Comments the webhooks missed that the reconciliation poll stored.");
  Line(out, "turnaround_reconcile_comments_recovered_total", "", static_cast<double>(c.recovered));
  Help(out, "turnaround_reconcile_page_failures_total", "counter",
       "Page passes stopped: backoff (usage or transient), permanent (token, permission), store.");
  Line(out, "turnaround_reconcile_page_failures_total", "kind=\"backoff\"", static_cast<double>(c.backoffs));
  Line(out, "turnaround_reconcile_page_failures_total", "kind=\"permanent\"",
       static_cast<double>(c.permanent_failures));
  Line(out, "turnaround_reconcile_page_failures_total", "kind=\"store\"", static_cast<double>(c.store_failures));
  Help(out, "turnaround_reconcile_pages_waiting", "gauge", "Pages the poll skips now (backing off or blocked).");
  Line(out, "turnaround_reconcile_pages_waiting", "", c.pages_waiting);
  Help(out, "turnaround_reconcile_pages_blocked", "gauge",
       "Pages blocked by a permanent failure (expired token, missing permission).");
  Line(out, "turnaround_reconcile_pages_blocked", "", c.pages_blocked);
}

}  // namespace

void LatencyHistogram::Observe(double seconds) {
  size_t i = 0;
  while (i < kBucketsS.size() && seconds > kBucketsS[i]) ++i;
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_us_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void LatencyHistogram::Render(const std::string& name, const std::string& labels, std::string* out) const {
  std::uint64_t cumulative = 0;
  const std::string sep = labels.empty() ? "" : ",";
  for (size_t i = 0; i < kBucketsS.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    char le[32];
    std::snprintf(le, sizeof le, "%g", kBucketsS[i]);
    Line(out, name + "_bucket", labels + sep + "le=\"" + le + "\"", static_cast<double>(cumulative));
  }
  cumulative += counts_[kBucketsS.size()].load(std::memory_order_relaxed);
  Line(out, name + "_bucket", labels + sep + "le=\"+Inf\"", static_cast<double>(cumulative));
  Line(out, name + "_sum", labels, static_cast<double>(sum_us_.load()) / 1e6);
  Line(out, name + "_count", labels, static_cast<double>(cumulative));
}

int Metrics::Family(const std::string& path) {
  if (path.rfind("/webhooks/", 0) == 0) return 0;
  if (path.rfind("/api/", 0) == 0) return 1;
  return 2;
}

void Metrics::Install(HttpServer& http) {
  http.SetObserver([this](const httplib::Request& req, const httplib::Response&, double seconds) {
    latency_[Family(req.path)].Observe(seconds);
  });
  httplib::Server& server = http.raw();
  server.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
    if (!src_.token.empty() && req.get_header_value("Authorization") != "Bearer " + src_.token) {
      return SendError(res, 401, "unauthenticated", "metrics need Authorization: Bearer <metrics token>");
    }
    res.set_content(Render(), "text/plain; version=0.0.4");
  });
}

std::string Metrics::Render() {
  std::string out;
  const ingest::IngestBreakdown b = src_.pipeline.breakdown();
  Help(&out, "turnaround_deliveries_total", "counter", "Webhook deliveries by endpoint and outcome.");
  for (const auto& [key, n] : b.deliveries) {
    Line(&out, "turnaround_deliveries_total",
         "endpoint=\"" + Escape(key.first) + "\",outcome=\"" + key.second + "\"", static_cast<double>(n));
  }
  Help(&out, "turnaround_comments_ingested_total", "counter", "Comments received, by platform.");
  for (const auto& [platform, c] : b.platforms) {
    Line(&out, "turnaround_comments_ingested_total", "platform=\"" + Escape(platform) + "\"",
         static_cast<double>(c.comments));
  }
  Help(&out, "turnaround_comments_flagged_total", "counter", "Comments flagged as complaints or urgent.");
  for (const auto& [platform, c] : b.platforms) {
    Line(&out, "turnaround_comments_flagged_total", "platform=\"" + Escape(platform) + "\"",
         static_cast<double>(c.flagged));
  }
  Help(&out, "turnaround_comments_urgent_total", "counter", "Comments with an urgent reason.");
  for (const auto& [platform, c] : b.platforms) {
    Line(&out, "turnaround_comments_urgent_total", "platform=\"" + Escape(platform) + "\"",
         static_cast<double>(c.urgent));
  }
  auto stats = src_.items.Stats();
  if (stats.ok()) {
    Help(&out, "turnaround_queue_depth", "gauge", "Open items by state and severity.");
    for (const auto& [state, severity, n] : stats->depth) {
      Line(&out, "turnaround_queue_depth", "state=\"" + state + "\",severity=\"" + severity + "\"",
           static_cast<double>(n));
    }
    Help(&out, "turnaround_oldest_open_item_age_seconds", "gauge",
         "Age of the oldest open item since it was posted (0 when the queue is empty).");
    const std::int64_t oldest = stats->oldest_open_posted_at_ms;
    Line(&out, "turnaround_oldest_open_item_age_seconds", "",
         oldest ? static_cast<double>(src_.clock.NowMs() - oldest) / 1000.0 : 0.0);
  }
  Help(&out, "turnaround_http_request_duration_seconds", "histogram", "Request latency by route family.");
  static const char* kFamilies[] = {"webhooks", "api", "page"};
  for (int i = 0; i < 3; ++i) {
    latency_[i].Render("turnaround_http_request_duration_seconds", std::string("family=\"") + kFamilies[i] + "\"",
                       &out);
  }
  Help(&out, "turnaround_rules_info", "gauge", "The loaded rules version.");
  Line(&out, "turnaround_rules_info", "version=\"" + Escape(src_.rules_version()) + "\"", 1);
  if (src_.reconcile) RenderReconcile(src_.reconcile(), &out);
  return out;
}

}  // namespace turnaround::http
