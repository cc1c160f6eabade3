// QueueService's actions that go to the platform through the outbox: the
// delivery of replies, hide/unhide, private replies and retries.
#include "queue/queue_service.h"

namespace turnaround::queue {

using nlohmann::json;

namespace {

bool Actionable(const std::string& platform) { return platform == "facebook" || platform == "instagram"; }

}  // namespace

bool QueueService::PageConfigured(const store::CommentRow& c) const {
  return settings_.page_configured && settings_.page_configured(c.platform, c.page_id);
}

std::optional<store::OutboxRow> QueueService::OutboxFor(const store::ItemView& view, const char* kind,
                                                        const std::string& text, const std::string& actor) const {
  const store::CommentRow& c = view.comment;
  if (!Actionable(c.platform)) return std::nullopt;
  const std::int64_t now = clock_.NowMs();
  store::OutboxRow row;
  row.comment_id = c.id;
  row.kind = kind;
  row.platform = c.platform;
  row.page_id = c.page_id;
  row.target_id = c.external_id;
  row.text = text;
  row.actor = actor;
  row.next_attempt_at_ms = now;
  row.created_at_ms = now;
  if (!PageConfigured(c)) {
    row.state = "failed";
    row.error = "no page token configured for page " + c.page_id;
  }
  return row;
}

core::Result<model::Item> QueueService::Queue(std::int64_t id, const Actor& actor, const std::string& event_kind,
                                              json details, std::optional<store::OutboxRow> entry,
                                              std::int64_t retry_id) {
  const std::int64_t now = clock_.NowMs();
  auto r = items_.Update(id, [&](const model::Item& current) -> core::Result<store::Mutation> {
    store::Mutation m;
    m.item = current;
    m.event.at_ms = now;
    m.event.actor = actor.name;
    m.event.kind = event_kind;
    m.event.details = details.dump(-1, ' ', false, json::error_handler_t::replace);
    m.outbox = entry;
    m.outbox_retry = retry_id;
    return m;
  });
  if (r.ok() && settings_.outbox_queued) settings_.outbox_queued();
  return r;
}

core::Result<model::Item> QueueService::SetHidden(std::int64_t id, const Actor& actor, bool hidden) {
  auto view = items_.Get(id);
  if (!view.ok()) return view.status();
  const char* kind = hidden ? "hide" : "unhide";
  if (!Actionable(view->comment.platform)) {
    return core::InvalidArgument(std::string("cannot ") + kind + " a " + view->comment.platform + " comment from here");
  }
  if (!PageConfigured(view->comment)) {
    return core::Conflict("no page token configured for page " + view->comment.page_id).With("code", "no_page_token");
  }
  return Queue(id, actor, std::string("item.") + kind, json::object(), OutboxFor(view.value(), kind, "", actor.name), 0);
}

PrivateReplyStatus QueueService::PrivateReplyAvailability(const store::ItemView& view) const {
  const store::CommentRow& c = view.comment;
  if (!Actionable(c.platform)) return {false, "private replies exist only on Facebook and Instagram"};
  for (const store::OutboxRow& o : view.outbox) {
    if (o.kind == "private_reply" && o.state != "failed") return {false, "a private reply was already sent for this comment"};
  }
  const std::int64_t posted = c.created_at_ms > 0 ? c.created_at_ms : c.received_at_ms;
  if (clock_.NowMs() > posted + settings_.private_reply_window_ms) {
    return {false, "the comment is more than 7 days old; the platform no longer allows a private reply"};
  }
  if (!PageConfigured(c)) return {false, "no page token configured for page " + c.page_id};
  return {true, ""};
}

core::Result<model::Item> QueueService::PrivateReply(std::int64_t id, const Actor& actor, const std::string& text) {
  auto view = items_.Get(id);
  if (!view.ok()) return view.status();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return core::InvalidArgument("text: must not be empty");
  PrivateReplyStatus status = PrivateReplyAvailability(view.value());
  if (!status.available) return core::Conflict(status.reason).With("code", "private_reply_unavailable");
  return Queue(id, actor, "item.private_reply", {{"length", text.size()}},
               OutboxFor(view.value(), "private_reply", text, actor.name), 0);
}

core::Result<model::Item> QueueService::RetryDelivery(std::int64_t id, std::int64_t outbox_id, const Actor& actor) {
  return Queue(id, actor, "item.delivery_retry", {{"outbox_id", outbox_id}}, std::nullopt, outbox_id);
}

}  // namespace turnaround::queue
