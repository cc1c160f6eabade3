// A webhook delivery of one comment as the ingest pipeline hands it to the
// store, for tests that need stored comments written by the real writer.
#pragma once

#include <optional>
#include <string>

#include "ingest/delivery.h"

namespace turnaround::testing {

inline ingest::DeliveryRecord OneComment(const std::string& platform, const std::string& external_id,
                                         model::CommentAction action, const std::string& text,
                                         std::optional<model::Verdict> verdict = std::nullopt) {
  ingest::DeliveryRecord r;
  r.endpoint = "generic";
  r.accepted = true;
  ingest::CommentWrite w;
  w.comment.platform = platform;
  w.comment.external_id = external_id;
  w.comment.text = text;
  w.comment.action = action;
  w.verdict = std::move(verdict);
  r.writes.push_back(std::move(w));
  return r;
}

}  // namespace turnaround::testing
