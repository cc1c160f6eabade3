// Meta webhooks (Facebook Page `feed` and Instagram `comments` /
// `live_comments`) → normalized comments. Pure: no I/O, no clock.
#pragma once

#include <string_view>

#include "core/status.h"
#include "ingest/delivery.h"

namespace turnaround::ingest {

// Parses a Meta delivery body (already signature-checked). Every entry and
// every change is handled. Unknown objects, fields, items and verbs land in
// `ignored`. A structurally wrong delivery (not JSON, `entry` not an array, a
// comment change without its id or with wrongly typed fields) is rejected
// whole with InvalidArgument naming the JSON path: nothing is half-stored.
core::Result<ParsedDelivery> ParseMetaDelivery(std::string_view body);

}  // namespace turnaround::ingest
