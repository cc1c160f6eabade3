// The generic signed JSON webhook for every other source (review sites,
// forms, other networks). Pure: no I/O, no clock.
//
// Body: one event object, or {"events": [event, ...]} (at most 1000). Event:
//   source      string, [a-z0-9][a-z0-9_.-]{0,31}; not "facebook"/"instagram"
//   id          string (or integer), unique within the source
//   text        string (required unless action is "delete")
//   author      {id, name} strings (required unless action is "delete")
//   created_at  RFC 3339 time (required unless action is "delete")
//   url, parent_id   optional strings
//   action      "create" (default), "edit" or "delete"
#pragma once

#include <string_view>

#include "core/status.h"
#include "ingest/delivery.h"

namespace turnaround::ingest {

// Parses and validates a generic delivery (already signature-checked). Any
// invalid event rejects the whole delivery with InvalidArgument naming the
// JSON path and what was wrong.
core::Result<ParsedDelivery> ParseGenericDelivery(std::string_view body);

}  // namespace turnaround::ingest
