// QueueService: what community managers do to items — list, open, claim,
// reply (through the PHI guard), resolve, dismiss, escalate, note — and the
// suggested replies for an item.
//
// Thread behaviour: thread-safe; all state is in the store (whose updates are
// serialized transactions) and in immutable template snapshots.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/user.h"
#include "queue/sla.h"
#include "queue/transitions.h"
#include "replies/lint.h"
#include "replies/template_set.h"
#include "store/item_store.h"

namespace turnaround::queue {

struct Actor {
  std::string name;
  model::Role role = model::Role::kAgent;
};

struct QueueSettings {
  SlaTargets sla;
  std::int64_t lease_ms = 15 * 60 * 1000;  // a claim lasts this long, renewed by activity
  // What templates are filled with.
  std::string page_name = "our team";
  std::string contact_phone, contact_email, contact_url;
};

struct ReplyRequest {
  std::string text;
  std::string template_id;
  bool override_guard = false;
  std::string override_reason;
};

struct Suggestion {
  std::string template_id, title, text;
  std::vector<std::string> missing;  // placeholders the config could not fill
};

class QueueService {
 public:
  QueueService(store::ItemStore& items, std::shared_ptr<const replies::TemplateSet> templates,
               const core::Clock& clock, QueueSettings settings);

  core::Result<store::QueuePage> List(const store::QueueFilter& filter);
  core::Result<store::ItemDetail> Detail(std::int64_t id);

  core::Result<model::Item> Claim(std::int64_t id, const Actor& actor);
  core::Result<model::Item> Release(std::int64_t id, const Actor& actor);
  // Runs the PHI guard; a blocking finding without override_guard and a
  // reason is refused with kConflict-like code "phi_guard" (see
  // GuardRefusal). The first reply sets the time of first response.
  core::Result<model::Item> Reply(std::int64_t id, const Actor& actor, const ReplyRequest& request,
                                  std::vector<replies::Finding>* findings);
  core::Result<model::Item> Resolve(std::int64_t id, const Actor& actor, const std::string& note);
  core::Result<model::Item> Dismiss(std::int64_t id, const Actor& actor, const std::string& reason);
  core::Result<model::Item> Escalate(std::int64_t id, const Actor& actor, const std::string& reason,
                                     const std::string& to);
  core::Result<model::Item> Note(std::int64_t id, const Actor& actor, const std::string& text);

  core::Result<std::vector<Suggestion>> Suggestions(std::int64_t id, const Actor& actor,
                                                    std::size_t max = 5);
  // The PHI guard on a draft; `item_id` 0 when not tied to an item.
  core::Result<std::vector<replies::Finding>> Lint(const std::string& text, std::int64_t item_id);

  // Returns expired claims to the queue; returns how many. Called before
  // listing, and may be called on a timer.
  int SweepExpiredLeases();

  void SetTemplates(std::shared_ptr<const replies::TemplateSet> templates);
  const QueueSettings& settings() const { return settings_; }

 private:
  core::Result<model::Item> Act(std::int64_t id, const Action& action, const std::string& details,
                                std::optional<store::ReplyRow> reply = std::nullopt);
  replies::LintOptions LintOptionsFor(const std::string& platform) const;
  std::shared_ptr<const replies::TemplateSet> templates() const;

  store::ItemStore& items_;
  const core::Clock& clock_;
  const QueueSettings settings_;
  mutable std::mutex mu_;
  std::shared_ptr<const replies::TemplateSet> templates_;  // guarded by mu_
};

// The status code the HTTP layer maps to 422 with the findings.
inline constexpr const char* kGuardRefusalMessage =
    "the PHI guard blocked this reply; confirm with override_guard and override_reason to send anyway";

}  // namespace turnaround::queue
