#include "http/api_json.h"

#include "core/clock.h"
#include "core/json_check.h"
#include "core/json_writer.h"

namespace turnaround::http {

using nlohmann::json;

json TimeJson(std::int64_t ms) { return ms ? json(core::FormatRfc3339(ms)) : json(nullptr); }

namespace {

// Keys below are written in sorted order, the order nlohmann::json objects
// keep, so the text is the same as the tree's dump() (see json_writer.h).

void WriteTime(core::JsonWriter& w, std::int64_t ms) {
  if (ms) w.String(core::FormatRfc3339(ms));
  else w.Null();
}

void WriteStringOrNull(core::JsonWriter& w, const std::string& s) {
  if (s.empty()) w.Null();
  else w.String(s);
}

void WriteDelivery(core::JsonWriter& w, const store::OutboxRow& o, const store::CommentRow& c) {
  w.BeginObject();
  w.Key("action").String(o.kind);
  w.Key("actor").String(o.actor);
  w.Key("at");
  WriteTime(w, o.created_at_ms);
  w.Key("attempts").Int(o.attempts);
  w.Key("error");
  WriteStringOrNull(w, o.error);
  w.Key("id").Int(o.id);
  w.Key("link");
  // Only a reply that is on the platform has somewhere to link to. Facebook
  // comment ids resolve as a path; Instagram has no comment permalink, so
  // the commented post stands in when we know it.
  const bool published = o.state == "sent" && !o.platform_id.empty() && o.kind == "reply";
  if (published && o.platform == "facebook") w.String("https://www.facebook.com/" + o.platform_id);
  else if (published && !c.url.empty()) w.String(c.url);
  else w.Null();
  w.Key("platform_id");
  WriteStringOrNull(w, o.platform_id);
  w.Key("state").String(o.state);
  w.Key("updated_at");
  WriteTime(w, o.updated_at_ms);
  w.EndObject();
}

}  // namespace

void WriteCommentJson(core::JsonWriter& w, const store::CommentRow& c) {
  w.BeginObject();
  w.Key("author").BeginObject().Key("id").String(c.author_id).Key("name").String(c.author_name).EndObject();
  w.Key("created_at");
  WriteTime(w, c.created_at_ms);
  w.Key("external_id").String(c.external_id);
  w.Key("id").Int(c.id);
  w.Key("is_ours").Bool(c.is_ours);
  w.Key("page_id").String(c.page_id);
  w.Key("parent_id").String(c.parent_id);
  w.Key("platform").String(c.platform);
  w.Key("post_id").String(c.post_id);
  w.Key("received_at");
  WriteTime(w, c.received_at_ms);
  w.Key("state").String(c.state);
  w.Key("text").String(c.text);
  w.Key("url").String(c.url);
  w.EndObject();
}

json CommentJson(const store::CommentRow& c) {
  core::JsonWriter w;
  WriteCommentJson(w, c);
  return json::parse(w.str());
}

void WriteItemJson(core::JsonWriter& w, const store::ItemView& v, std::int64_t now) {
  const model::Item& it = v.item;
  const bool live_lease = !it.assignee.empty() && it.lease_expires_at_ms > now;
  w.BeginObject();
  w.Key("assignee");
  if (live_lease) w.String(it.assignee);
  else w.Null();
  w.Key("category").String(it.category);
  w.Key("comment");
  WriteCommentJson(w, v.comment);
  w.Key("created_at");
  WriteTime(w, it.created_at_ms);
  // The latest reply or private reply failed: the page raises the item. Not
  // for pages without a token: there nothing is posted, as before the outbox.
  bool delivery_failed = false;
  for (const auto& o : v.outbox) {
    if (o.kind == "reply" || o.kind == "private_reply") {
      delivery_failed = o.state == "failed" && o.error.rfind("no page token configured", 0) != 0;
    }
  }
  w.Key("delivery_failed").Bool(delivery_failed);
  w.Key("dismiss_reason");
  WriteStringOrNull(w, it.dismiss_reason);
  w.Key("due_at");
  WriteTime(w, it.due_at_ms);
  w.Key("escalation");
  if (it.escalation_reason.empty()) {
    w.Null();
  } else {
    w.BeginObject().Key("reason").String(it.escalation_reason).Key("to").String(it.escalated_to).EndObject();
  }
  w.Key("first_response_at");
  WriteTime(w, it.first_response_at_ms);
  w.Key("id").Int(it.id);
  w.Key("lease_expires_at");
  if (live_lease) WriteTime(w, it.lease_expires_at_ms);
  else w.Null();
  w.Key("moderation").BeginObject().Key("actions").BeginArray();
  for (const auto& o : v.outbox) {
    if (o.kind != "reply") WriteDelivery(w, o, v.comment);
  }
  w.EndArray().Key("hidden").Bool(v.comment.state == "hidden").EndObject();
  w.Key("overdue").Bool(it.first_response_at_ms == 0 && model::IsOpen(it.state) && now > it.due_at_ms);
  w.Key("platform").String(it.platform);
  w.Key("posted_at");
  WriteTime(w, it.posted_at_ms);
  w.Key("replies").BeginArray();
  for (const auto& r : v.replies) {
    w.BeginObject();
    w.Key("agent").String(r.agent);
    w.Key("at");
    WriteTime(w, r.at_ms);
    w.Key("delivery");
    const store::OutboxRow* delivery = nullptr;  // the last one for this reply
    for (const auto& o : v.outbox) {
      if (o.kind == "reply" && o.reply_id == r.id) delivery = &o;
    }
    if (delivery) WriteDelivery(w, *delivery, v.comment);
    else w.Null();
    w.Key("guard_overridden").Bool(r.guard_overridden);
    w.Key("override_reason").String(r.override_reason);
    w.Key("template_id").String(r.template_id);
    w.Key("text").String(r.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("resolved_at");
  WriteTime(w, it.resolved_at_ms);
  w.Key("severity").String(model::SeverityName(it.severity));
  w.Key("state").String(model::ItemStateName(it.state));
  w.Key("urgent_reasons").BeginArray();
  for (const auto& r : it.urgent_reasons) w.String(r);
  w.EndArray();
  // The verdict was written by VerdictJsonText; it is checked, not re-parsed
  // into a tree, and an unreadable one shows as null as before.
  w.Key("verdict");
  if (core::IsJsonText(v.comment.verdict_json)) w.Raw(v.comment.verdict_json);
  else w.Null();
  w.EndObject();
}

json ItemJson(const store::ItemView& v, std::int64_t now) {
  core::JsonWriter w;
  WriteItemJson(w, v, now);
  return json::parse(w.str());
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
