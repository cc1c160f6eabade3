// Service: the wired-up server — config, rules, store, ingest pipeline and
// HTTP routes — with an explicit lifecycle so tests can run it in-process.
//
//   auto svc = Service::Create(config);   // opens the db, loads rules, binds
//   std::thread t([&] { svc->Run(); });   // serves until Stop()
//   svc->Stop(); t.join();                // in-flight requests finish, db closes
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "core/clock.h"
#include "core/status.h"
#include "graph/graph_client.h"
#include "queue/queue_service.h"
#include "store/delivery_writer.h"

namespace turnaround::app {

// The queue settings `serve` derives from the config (also used by the
// `reconcile` verb, so items it creates get the same due times).
queue::QueueSettings QueueSettingsFrom(const Config& config);

// The delivery writer's settings from the config, shared by `serve` and
// `reconcile` so a comment either of them stores is queued (and hidden as
// spam) the same way. A page counts as configured when the config lists it.
store::DeliveryWriter::Options WriterOptionsFrom(const Config& config);

// The pages the reconciliation poll reads: each configured page with its token.
std::vector<graph::Target> ReconcileTargets(const Config& config);

class Service {
 public:
  // Loads the rules, opens (and migrates) the store `config.db` names and
  // binds the listener. Errors say which of those failed and why (a `db` of
  // no known engine is kInvalidArgument).
  // `clock` (tests pass a fake) must outlive the service.
  static core::Result<std::unique_ptr<Service>> Create(
      const Config& config, const core::Clock& clock = core::SystemClock::Instance());
  ~Service();
  Service(const Service&) = delete;  // owns threads, sockets and the database
  Service& operator=(const Service&) = delete;

  int port() const;

  // Waits until the rules now live have been switched to Hyperscan (or have
  // failed to); true if they run on Hyperscan. False at once with
  // classify.engine "re2".
  bool WaitRulesAccelerated();  // the bound port (useful with port 0)
  // The store's engine, as /healthz names it: "sqlite" or "postgresql".
  const char* engine() const;

  // Serves until Stop(); returns false if the listener failed.
  bool Run();
  // Stops accepting; requests in flight finish; Run() then returns and the
  // store commits what is pending and closes. Safe from any thread.
  void Stop();

  // Reloads rules and templates from the configured directories; on failure
  // the old ones stay live and the report is returned. Audited under `actor`.
  // A success bumps the store's rules generation, so every instance sharing
  // the store reloads its own directories within `rules_poll_s`.
  core::Status ReloadRules(const std::string& actor);

  struct Parts;  // the wired components; defined in service.cpp

 private:
  explicit Service(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace turnaround::app
