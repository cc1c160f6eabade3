// What an ingest adapter makes of one webhook delivery, and the port through
// which the pipeline stores it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "model/comment.h"
#include "model/verdict.h"

namespace turnaround::ingest {

// The normalized content of one delivery.
struct ParsedDelivery {
  std::vector<model::Comment> comments;
  // Unknown objects, fields, items and verbs we were sent and skipped, one
  // note each ("field=mentions"): counted and logged, never an error, because
  // Meta retries anything that is not a 200.
  std::vector<std::string> ignored;
};

// One comment ready to store, with the verdict computed before the write so
// that the writer only does I/O.
struct CommentWrite {
  model::Comment comment;
  std::optional<model::Verdict> verdict;  // absent for removals and hide/unhide
  // The verdict as JSON, serialized by the handler thread so that the single
  // writer thread does only I/O; empty means "serialize it yourself".
  std::string verdict_json;
};

// A delivery as it is recorded: accepted ones carry their comments; rejected
// ones carry only the reason (their body is not kept: an unauthenticated
// sender must not be able to fill our disk).
struct DeliveryRecord {
  std::string endpoint;  // "meta" or "generic"
  core::TimeMs received_at_ms = 0;
  bool accepted = false;
  int http_status = 200;
  std::string reason;  // why it was rejected, or notes on skipped parts
  std::string body;    // raw bytes as received (accepted deliveries only)
  std::vector<CommentWrite> writes;
};

// What storing a delivery did.
struct DeliveryOutcome {
  std::int64_t delivery_id = 0;
  int created = 0;    // comments new to us
  int changed = 0;    // edits, removals, hides that changed a stored comment
  int unchanged = 0;  // retried or duplicate changes that were already applied
  int flagged = 0;    // comments whose verdict is a complaint or urgent
};

// The durable store behind the pipeline. Implementations are thread-safe.
class DeliverySink {
 public:
  virtual ~DeliverySink() = default;
  // Stores the record and its comments in one durable transaction and returns
  // only after it has committed. On failure nothing of this delivery is
  // stored and the status says why (kUnavailable when shutting down).
  virtual core::Result<DeliveryOutcome> Write(DeliveryRecord record) = 0;
};

}  // namespace turnaround::ingest
