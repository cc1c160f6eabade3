// RulesSync: makes a rules reload on one instance reach every instance that
// shares the store (issue #9). An instance that reloads successfully
// publishes it (bumps the store's rules generation); every instance polls the
// generation and, when it moves past the one it last saw, reloads its own
// rules directory. Each instance loads its own files, so they converge only
// when their rules directories hold the same rules: a poll that loads a
// different version than the publisher's is logged as a warning.
//
// A generation is attempted once: a reload that fails on a poll keeps the
// old rules live and is logged, and is not retried every few seconds (fix
// the files and reload this instance, or any instance, again).
// A poll that reads the generation between this instance's own bump and
// Published() marking it seen reloads once more: harmless, and cheaper than
// a lock held across two database round trips.
//
// Thread-safe: Published() runs on request or signal threads, Poll() on the
// polling thread or a test's.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/periodic.h"
#include "core/status.h"
#include "store/rules_generation.h"

namespace turnaround::app {

class RulesSync {
 public:
  // `reload` reloads this instance's rules (and audits the attempt);
  // `version` names the rule set now live. `store` must outlive this.
  RulesSync(store::RulesGenerationStore& store, std::function<core::Status()> reload,
            std::function<std::string()> version);
  ~RulesSync();  // stops polling
  RulesSync(const RulesSync&) = delete;  // owns the polling thread
  RulesSync& operator=(const RulesSync&) = delete;

  // Takes the store's current generation as already loaded (the rules this
  // instance loaded at start are the current ones). Errors: the store's.
  core::Status Init();

  // After this instance reloaded successfully: bumps the generation so the
  // others follow, and marks it seen so this instance does not reload again.
  core::Status Published(const std::string& actor, std::int64_t at_ms);

  // One poll: reloads when the generation moved past the one last seen.
  // Returns true when it attempted a reload (whatever its outcome).
  bool Poll();

  // Polls every `interval` on a thread of its own until Stop().
  void Start(std::chrono::milliseconds interval);
  void Stop();

  std::int64_t seen() const { return seen_.load(); }

 private:
  // Raises seen_ to `generation`; false when it was already there or past.
  bool MarkSeen(std::int64_t generation);

  store::RulesGenerationStore& store_;
  const std::function<core::Status()> reload_;
  const std::function<std::string()> version_;
  std::atomic<std::int64_t> seen_{0};
  std::unique_ptr<core::PeriodicTask> task_;  // set by Start
};

}  // namespace turnaround::app
