// The Graph API's view of a comment → the normalized model::Comment that the
// webhook adapters (ingest/meta.cpp) produce for the same comment, so a
// comment delivered by webhook and read back by the poll dedupe to one row
// (the store is unique on platform + external id). Pure: no I/O, no clock.
#pragma once

#include <string>

#include "graph/graph_client.h"
#include "model/comment.h"

namespace turnaround::reconcile {

// Where a listed comment was found.
struct ListedUnder {
  std::string platform;  // "facebook" | "instagram"
  std::string page_id;   // the page / Instagram account the token acts for
  std::string post_id;   // the post or media whose comments were listed
  // The comment whose replies were listed, or "" for a post's own comments.
  std::string parent_comment_id;
};

// Ids are kept exactly as the platform gives them: the Graph id of a
// Facebook comment ("<postid>_<commentid>") and post ("<pageid>_<postid>")
// are the webhook's comment_id and post_id, Instagram ids are plain. As in
// the webhook, a top-level comment has no parent (Facebook reports the post
// as its parent), and `from_page` is set when the page itself wrote it.
model::Comment ToComment(const graph::RemoteComment& remote, const ListedUnder& where);

}  // namespace turnaround::reconcile
