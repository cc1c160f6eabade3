#include "reconcile/remote_comment.h"

namespace turnaround::reconcile {

model::Comment ToComment(const graph::RemoteComment& remote, const ListedUnder& where) {
  model::Comment c;
  c.platform = where.platform;
  c.external_id = remote.id;
  c.page_id = where.page_id;
  c.post_id = where.post_id;
  // A reply listing may leave out the parent field; we know whose replies we read.
  c.parent_id = remote.parent_id.empty() ? where.parent_comment_id : remote.parent_id;
  if (c.parent_id == c.post_id) c.parent_id.clear();  // same rule as the webhook
  c.author_id = remote.from_id;
  c.author_name = remote.from_name;
  c.text = remote.text;
  c.created_at_ms = remote.created_at_ms;
  c.action = model::CommentAction::kCreate;
  c.from_page = !c.author_id.empty() && c.author_id == where.page_id;
  return c;
}

}  // namespace turnaround::reconcile
