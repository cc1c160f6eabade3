#include "app/service.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/rules_sync.h"
#include "classify/accelerator.h"
#include "classify/classifier.h"
#include "core/clock.h"
#include "core/log.h"
#include "http/errors.h"
#include "http/server.h"
#include "http/api_routes.h"
#include "alerts/monitor.h"
#include "core/periodic.h"
#include "store/maintenance.h"
#include "http/metrics.h"
#include "http/report_routes.h"
#include "http/authn.h"
#include "http/ui_routes.h"
#include "http/webhook_routes.h"
#include "ingest/pipeline.h"
#include "queue/queue_service.h"
#include "replies/template_set.h"
#include "graph/http_graph_client.h"
#include "outbox/sender.h"
#include "reconcile/reconciler.h"
#include "store/delivery_writer.h"
#include "store/item_store.h"
#include "store/outbox_store.h"
#include "store/report_queries.h"
#include "store/rules_generation.h"
#include "store/sql/open.h"
#include "store/user_store.h"

namespace turnaround::app {

// Declaration order is teardown order in reverse: the HTTP server goes first,
// then the pipeline, then the writer (which commits what is pending).
struct Service::Parts {
  Config config;
  const core::Clock* clock = nullptr;
  std::unique_ptr<classify::ClassifierHolder> classifier;
  std::unique_ptr<classify::Accelerator> accelerator;  // null with classify.engine "re2"
  std::unique_ptr<store::DeliveryWriter> writer;
  std::unique_ptr<ingest::IngestPipeline> pipeline;
  store::sql::Dialect engine = store::sql::Dialect::kSqlite;
  std::shared_ptr<store::sql::Pool> pool;  // every store but the writer's
  std::unique_ptr<store::ItemStore> items;
  std::unique_ptr<store::UserStore> users;
  std::unique_ptr<queue::QueueService> queue;
  std::unique_ptr<graph::GraphClient> graph;
  std::unique_ptr<store::OutboxStore> outbox;
  std::unique_ptr<store::ReportSource> report_source;
  std::unique_ptr<outbox::OutboxSender> sender;  // uses graph, outbox and items
  std::unique_ptr<reconcile::Reconciler> reconciler;  // uses graph, writer, classifier and items
  std::unique_ptr<http::Authenticator> authn;
  std::unique_ptr<http::ApiContext> api;
  std::unique_ptr<http::ReportContext> reports;
  std::unique_ptr<http::Metrics> metrics;
  std::unique_ptr<alerts::SpikeMonitor> spikes;
  std::unique_ptr<core::PeriodicTask> retention;
  std::unique_ptr<store::RulesGenerationStore> rules_generation;
  std::unique_ptr<RulesSync> rules_sync;  // reloads through classifier, queue and items
  std::unique_ptr<http::HttpServer> http;
  int port = 0;
};

namespace {

const char* EngineName(store::sql::Dialect d) { return d == store::sql::Dialect::kPostgres ? "postgresql" : "sqlite"; }

void RegisterHealth(httplib::Server& server, Service::Parts* parts) {
  server.Get("/healthz", [parts](const httplib::Request&, httplib::Response& res) {
    ingest::IngestCounters c = parts->pipeline->counters();
    http::SendJson(res, 200,
                   {{"status", "ok"},
                    {"rules_version", parts->classifier->Get()->version()},
                    {"rules_engine", parts->classifier->Get()->accelerated() ? "hyperscan" : "re2"},
                    {"store", EngineName(parts->engine)},
                    {"dev_secrets", parts->config.using_dev_secrets},
                    {"deliveries", {{"accepted", c.accepted}, {"rejected", c.rejected}}},
                    {"comments", c.comments},
                    {"ignored_changes", c.ignored_changes},
                    {"commits", parts->writer->commits()}});
  });
}

}  // namespace

queue::QueueSettings QueueSettingsFrom(const Config& c) {
  constexpr std::int64_t kMinute = 60 * 1000;
  queue::QueueSettings q;
  q.lease_ms = c.queue.lease_minutes * kMinute;
  q.sla.urgent_ms = c.queue.sla_urgent_minutes * kMinute;
  q.sla.high_ms = c.queue.sla_high_minutes * kMinute;
  q.sla.normal_ms = c.queue.sla_normal_minutes * kMinute;
  q.sla.low_ms = c.queue.sla_low_minutes * kMinute;
  q.page_name = c.replies.page_name;
  q.contact_phone = c.replies.contact_phone;
  q.contact_email = c.replies.contact_email;
  q.contact_url = c.replies.contact_url;
  return q;
}

store::DeliveryWriter::Options WriterOptionsFrom(const Config& config) {
  store::DeliveryWriter::Options o;
  o.sla = QueueSettingsFrom(config).sla;
  o.auto_hide_spam = config.moderation.auto_hide_spam;
  o.page_configured = [pages = config.pages](const std::string& platform, const std::string& page_id) {
    return std::any_of(pages.begin(), pages.end(),
                       [&](const PageConfig& p) { return p.platform == platform && p.page_id == page_id; });
  };
  return o;
}

std::vector<graph::Target> ReconcileTargets(const Config& config) {
  std::vector<graph::Target> pages;
  for (const PageConfig& p : config.pages) pages.push_back({p.platform, p.page_id, "", p.token});
  return pages;
}

namespace {

// Reloads rules and templates together; a broken set of either is refused
// whole and the old ones stay live. Every attempt is audited.
core::Status ReloadAndAudit(Service::Parts* parts, const std::string& actor) {
  core::Status s = parts->classifier->Reload(parts->config.rules_dir);
  if (s.ok() && parts->accelerator) parts->accelerator->Submit(parts->classifier->Get());
  if (s.ok()) {
    auto templates = replies::TemplateSet::Load(parts->config.templates_dir);
    if (templates.ok()) {
      parts->queue->SetTemplates(std::make_shared<const replies::TemplateSet>(std::move(templates).value()));
    } else {
      s = core::InvalidArgument("templates: " + templates.status().message());
    }
  }
  model::Event e;
  e.at_ms = parts->clock->NowMs();
  e.actor = actor;
  e.kind = s.ok() ? "rules.reload" : "rules.reload_refused";
  e.details = nlohmann::json{{"rules_version", parts->classifier->Get()->version()}, {"report", s.message()}}
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  core::Status audited = parts->items->Record(e);
  if (!audited.ok()) core::LogError("rules reload not audited: " + audited.ToString());
  if (s.ok()) {
    core::LogInfo("rules reloaded by " + actor + ": version " + parts->classifier->Get()->version());
  } else {
    core::LogWarn("rules reload refused; the old rules stay live:\n" + s.message());
  }
  return s;
}

// A reload asked of this instance (SIGHUP, the admin API): when it succeeds,
// the other instances sharing the store follow on their next poll.
core::Status ReloadAndPublish(Service::Parts* parts, const std::string& actor) {
  core::Status s = ReloadAndAudit(parts, actor);
  if (!s.ok()) return s;
  core::Status published = parts->rules_sync->Published(actor, parts->clock->NowMs());
  if (!published.ok()) core::LogError("rules reload not published to other instances: " + published.ToString());
  return s;
}

}  // namespace

core::Result<std::unique_ptr<Service>> Service::Create(const Config& config, const core::Clock& clock) {
  auto parts = std::make_unique<Parts>();
  parts->config = config;
  auto rules = classify::Classifier::Load(config.rules_dir, {.run_examples = false});
  if (!rules.ok()) {
    return core::InvalidArgument("rules in " + config.rules_dir + " did not load:\n" +
                                 rules.status().message());
  }
  parts->classifier = std::make_unique<classify::ClassifierHolder>(std::move(rules).value());
  if (config.classify.engine == "hyperscan") {
    // Compiles on its own thread: the service answers with RE2 meanwhile.
    parts->accelerator = std::make_unique<classify::Accelerator>(
        config.classify.cache_dir, [](const std::string& line) { core::LogInfo(line); },
        config.classify.compile_command);
    parts->accelerator->Submit(parts->classifier->Get());
  }

  const std::string db_url = store::sql::DbUrl(config.db);
  auto engine = store::sql::DialectOf(db_url);
  if (!engine.ok()) return engine.status();
  parts->engine = *engine;
  if (const std::string path = store::sql::SqlitePathOf(db_url); !path.empty() && path != ":memory:") {
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  }
  auto templates = replies::TemplateSet::Load(config.templates_dir);
  if (!templates.ok()) {
    return core::InvalidArgument("templates in " + config.templates_dir + " did not load:\n" +
                                 templates.status().message());
  }
  parts->clock = &clock;
  Parts* raw_parts = parts.get();
  outbox::PageTokens tokens;
  for (const PageConfig& p : config.pages) tokens.Add(p.platform, p.page_id, p.token);
  // One "is this page ours" predicate for the queue and the writer.
  store::DeliveryWriter::Options writer_options = WriterOptionsFrom(config);
  queue::QueueSettings qs = QueueSettingsFrom(config);
  qs.page_configured = writer_options.page_configured;
  qs.outbox_queued = [raw_parts] {
    if (raw_parts->sender) raw_parts->sender->Wake();
  };
  // The writer has a connection of its own (on SQLite with its page cache,
  // sub-journals in memory and the WAL checkpointer); everything else
  // leases from one pool, so a connection's prepared statements serve every
  // store.
  auto writer = store::DeliveryWriter::OpenUrl(db_url, clock, std::move(writer_options));
  if (!writer.ok()) return writer.status();
  parts->writer = std::move(writer).value();
  parts->pipeline = std::make_unique<ingest::IngestPipeline>(config.secrets, *parts->classifier,
                                                             *parts->writer, clock);
  auto pool = store::sql::OpenPool(db_url);
  if (!pool.ok()) return pool.status();
  parts->pool = std::move(pool).value();
  parts->items = std::make_unique<store::ItemStore>(parts->pool);
  parts->users = std::make_unique<store::UserStore>(parts->pool);
  parts->rules_generation = std::make_unique<store::RulesGenerationStore>(parts->pool);
  parts->rules_sync = std::make_unique<RulesSync>(
      *parts->rules_generation, [raw_parts] { return ReloadAndAudit(raw_parts, "rules-poll"); },
      [raw_parts] { return raw_parts->classifier->Get()->version(); });
  TA_RETURN_IF_ERROR(parts->rules_sync->Init());
  parts->queue = std::make_unique<queue::QueueService>(
      *parts->items,
      std::make_shared<const replies::TemplateSet>(std::move(templates).value()), clock, qs);
  parts->graph = std::make_unique<graph::HttpGraphClient>(
      graph::GraphSettings{config.graph.base_url, config.graph.version, config.graph.timeout_s});
  parts->outbox = std::make_unique<store::OutboxStore>(parts->pool);
  outbox::SenderSettings sender_settings;
  sender_settings.max_attempts = config.graph.max_attempts;
  parts->sender = std::make_unique<outbox::OutboxSender>(*parts->outbox, *parts->items, *parts->graph,
                                                         std::move(tokens), clock, sender_settings);
  parts->reconciler = std::make_unique<reconcile::Reconciler>(
      *parts->graph, *parts->writer, *parts->classifier, clock, ReconcileTargets(config), config.reconcile,
      [raw_parts](const model::Event& e) { return raw_parts->items->Record(e); });
  parts->authn = std::make_unique<http::Authenticator>(*parts->users, clock, config.secure_cookies);
  parts->api.reset(new http::ApiContext{
      *parts->queue, *parts->authn, *parts->items, clock,
      [raw_parts](const std::string& actor) { return ReloadAndPublish(raw_parts, actor); },
      [raw_parts] { return raw_parts->classifier->Get()->version(); }, 12 * 3600, {},
      std::make_unique<http::PageCache>(clock, config.http.queue_page_cache_ms)});

  parts->http = std::make_unique<http::HttpServer>(config.http);
  httplib::Server& raw = parts->http->raw();
  http::RegisterWebhookRoutes(raw, *parts->pipeline);
  http::RegisterApiRoutes(raw, *parts->api);
  parts->report_source = std::make_unique<store::ReportSource>(parts->pool);
  parts->reports.reset(
      new http::ReportContext{*parts->authn, *parts->report_source, *parts->items, clock, parts->config});
  http::RegisterReportRoutes(raw, *parts->reports);
  parts->metrics = std::make_unique<http::Metrics>(http::MetricsSources{
      *parts->pipeline, *parts->items, [raw_parts] { return raw_parts->classifier->Get()->version(); }, clock,
      config.metrics_token, [raw_parts] { return raw_parts->reconciler->counters(); }});
  parts->metrics->Install(*parts->http);
  alerts::MonitorSettings ms;
  ms.spike = {config.alerts.spike_multiple, config.alerts.min_flagged, config.alerts.baseline_hours};
  ms.interval_s = config.alerts.check_interval_s;
  ms.webhook_url = config.alerts.webhook_url;
  parts->spikes = std::make_unique<alerts::SpikeMonitor>(*parts->items, clock, ms);
  const store::RetentionSettings retention{config.retention_delivery_body_days,
                                           config.retention_closed_comment_text_days};
  parts->retention = std::make_unique<core::PeriodicTask>(
      std::chrono::hours(1), [pool = parts->pool, retention, &clock] {
        auto lease = pool->Acquire();
        auto purged = lease.ok() ? store::Purge(lease->conn(), retention, clock.NowMs())
                                 : core::Result<store::PurgeCounts>(lease.status());
        if (!purged.ok()) core::LogError("retention purge failed: " + purged.status().ToString());
      });
  http::RegisterUiRoutes(raw);
  RegisterHealth(raw, parts.get());
  if (config.bench_null_route) {
    raw.Post("/bench/null", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"ok\":true}", "application/json");
    });
  }
  parts->port = parts->http->Bind(config.listen_host, config.listen_port);
  if (parts->port < 0) {
    return core::Status(core::Code::kUnavailable,
                        "cannot listen on " + config.listen_host + ":" +
                            std::to_string(config.listen_port) + " (in use or not permitted)");
  }
  return std::unique_ptr<Service>(new Service(std::move(parts)));
}

