#include "app/service.h"

#include <filesystem>

#include "classify/classifier.h"
#include "core/clock.h"
#include "core/log.h"
#include "http/errors.h"
#include "http/server.h"
#include "http/webhook_routes.h"
#include "ingest/pipeline.h"
#include "store/delivery_writer.h"

namespace turnaround::app {

// Declaration order is teardown order in reverse: the HTTP server goes first,
// then the pipeline, then the writer (which commits what is pending).
struct Service::Parts {
  Config config;
  std::unique_ptr<classify::ClassifierHolder> classifier;
  std::unique_ptr<store::DeliveryWriter> writer;
  std::unique_ptr<ingest::IngestPipeline> pipeline;
  std::unique_ptr<http::HttpServer> http;
  int port = 0;
};

namespace {

void RegisterHealth(httplib::Server& server, Service::Parts* parts) {
  server.Get("/healthz", [parts](const httplib::Request&, httplib::Response& res) {
    ingest::IngestCounters c = parts->pipeline->counters();
    http::SendJson(res, 200,
                   {{"status", "ok"},
                    {"rules_version", parts->classifier->Get()->version()},
                    {"store", "sqlite"},
                    {"dev_secrets", parts->config.using_dev_secrets},
                    {"deliveries", {{"accepted", c.accepted}, {"rejected", c.rejected}}},
                    {"comments", c.comments},
                    {"ignored_changes", c.ignored_changes},
                    {"commits", parts->writer->commits()}});
  });
}

}  // namespace

core::Result<std::unique_ptr<Service>> Service::Create(const Config& config) {
  auto parts = std::make_unique<Parts>();
  parts->config = config;
  auto rules = classify::Classifier::Load(config.rules_dir);
  if (!rules.ok()) {
    return core::InvalidArgument("rules in " + config.rules_dir + " did not load:\n" +
                                 rules.status().message());
  }
  parts->classifier = std::make_unique<classify::ClassifierHolder>(std::move(rules).value());

  if (config.db_path != ":memory:") {
    std::filesystem::path dir = std::filesystem::path(config.db_path).parent_path();
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  }
  auto writer = store::DeliveryWriter::Open(config.db_path, core::SystemClock::Instance());
  if (!writer.ok()) return writer.status();
  parts->writer = std::move(writer).value();
  parts->pipeline = std::make_unique<ingest::IngestPipeline>(
      config.secrets, *parts->classifier, *parts->writer, core::SystemClock::Instance());

  parts->http = std::make_unique<http::HttpServer>(config.http);
  httplib::Server& raw = parts->http->raw();
  http::RegisterWebhookRoutes(raw, *parts->pipeline);
  RegisterHealth(raw, parts.get());
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
  parts_->http.reset();
  parts_->pipeline.reset();
  if (parts_->writer) parts_->writer->Shutdown();
}

int Service::port() const { return parts_->port; }

bool Service::Run() {
  bool ok = parts_->http->Listen();
  // Listen() returns after Stop() once the thread pool has drained, so every
  // acknowledged delivery has been committed; now close the store.
  parts_->writer->Shutdown();
  return ok;
}

void Service::Stop() {
  if (parts_->http) parts_->http->Stop();
}

core::Status Service::ReloadRules() {
  core::Status s = parts_->classifier->Reload(parts_->config.rules_dir);
  if (s.ok()) {
    core::LogInfo("rules reloaded: version " + parts_->classifier->Get()->version());
  } else {
    core::LogWarn("rules reload refused; the old rules stay live:\n" + s.message());
  }
  return s;
}

}  // namespace turnaround::app
