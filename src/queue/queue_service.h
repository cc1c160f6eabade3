// QueueService: what community managers do to items — list, open, claim,
// reply (through the PHI guard), resolve, dismiss, escalate, note — and the
// suggested replies for an item.
//
// Thread behaviour: thread-safe; all state is in the store (whose updates are
// serialized transactions) and in immutable template snapshots.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
  // Whether we hold a token for a page (the outbox can act for it); unset:
  // none. A reply to a page without one is recorded with a failed delivery.
  std::function<bool(const std::string& platform, const std::string& page_id)> page_configured;
  // Called after an outbox entry was committed (wakes the sender); may be unset.
  std::function<void()> outbox_queued;
  // How long after a comment a private reply is still possible.
  std::int64_t private_reply_window_ms = 7LL * 24 * 3600 * 1000;
};

// Whether a private reply can still be sent for an item, and if not why.
struct PrivateReplyStatus {
  bool available = false;
  std::string reason;  // "" when available
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

  // Queue hiding (or unhiding) the item's comment on its platform, audited as
  // item.hide / item.unhide. InvalidArgument for a platform without the
  // action; Conflict when no token is configured for the comment's page.
  core::Result<model::Item> SetHidden(std::int64_t id, const Actor& actor, bool hidden);
  // Queue a private reply (Messenger / Instagram) to the item's comment.
  // Conflict with code "private_reply_unavailable" and the reason when one
  // was already sent or queued, the 7 days are over, or no page is configured.
  core::Result<model::Item> PrivateReply(std::int64_t id, const Actor& actor, const std::string& text);
  PrivateReplyStatus PrivateReplyAvailability(const store::ItemView& view) const;
  // Queue a failed delivery (outbox entry `outbox_id` of this item) again.
  // Conflict unless that entry failed.
  core::Result<model::Item> RetryDelivery(std::int64_t id, std::int64_t outbox_id, const Actor& actor);

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
                                std::optional<store::ReplyRow> reply = std::nullopt,
                                std::optional<store::OutboxRow> outbox = std::nullopt);
  // Records `event_kind` on the item without changing it, with an outbox
  // change (a new entry or a retry), then wakes the sender.
  core::Result<model::Item> Queue(std::int64_t id, const Actor& actor, const std::string& event_kind,
                                  nlohmann::json details, std::optional<store::OutboxRow> entry,
                                  std::int64_t retry_id);
  // The outbox entry for `kind` on the item's comment; nullopt for platforms
  // we cannot act on, a failed entry when no page token is configured.
  std::optional<store::OutboxRow> OutboxFor(const store::ItemView& view, const char* kind,
                                            const std::string& text, const std::string& actor) const;
  bool PageConfigured(const store::CommentRow& c) const;
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
