#include "app/rules_sync.h"

#include "core/log.h"

namespace turnaround::app {

RulesSync::RulesSync(store::RulesGenerationStore& store, std::function<core::Status()> reload,
                     std::function<std::string()> version)
    : store_(store), reload_(std::move(reload)), version_(std::move(version)) {}

RulesSync::~RulesSync() { Stop(); }

core::Status RulesSync::Init() {
  auto current = store_.Current();
  if (!current.ok()) return current.status();
  MarkSeen(current->generation);
  return core::Status::Ok();
}

core::Status RulesSync::Published(const std::string& actor, std::int64_t at_ms) {
  auto generation = store_.Bump(version_(), actor, at_ms);
  if (!generation.ok()) return generation.status();
  MarkSeen(*generation);
  return core::Status::Ok();
}

bool RulesSync::MarkSeen(std::int64_t generation) {
  std::int64_t seen = seen_.load();
  while (seen < generation) {
    if (seen_.compare_exchange_weak(seen, generation)) return true;
  }
  return false;
}

bool RulesSync::Poll() {
  auto current = store_.Current();
  if (!current.ok()) {
    core::LogWarn("rules poll: cannot read the rules generation: " + current.status().ToString());
    return false;
  }
  // Marked before reloading, so a rule set that does not load here is
  // reported once rather than on every poll.
  if (!MarkSeen(current->generation)) return false;
  const std::string generation = std::to_string(current->generation);
  core::Status s = reload_();
  if (!s.ok()) {
    core::LogWarn("rules generation " + generation + " (reloaded by " + current->actor +
                  "): this instance's rules did not load; the old rules stay live:\n" + s.message());
    return true;
  }
  const std::string live = version_();
  if (live != current->rules_version) {
    core::LogWarn("rules generation " + generation + ": this instance loaded version " + live + ", " +
                  current->actor + " loaded " + current->rules_version +
                  ": the instances' rules directories differ");
  } else {
    core::LogInfo("rules generation " + generation + " reached this instance: version " + live);
  }
  return true;
}

void RulesSync::Start(std::chrono::milliseconds interval) {
  Stop();
  task_ = std::make_unique<core::PeriodicTask>(interval, [this] { (void)Poll(); });
  task_->Start();
}

void RulesSync::Stop() {
  if (task_) task_->Stop();
  task_.reset();
}

}  // namespace turnaround::app
