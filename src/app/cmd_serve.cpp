// turnaround serve: flags → Config → Service, with signals handled on a
// dedicated thread (SIGINT/SIGTERM stop gracefully, SIGHUP reloads rules).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <thread>

#include "app/commands.h"
#include "app/config.h"
#include "app/service.h"
#include "core/log.h"
#include "store/sql/open.h"

namespace turnaround::app {
namespace {

// This process's executable ("" if /proc cannot say): what it runs as a child.
std::string SelfExe() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

constexpr const char* kServeUsage = R"(usage: turnaround serve [--listen HOST:PORT] [--db URL|PATH] [--config FILE] [--rules DIR]

  --listen HOST:PORT  where to listen (default 127.0.0.1:8080)
  --db URL|PATH       the store: sqlite:PATH, postgresql://USER@HOST:PORT/DB (several
                      instances may share one), or a SQLite file (default var/turnaround.db)
  --config FILE       JSON config; see README "Configuration"
  --rules DIR         rule packs and lexicon (default rules)
  --templates DIR     reply templates (default templates)

Secrets come from TURNAROUND_META_APP_SECRET, TURNAROUND_META_VERIFY_TOKEN and
TURNAROUND_GENERIC_SECRET, or the config; any left unset gets a labelled
development value, printed at start-up.
Signals: SIGINT/SIGTERM finish requests in flight and close the database;
SIGHUP reloads the rules (a broken rule set is refused, the old one stays).
)";

// Flags override the file, which overrides the defaults.
int ParseServeArgs(const Args& args, Config* config) {
  std::string config_file, listen, db, rules, templates;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kServeUsage, stdout);
      return 0;
    }
    if (a == "--bench-null-route") {
      config->bench_null_route = true;
      continue;
    }
    std::string* target = a == "--listen"      ? &listen
                          : a == "--db"        ? &db
                          : a == "--config"    ? &config_file
                          : a == "--rules"     ? &rules
                          : a == "--templates" ? &templates
                                               : nullptr;
    if (!target || i + 1 >= args.size()) {
      std::fprintf(stderr, "turnaround serve: %s '%s'\n\n%s",
                   target ? "missing value for" : "unknown option", a.c_str(), kServeUsage);
      return 2;
    }
    *target = args[++i];
  }
  if (!config_file.empty()) {
    core::Status s = LoadConfigFile(config_file, config);
    if (!s.ok()) {
      std::fprintf(stderr, "turnaround serve: %s\n", s.message().c_str());
      return 2;
    }
  }
  if (!listen.empty()) {
    core::Status s = ParseListen(listen, &config->listen_host, &config->listen_port);
    if (!s.ok()) {
      std::fprintf(stderr, "turnaround serve: %s\n", s.message().c_str());
      return 2;
    }
  }
  if (!db.empty()) {
    if (core::Status s = CheckDb("--db", db); !s.ok()) {
      std::fprintf(stderr, "turnaround serve: %s\n", s.message().c_str());
      return 2;
    }
    config->db = db;
  }
  if (!rules.empty()) config->rules_dir = rules;
  if (!templates.empty()) config->templates_dir = templates;
  return -1;  // go on
}

}  // namespace

int RunServe(const Args& args) {
  Config config;
  if (int rc = ParseServeArgs(args, &config); rc >= 0) return rc;
  ApplyEnvironment(&config);
  std::string dev = ApplyDevelopmentSecrets(&config);
  if (!dev.empty()) {
    std::fprintf(stderr,
                 "turnaround serve: DEVELOPMENT SECRETS in use (set the environment variables "
                 "for production):\n%s",
                 dev.c_str());
  }
  if (config.log_level == "debug") core::SetLogLevel(core::LogLevel::kDebug);
  if (config.log_level == "warn") core::SetLogLevel(core::LogLevel::kWarn);
  if (config.log_level == "error") core::SetLogLevel(core::LogLevel::kError);

  // Block the signals before any thread starts so that only the signal
  // thread below ever receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  // Rules are compiled for Hyperscan by this very binary in a child process
  // (`rules hs-compile`), so that the compile's memory peak is never ours.
  if (std::string self = SelfExe(); !self.empty()) config.classify.compile_command = {self, "rules", "hs-compile"};

  auto service = Service::Create(config);
  if (!service.ok()) {
    std::fprintf(stderr, "turnaround serve: %s\n", service.status().message().c_str());
    return 1;
  }
  Service& svc = *service.value();
  std::thread signal_thread([&svc, signals] {
    for (;;) {
      int sig = 0;
      if (sigwait(&signals, &sig) != 0) continue;
      if (sig == SIGHUP) {
        (void)svc.ReloadRules("signal:SIGHUP");  // logs the outcome either way
        continue;
      }
      core::LogInfo(std::string("received ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                    ": finishing requests in flight");
      svc.Stop();
      return;
    }
  });
  core::LogInfo("turnaround listening on http://" + config.listen_host + ":" +
                std::to_string(svc.port()) + " (store " + svc.engine() + ", db " +
                store::sql::ShownUrl(config.db) + ")");
  bool ok = svc.Run();
  if (signal_thread.joinable()) {
    // Run() may also end on a listener failure; wake the signal thread.
    pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
  }
  service.value().reset();
  core::LogInfo("turnaround stopped; database closed");
  return ok ? 0 : 1;
}

}  // namespace turnaround::app
