#include "ingest/meta.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/json_fields.h"

namespace turnaround::ingest {
namespace {

using detail::OptionalId;
using detail::OptionalString;
using detail::OptionalUnixSeconds;
using detail::RequiredId;
using nlohmann::json;

bool MapFeedVerb(const std::string& verb, model::CommentAction* action) {
  if (verb == "add") {
    *action = model::CommentAction::kCreate;
  } else if (verb == "edit" || verb == "edited") {  // both are seen in the wild
    *action = model::CommentAction::kEdit;
  } else if (verb == "remove" || verb == "delete") {
    *action = model::CommentAction::kRemove;
  } else if (verb == "hide") {
    *action = model::CommentAction::kHide;
  } else if (verb == "unhide") {
    *action = model::CommentAction::kUnhide;
  } else {
    return false;
  }
  return true;
}

// Facebook Page feed change whose item is "comment".
core::Status ParseFeedComment(const json& value, const std::string& page_id,
                              const std::string& path, ParsedDelivery* out) {
  std::string verb;
  TA_RETURN_IF_ERROR(OptionalString(value, "verb", path, &verb));
  model::Comment c;
  if (!MapFeedVerb(verb, &c.action)) {
    out->ignored.push_back("verb=" + (verb.empty() ? std::string("(none)") : verb));
    return core::Status::Ok();
  }
  c.platform = "facebook";
  c.page_id = page_id;
  TA_RETURN_IF_ERROR(RequiredId(value, "comment_id", path, &c.external_id));
  TA_RETURN_IF_ERROR(OptionalId(value, "post_id", path, &c.post_id));
  TA_RETURN_IF_ERROR(OptionalId(value, "parent_id", path, &c.parent_id));
  if (c.parent_id == c.post_id) c.parent_id.clear();  // a top-level comment's parent is the post
  TA_RETURN_IF_ERROR(OptionalString(value, "message", path, &c.text));
  TA_RETURN_IF_ERROR(OptionalString(value, "permalink_url", path, &c.url));
  TA_RETURN_IF_ERROR(OptionalUnixSeconds(value, "created_time", path, &c.created_at_ms));
  auto from = value.find("from");
  if (from != value.end() && !from->is_null()) {
    if (!from->is_object()) return core::InvalidArgument(path + ".from: must be an object");
    TA_RETURN_IF_ERROR(OptionalId(*from, "id", path + ".from", &c.author_id));
    TA_RETURN_IF_ERROR(OptionalString(*from, "name", path + ".from", &c.author_name));
  } else {
    // Payloads from before Graph v2.11 carry sender_id / sender_name.
    TA_RETURN_IF_ERROR(OptionalId(value, "sender_id", path, &c.author_id));
    TA_RETURN_IF_ERROR(OptionalString(value, "sender_name", path, &c.author_name));
  }
  c.from_page = !c.author_id.empty() && c.author_id == page_id;
  out->comments.push_back(std::move(c));
  return core::Status::Ok();
}

core::Status ParseInstagramComment(const json& value, const std::string& account_id,
                                   std::int64_t entry_time_ms, const std::string& path,
                                   ParsedDelivery* out) {
  model::Comment c;
  c.platform = "instagram";
  c.action = model::CommentAction::kCreate;  // Instagram only notifies new comments
  c.page_id = account_id;
  TA_RETURN_IF_ERROR(RequiredId(value, "id", path, &c.external_id));
  TA_RETURN_IF_ERROR(OptionalString(value, "text", path, &c.text));
  TA_RETURN_IF_ERROR(OptionalId(value, "parent_id", path, &c.parent_id));
  auto from = value.find("from");
  if (from != value.end() && !from->is_null()) {
    if (!from->is_object()) return core::InvalidArgument(path + ".from: must be an object");
    TA_RETURN_IF_ERROR(OptionalId(*from, "id", path + ".from", &c.author_id));
    TA_RETURN_IF_ERROR(OptionalString(*from, "username", path + ".from", &c.author_name));
  }
  auto media = value.find("media");
  if (media != value.end() && !media->is_null()) {
    if (!media->is_object()) return core::InvalidArgument(path + ".media: must be an object");
    TA_RETURN_IF_ERROR(OptionalId(*media, "id", path + ".media", &c.post_id));
  }
  c.created_at_ms = entry_time_ms;
  c.from_page = !c.author_id.empty() && c.author_id == account_id;
  out->comments.push_back(std::move(c));
  return core::Status::Ok();
}

core::Status ParseChange(const json& change, const std::string& object, const std::string& entry_id,
                         std::int64_t entry_time_ms, const std::string& path, ParsedDelivery* out) {
  if (!change.is_object()) return core::InvalidArgument(path + ": must be an object");
  std::string field;
  TA_RETURN_IF_ERROR(OptionalString(change, "field", path, &field));
  auto value = change.find("value");
  bool known = (object == "page" && field == "feed") ||
               (object == "instagram" && (field == "comments" || field == "live_comments"));
  if (!known) {
    out->ignored.push_back(object + ".field=" + (field.empty() ? std::string("(none)") : field));
    return core::Status::Ok();
  }
  if (value == change.end() || !value->is_object()) {
    return core::InvalidArgument(path + ".value: must be an object");
  }
  const std::string vpath = path + ".value";
  if (object == "instagram") {
    return ParseInstagramComment(*value, entry_id, entry_time_ms, vpath, out);
  }
  std::string item;
  TA_RETURN_IF_ERROR(OptionalString(*value, "item", vpath, &item));
  if (item != "comment") {
    out->ignored.push_back("item=" + (item.empty() ? std::string("(none)") : item));
    return core::Status::Ok();
  }
  return ParseFeedComment(*value, entry_id, vpath, out);
}

}  // namespace

core::Result<ParsedDelivery> ParseMetaDelivery(std::string_view body) {
  if (!core::IsValidUtf8(body)) return core::InvalidArgument("body is not valid UTF-8");
  json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return core::InvalidArgument("body is not valid JSON");
  if (!doc.is_object()) return core::InvalidArgument("body must be a JSON object");
  std::string object;
  core::Status s = OptionalString(doc, "object", "$", &object);
  if (!s.ok()) return s;
  ParsedDelivery out;
  if (object != "page" && object != "instagram") {
    out.ignored.push_back("object=" + (object.empty() ? std::string("(none)") : object));
    return out;
  }
  auto entries = doc.find("entry");
  if (entries == doc.end() || !entries->is_array()) {
    return core::InvalidArgument("$.entry: must be an array");
  }
  for (size_t i = 0; i < entries->size(); ++i) {
    const json& entry = (*entries)[i];
    const std::string path = "$.entry[" + std::to_string(i) + "]";
    if (!entry.is_object()) return core::InvalidArgument(path + ": must be an object");
    std::string entry_id;
    std::int64_t entry_time_ms = 0;
    if (s = OptionalId(entry, "id", path, &entry_id); !s.ok()) return s;
    if (s = OptionalUnixSeconds(entry, "time", path, &entry_time_ms); !s.ok()) return s;
    auto changes = entry.find("changes");
    if (changes == entry.end() || changes->is_null()) {
      // Messenger-style entries carry `messaging` instead; we do not take DMs.
      out.ignored.push_back(object + ".entry without changes");
      continue;
    }
    if (!changes->is_array()) return core::InvalidArgument(path + ".changes: must be an array");
    for (size_t j = 0; j < changes->size(); ++j) {
      s = ParseChange((*changes)[j], object, entry_id, entry_time_ms,
                      path + ".changes[" + std::to_string(j) + "]", &out);
      if (!s.ok()) return s;
    }
  }
  return out;
}

}  // namespace turnaround::ingest
