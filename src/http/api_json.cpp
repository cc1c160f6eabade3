#include "http/api_json.h"

#include "core/clock.h"

namespace turnaround::http {

using nlohmann::json;

json TimeJson(std::int64_t ms) { return ms ? json(core::FormatRfc3339(ms)) : json(nullptr); }

json CommentJson(const store::CommentRow& c) {
  return {{"id", c.id},
          {"platform", c.platform},
          {"external_id", c.external_id},
          {"page_id", c.page_id},
          {"post_id", c.post_id},
          {"parent_id", c.parent_id},
          {"text", c.text},
          {"author", {{"id", c.author_id}, {"name", c.author_name}}},
          {"created_at", TimeJson(c.created_at_ms)},
          {"received_at", TimeJson(c.received_at_ms)},
          {"url", c.url},
          {"state", c.state},
          {"is_ours", c.is_ours}};
}

json DeliveryJson(const store::OutboxRow& o, const store::CommentRow& c) {
  json link = nullptr;
  if (o.state == "sent" && !o.platform_id.empty() && o.kind == "reply") {
    // Facebook comment ids resolve as a path; Instagram has no comment
    // permalink, so the commented post stands in when we know it.
    if (o.platform == "facebook") link = "https://www.facebook.com/" + o.platform_id;
    else if (!c.url.empty()) link = c.url;
  }
  return {{"id", o.id},
          {"action", o.kind},
          {"state", o.state},
          {"link", link},
          {"platform_id", o.platform_id.empty() ? json(nullptr) : json(o.platform_id)},
          {"error", o.error.empty() ? json(nullptr) : json(o.error)},
          {"attempts", o.attempts},
          {"actor", o.actor},
          {"at", TimeJson(o.created_at_ms)},
          {"updated_at", TimeJson(o.updated_at_ms)}};
}

json ItemJson(const store::ItemView& v, std::int64_t now) {
  const model::Item& it = v.item;
  json replies = json::array();
  for (const auto& r : v.replies) {
    json delivery = nullptr;
    for (const auto& o : v.outbox) {
      if (o.kind == "reply" && o.reply_id == r.id) delivery = DeliveryJson(o, v.comment);
    }
    replies.push_back({{"text", r.text},
                       {"template_id", r.template_id},
                       {"agent", r.agent},
                       {"at", TimeJson(r.at_ms)},
                       {"guard_overridden", r.guard_overridden},
                       {"override_reason", r.override_reason},
                       {"delivery", std::move(delivery)}});
  }
  // The latest reply or private reply failed: the page raises the item. Not
  // for pages without a token: there nothing is posted, as before the outbox.
  bool delivery_failed = false;
  json actions = json::array();
  for (const auto& o : v.outbox) {
    if (o.kind == "reply" || o.kind == "private_reply") {
      delivery_failed = o.state == "failed" && o.error.rfind("no page token configured", 0) != 0;
    }
    if (o.kind != "reply") actions.push_back(DeliveryJson(o, v.comment));
  }
  const bool live_lease = !it.assignee.empty() && it.lease_expires_at_ms > now;
  json j = {{"id", it.id},
            {"state", model::ItemStateName(it.state)},
            {"severity", model::SeverityName(it.severity)},
            {"category", it.category},
            {"urgent_reasons", it.urgent_reasons},
            {"platform", it.platform},
            {"created_at", TimeJson(it.created_at_ms)},
            {"posted_at", TimeJson(it.posted_at_ms)},
            {"due_at", TimeJson(it.due_at_ms)},
            {"overdue", it.first_response_at_ms == 0 && model::IsOpen(it.state) && now > it.due_at_ms},
            {"first_response_at", TimeJson(it.first_response_at_ms)},
            {"resolved_at", TimeJson(it.resolved_at_ms)},
            {"assignee", live_lease ? json(it.assignee) : json(nullptr)},
            {"lease_expires_at", live_lease ? TimeJson(it.lease_expires_at_ms) : json(nullptr)},
            {"dismiss_reason", it.dismiss_reason.empty() ? json(nullptr) : json(it.dismiss_reason)},
            {"escalation", it.escalation_reason.empty()
                               ? json(nullptr)
                               : json{{"reason", it.escalation_reason}, {"to", it.escalated_to}}},
            {"comment", CommentJson(v.comment)},
            {"replies", std::move(replies)},
            {"delivery_failed", delivery_failed},
            {"moderation", {{"hidden", v.comment.state == "hidden"}, {"actions", std::move(actions)}}}};
  json verdict = json::parse(v.comment.verdict_json, nullptr, false);
  j["verdict"] = verdict.is_discarded() ? json(nullptr) : verdict;
  return j;
}

json EventJson(const model::Event& e) {
  json details = json::parse(e.details, nullptr, false);
  return {{"id", e.id},
          {"at", TimeJson(e.at_ms)},
          {"actor", e.actor},
          {"kind", e.kind},
          {"item_id", e.item_id ? json(e.item_id) : json(nullptr)},
          {"comment_id", e.comment_id ? json(e.comment_id) : json(nullptr)},
          {"details", details.is_discarded() ? json(e.details) : details},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

json DetailJson(const store::ItemDetail& d, std::int64_t now) {
  json j = ItemJson(d.view, now);
  json replies = json::array();
  for (const auto& c : d.thread_replies) replies.push_back(CommentJson(c));
  j["thread"] = {{"post_id", d.view.comment.post_id},
                 {"parent", d.parent ? CommentJson(*d.parent) : json(nullptr)},
                 {"replies", std::move(replies)}};
  json history = json::array();
  for (const auto& h : d.author_history) {
    json c = CommentJson(h.comment);
    c["item_state"] = h.item_state.empty() ? json(nullptr) : json(h.item_state);
    history.push_back(std::move(c));
  }
  j["author_history"] = std::move(history);
  json events = json::array();
  for (const auto& e : d.events) events.push_back(EventJson(e));
  j["history"] = std::move(events);
  return j;
}

json FindingsJson(const std::vector<replies::Finding>& findings) {
  json out = json::array();
  for (const auto& f : findings) {
    out.push_back({{"code", f.code},
                   {"message", f.message},
                   {"severity", replies::FindingSeverityName(f.severity)},
                   {"begin", f.begin},
                   {"end", f.end}});
  }
  return out;
}

}  // namespace turnaround::http
