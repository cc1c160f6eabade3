#include "ingest/generic.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/utf8.h"
#include "ingest/json_fields.h"

namespace turnaround::ingest {
namespace {

using detail::OptionalId;
using detail::OptionalString;
using detail::RequiredId;
using nlohmann::json;

constexpr size_t kMaxEvents = 1000;

bool ValidSource(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '_' && c != '.' && c != '-'))) return false;
  }
  return true;
}

core::Status ParseEvent(const json& ev, const std::string& path, model::Comment* c) {
  if (!ev.is_object()) return core::InvalidArgument(path + ": must be an object");
  TA_RETURN_IF_ERROR(OptionalString(ev, "source", path, &c->platform));
  if (!ValidSource(c->platform)) {
    return core::InvalidArgument(path + ".source: required, lower-case [a-z0-9_.-], at most 32");
  }
  if (c->platform == "facebook" || c->platform == "instagram") {
    return core::InvalidArgument(path + ".source: '" + c->platform +
                                 "' is reserved for the signed Meta webhook");
  }
  TA_RETURN_IF_ERROR(RequiredId(ev, "id", path, &c->external_id));
  std::string action;
  TA_RETURN_IF_ERROR(OptionalString(ev, "action", path, &action));
  if (action.empty() || action == "create") {
    c->action = model::CommentAction::kCreate;
  } else if (action == "edit") {
    c->action = model::CommentAction::kEdit;
  } else if (action == "delete") {
    c->action = model::CommentAction::kRemove;
  } else {
    return core::InvalidArgument(path + ".action: must be create, edit or delete");
  }
  const bool full = c->action != model::CommentAction::kRemove;
  auto text = ev.find("text");
  if (full && (text == ev.end() || !text->is_string())) {
    return core::InvalidArgument(path + ".text: required string");
  }
  TA_RETURN_IF_ERROR(OptionalString(ev, "text", path, &c->text));
  auto author = ev.find("author");
  if (author != ev.end() && !author->is_null()) {
    if (!author->is_object()) return core::InvalidArgument(path + ".author: must be an object");
    TA_RETURN_IF_ERROR(OptionalId(*author, "id", path + ".author", &c->author_id));
    TA_RETURN_IF_ERROR(OptionalString(*author, "name", path + ".author", &c->author_name));
  }
  if (full && c->author_id.empty()) {
    return core::InvalidArgument(path + ".author.id: required");
  }
  std::string created;
  TA_RETURN_IF_ERROR(OptionalString(ev, "created_at", path, &created));
  if (!created.empty()) {
    auto t = core::ParseRfc3339(created);
    if (!t) return core::InvalidArgument(path + ".created_at: must be an RFC 3339 time");
    c->created_at_ms = *t;
  } else if (full) {
    return core::InvalidArgument(path + ".created_at: required RFC 3339 time");
  }
  TA_RETURN_IF_ERROR(OptionalString(ev, "url", path, &c->url));
  TA_RETURN_IF_ERROR(OptionalId(ev, "parent_id", path, &c->parent_id));
  TA_RETURN_IF_ERROR(OptionalId(ev, "page_id", path, &c->page_id));
  TA_RETURN_IF_ERROR(OptionalId(ev, "post_id", path, &c->post_id));
  return core::Status::Ok();
}

}  // namespace

core::Result<ParsedDelivery> ParseGenericDelivery(std::string_view body) {
  if (!core::IsValidUtf8(body)) return core::InvalidArgument("body is not valid UTF-8");
  json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return core::InvalidArgument("body is not valid JSON");
  if (!doc.is_object()) return core::InvalidArgument("body must be a JSON object");
  ParsedDelivery out;
  auto events = doc.find("events");
  if (events == doc.end()) {
    model::Comment c;
    TA_RETURN_IF_ERROR(ParseEvent(doc, "$", &c));
    out.comments.push_back(std::move(c));
    return out;
  }
  if (!events->is_array()) return core::InvalidArgument("$.events: must be an array");
  if (events->empty()) return core::InvalidArgument("$.events: must not be empty");
  if (events->size() > kMaxEvents) {
    return core::InvalidArgument("$.events: at most " + std::to_string(kMaxEvents) + " events");
  }
  for (size_t i = 0; i < events->size(); ++i) {
    model::Comment c;
    TA_RETURN_IF_ERROR(ParseEvent((*events)[i], "$.events[" + std::to_string(i) + "]", &c));
    out.comments.push_back(std::move(c));
  }
  return out;
}

}  // namespace turnaround::ingest