Service::Service(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

Service::~Service() {
  Stop();
  parts_->rules_sync.reset();  // a poll in progress ends before what it reloads goes
  parts_->http.reset();
  parts_->reconciler.reset();  // ends a pass in progress before the writer closes
  parts_->sender.reset();
  parts_->pipeline.reset();
  parts_->queue.reset();
  if (parts_->writer) parts_->writer->Shutdown();
}

int Service::port() const { return parts_->port; }

bool Service::WaitRulesAccelerated() {
  if (!parts_->accelerator) return false;
  parts_->accelerator->WaitIdle();
  return parts_->classifier->Get()->accelerated();
}

const char* Service::engine() const { return EngineName(parts_->engine); }

bool Service::Run() {
  parts_->spikes->Start();
  parts_->retention->Start();
  parts_->sender->Start();
  parts_->reconciler->Start();
  if (parts_->config.rules_poll_s > 0) parts_->rules_sync->Start(std::chrono::seconds(parts_->config.rules_poll_s));
  bool ok = parts_->http->Listen();
  parts_->rules_sync->Stop();
  parts_->reconciler->Stop();
  parts_->sender->Stop();
  parts_->retention->Stop();
  parts_->spikes->Stop();
  // Listen() returns after Stop() once the thread pool has drained, so every
  // acknowledged delivery has been committed; now close the store.
  parts_->writer->Shutdown();
  return ok;
}

void Service::Stop() {
  if (parts_->http) parts_->http->Stop();
}

core::Status Service::ReloadRules(const std::string& actor) { return ReloadAndPublish(parts_.get(), actor); }

}  // namespace turnaround::app
