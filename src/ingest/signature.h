// HMAC-SHA256 webhook signatures, checked over the raw body before any parsing.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace turnaround::ingest {

// Lower-case hex HMAC-SHA256 of `body` keyed with `secret`.
std::string HmacSha256Hex(std::string_view secret, std::string_view body);

// Checks a header value of the form "sha256=<64 hex digits>" (Meta's
// X-Hub-Signature-256 and our X-Turnaround-Signature) against `body`.
// Returns OK on a match; Unauthenticated when the header is missing, malformed
// or wrong. The comparison takes the same time wherever the digests differ.
// An empty secret never verifies (a misconfigured server must not accept all).
core::Status VerifySha256Signature(std::string_view secret, std::string_view body,
                                   std::string_view header_value);

}  // namespace turnaround::ingest
