// Comment: one platform comment normalized by an ingest adapter.
// Plain data; no behaviour, no third-party types.
#pragma once

#include <cstdint>
#include <string>

namespace turnaround::model {

// What a delivery says happened to a comment.
enum class CommentAction { kCreate, kEdit, kRemove, kHide, kUnhide };

const char* ActionName(CommentAction a);  // "create", "edit", "remove", "hide", "unhide"

struct Comment {
  // "facebook", "instagram", or the `source` of a generic webhook event.
  std::string platform;
  // The platform's id; unique per platform.
  std::string external_id;
  std::string page_id;    // Facebook page id / Instagram account id ("" if unknown)
  std::string post_id;    // post or media id ("" if unknown)
  std::string parent_id;  // parent comment id when this is a reply, else ""
  std::string author_id;  // "" when the platform did not say (e.g. a removal)
  std::string author_name;
  std::string text;
  std::string url;
  std::int64_t created_at_ms = 0;  // platform's time; 0 when unknown
  CommentAction action = CommentAction::kCreate;
  // True when the page itself wrote it: stored as our reply, never queued.
  bool from_page = false;
};

}  // namespace turnaround::model
