// ServiceHarness: a real Service on an ephemeral loopback port, in-process,
// with a fresh database, for tests that go through HTTP.
#pragma once

#include <httplib.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "app/service.h"
#include "ingest/signature.h"
#include "test_util.h"

namespace turnaround::testing {

class ServiceHarness {
 public:
  // Which engine matches the rules. RE2 unless a test is about Hyperscan:
  // every rule set a test writes would be compiled for it in the background,
  // and under AddressSanitizer a compile of the shipped rules takes minutes
  // (its allocations are intercepted); accelerate_test checks the two engines
  // give the same verdicts.
  enum class Engine { kRe2, kHyperscan };

  explicit ServiceHarness(app::Config config = {}, const core::Clock* clock = nullptr, Engine engine = Engine::kRe2) {
    config.listen_host = "127.0.0.1";
    config.listen_port = 0;
    config.db = dir_.File("t.db");
    config.rules_dir = RulesDir();
    config.classify.engine = engine == Engine::kHyperscan ? "hyperscan" : "re2";
    config.classify.cache_dir = TURNAROUND_HS_CACHE;  // one compile per build tree, not per test
    // As `serve` does: a compile, when the cache lacks the database, runs in a child process.
    if (engine == Engine::kHyperscan) config.classify.compile_command = {TURNAROUND_BINARY, "rules", "hs-compile"};
    config.templates_dir = SourcePath("templates");
    config.secrets = {"meta-secret", "verify-me", "generic-secret"};
    // Tests ingest and list at once, often on a clock that never moves: a
    // first page kept for 2 s would hide what they just stored. The cache has
    // its own tests (queue_page_cache_test.cpp), which set a value of their own.
    if (config.http.queue_page_cache_ms == app::HttpSettings{}.queue_page_cache_ms) config.http.queue_page_cache_ms = 0;
    config_ = config;
    auto svc = clock ? app::Service::Create(config_, *clock) : app::Service::Create(config_);
    if (!svc.ok()) throw std::runtime_error(svc.status().message());
    service_ = std::move(svc).value();
    thread_ = std::thread([this] { service_->Run(); });
  }
  ~ServiceHarness() { Stop(); }

  // Stops the server the way SIGTERM does; the database is closed after.
  void Stop() {
    if (!service_) return;
    service_->Stop();
    thread_.join();
    service_.reset();
  }

  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", service_ ? service_->port() : 0);
    // Generous: a reload of the shipped rules (some 650 rules compiled, every
    // example run) takes 2 s normally but over 120 s under ASan on 2 busy CI
    // cores (stop 24 failed at 120 s); a test must not read that as a failure.
    c.set_read_timeout(600, 0);
    return c;
  }
  int port() const { return service_->port(); }
  const std::string& db_path() const { return config_.db; }
  app::Service& service() { return *service_; }

  httplib::Result PostMeta(const std::string& body, const std::string& secret = "meta-secret") {
    return Client().Post("/webhooks/meta",
                         {{"X-Hub-Signature-256", "sha256=" + ingest::HmacSha256Hex(secret, body)}},
                         body, "application/json");
  }
  httplib::Result PostGeneric(const std::string& body, const std::string& secret = "generic-secret") {
    return Client().Post("/webhooks/generic",
                         {{"X-Turnaround-Signature", "sha256=" + ingest::HmacSha256Hex(secret, body)}},
                         body, "application/json");
  }

  // Runs the real `turnaround` binary with `args` and this service's
  // database, and returns its stdout.
  std::string RunCli(const std::string& args) const {
    std::string cmd = std::string(TURNAROUND_BINARY) + " " + args + " --db '" + config_.db + "'";
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
    return out;
  }

  // Creates a user with the CLI and returns its API token.
  std::string AddUser(const std::string& name, const std::string& role, std::string* password = nullptr) {
    std::string out = RunCli("user add " + name + " --role " + role);
    auto field = [&out](const std::string& key) {
      size_t at = out.find(key + ": ");
      if (at == std::string::npos) return std::string();
      size_t end = out.find('\n', at);
      return out.substr(at + key.size() + 2, end - at - key.size() - 2);
    };
    if (password) *password = field("password");
    return field("token");
  }

  // Runs the real `turnaround export` on the database and returns its stdout.
  std::string Export() const { return RunCli("export"); }

 private:
  TempDir dir_;
  app::Config config_;
  std::unique_ptr<app::Service> service_;
  std::thread thread_;
};

}  // namespace turnaround::testing
