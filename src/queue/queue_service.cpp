#include "queue/queue_service.h"

#include <nlohmann/json.hpp>

#include "auth/role.h"
#include "replies/render.h"

namespace turnaround::queue {

using nlohmann::json;

QueueService::QueueService(store::ItemStore& items,
                           std::shared_ptr<const replies::TemplateSet> templates,
                           const core::Clock& clock, QueueSettings settings)
    : items_(items), clock_(clock), settings_(std::move(settings)), templates_(std::move(templates)) {}

void QueueService::SetTemplates(std::shared_ptr<const replies::TemplateSet> templates) {
  std::lock_guard<std::mutex> lock(mu_);
  templates_ = std::move(templates);
}

std::shared_ptr<const replies::TemplateSet> QueueService::templates() const {
  std::lock_guard<std::mutex> lock(mu_);
  return templates_;
}

int QueueService::SweepExpiredLeases() {
  const std::int64_t now = clock_.NowMs();
  auto expired = items_.ExpiredLeases(now);
  if (!expired.ok()) return 0;
  int n = 0;
  for (std::int64_t id : expired.value()) {
    Action a{ActionKind::kExpireLease, "system", false, "", "", ""};
    // Another request may have renewed or released it meanwhile: then the
    // transition refuses and nothing changes, which is what we want.
    if (Act(id, a, "{}").ok()) ++n;
  }
  return n;
}

core::Result<store::QueuePage> QueueService::List(const store::QueueFilter& filter) {
  SweepExpiredLeases();
  return items_.List(filter);
}

core::Result<store::ItemDetail> QueueService::Detail(std::int64_t id) {
  SweepExpiredLeases();
  return items_.GetDetail(id);
}

core::Result<model::Item> QueueService::Act(std::int64_t id, const Action& action,
                                            const std::string& details,
                                            std::optional<store::ReplyRow> reply,
                                            std::optional<store::OutboxRow> outbox) {
  const std::int64_t now = clock_.NowMs();
  const std::int64_t lease_ms = settings_.lease_ms;
  return items_.Update(id, [&](const model::Item& current) -> core::Result<store::Mutation> {
    auto t = ApplyAction(current, action, now, lease_ms);
    if (!t.ok()) return t.status();
    store::Mutation m;
    m.item = std::move(t->item);
    m.event.at_ms = now;
    m.event.actor = action.actor;
    m.event.kind = t->event_kind;
    json d = json::parse(details, nullptr, false);
    if (!d.is_object()) d = json::object();
    d["from_state"] = model::ItemStateName(current.state);
    d["to_state"] = model::ItemStateName(m.item.state);
    m.event.details = d.dump(-1, ' ', false, json::error_handler_t::replace);
    if (reply) {
      // Copied, not moved: the store may call this again (a retried transaction).
      m.reply = reply;
      m.reply->at_ms = now;
    }
    m.outbox = outbox;
    return m;
  });
}

core::Result<model::Item> QueueService::Claim(std::int64_t id, const Actor& actor) {
  SweepExpiredLeases();
  return Act(id, {ActionKind::kClaim, actor.name, false, "", "", ""}, "{}");
}

core::Result<model::Item> QueueService::Release(std::int64_t id, const Actor& actor) {
  const bool can_override = auth::RoleAtLeast(actor.role, model::Role::kSupervisor);
  return Act(id, {ActionKind::kRelease, actor.name, can_override, "", "", ""}, "{}");
}

replies::LintOptions QueueService::LintOptionsFor(const std::string& platform) const {
  replies::LintOptions o;
  if (!settings_.contact_phone.empty()) o.allowed_phones.push_back(settings_.contact_phone);
  o.max_chars = replies::PlatformMaxChars(platform);
  return o;
}

core::Result<model::Item> QueueService::Reply(std::int64_t id, const Actor& actor,
                                              const ReplyRequest& req,
                                              std::vector<replies::Finding>* findings) {
  auto view = items_.Get(id);
  if (!view.ok()) return view.status();
  std::vector<replies::Finding> found =
      replies::LintReply(req.text, view->comment.text, LintOptionsFor(view->item.platform));
  if (findings) *findings = found;
  const bool blocked = replies::HasBlocking(found);
  std::string override_reason = req.override_guard ? req.override_reason : "";
  if (blocked && (!req.override_guard || override_reason.find_first_not_of(" \t\r\n") == std::string::npos)) {
    return core::Status(core::Code::kConflict, kGuardRefusalMessage).With("code", "phi_guard");
  }
  json details = {{"template_id", req.template_id}, {"length", req.text.size()}};
  if (blocked) {
    json codes = json::array();
    for (const auto& f : found) {
      if (f.severity == replies::FindingSeverity::kBlock) codes.push_back(f.code);
    }
    details["guard_override"] = {{"reason", override_reason}, {"codes", codes}};
  }
  store::ReplyRow row;
  row.agent = actor.name;
  row.text = req.text;
  row.template_id = req.template_id;
  row.guard_overridden = blocked;
  row.override_reason = blocked ? override_reason : "";
  Action a{ActionKind::kReply, actor.name, false, req.text, "", ""};
  // The reply and its delivery are one transaction: a recorded reply is
  // always on its way to the platform (or says why it cannot be).
  std::optional<store::OutboxRow> delivery = OutboxFor(view.value(), "reply", req.text, actor.name);
  auto result = Act(id, a, details.dump(), row, delivery);
  if (result.ok() && delivery && delivery->state == "queued" && settings_.outbox_queued) settings_.outbox_queued();
  return result;
}

core::Result<model::Item> QueueService::Resolve(std::int64_t id, const Actor& actor,
                                                const std::string& note) {
  json d = json::object();
  if (!note.empty()) d["note"] = note;
  return Act(id, {ActionKind::kResolve, actor.name, false, "", note, ""}, d.dump());
}

core::Result<model::Item> QueueService::Dismiss(std::int64_t id, const Actor& actor,
                                                const std::string& reason) {
  return Act(id, {ActionKind::kDismiss, actor.name, false, "", reason, ""},
             json{{"reason", reason}}.dump());
}

core::Result<model::Item> QueueService::Escalate(std::int64_t id, const Actor& actor,
                                                 const std::string& reason, const std::string& to) {
  return Act(id, {ActionKind::kEscalate, actor.name, false, "", reason, to},
             json{{"reason", reason}, {"to", to}}.dump());
}

core::Result<model::Item> QueueService::Note(std::int64_t id, const Actor& actor,
                                             const std::string& text) {
  return Act(id, {ActionKind::kNote, actor.name, false, text, "", ""}, json{{"text", text}}.dump());
}

core::Result<std::vector<Suggestion>> QueueService::Suggestions(std::int64_t id, const Actor& actor,
                                                                std::size_t max) {
  auto view = items_.Get(id);
  if (!view.ok()) return view.status();
  model::Verdict verdict;
  verdict.category = view->item.category;
  verdict.severity = view->item.severity;
  verdict.urgent_reasons = view->item.urgent_reasons;
  verdict.is_complaint = true;
  json stored = json::parse(view->comment.verdict_json, nullptr, false);
  if (stored.is_object()) {
    verdict.is_complaint = stored.value("is_complaint", true);
    verdict.language = stored.value("language", std::string("en"));
    if (stored.contains("matches") && stored["matches"].is_array()) {
      for (const auto& m : stored["matches"]) {
        auto rule = std::make_shared<model::RuleInfo>();
        rule->id = m.value("rule", std::string());
        rule->signal = m.value("signal", std::string());
        verdict.matches.emplace_back(std::move(rule));
      }
    }
  }
  replies::Variables vars;
  vars.author_name = view->comment.author_name;
  vars.agent_name = actor.name;
  vars.page_name = settings_.page_name;
  vars.contact_phone = settings_.contact_phone;
  vars.contact_email = settings_.contact_email;
  vars.contact_url = settings_.contact_url;
  vars.category = view->item.category;
  std::vector<Suggestion> out;
  auto set = templates();
  for (const replies::Template* t : set->Suggest(verdict, verdict.language, max, view->item.platform)) {
    replies::Rendered r = replies::Render(*t, vars);
    out.push_back({t->id, t->title, r.text, r.missing});
  }
  return out;
}

core::Result<std::vector<replies::Finding>> QueueService::Lint(const std::string& text,
                                                               std::int64_t item_id) {
  std::string original, platform;
  if (item_id) {
    auto view = items_.Get(item_id);
    if (!view.ok()) return view.status();
    original = view->comment.text;
    platform = view->item.platform;
  }
  return replies::LintReply(text, original, LintOptionsFor(platform));
}

}  // namespace turnaround::queue
