// Byte encodings and secure randomness shared by the auth primitives.
// All functions are pure or thread-safe (OpenSSL's RAND_bytes is thread-safe in 3.x).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace turnaround::auth {

// `n` bytes from OpenSSL's CSPRNG. kInternal if the generator fails (no entropy);
// callers must not fall back to a weaker source.
core::Result<std::string> RandomBytes(std::size_t n);

// Standard alphabet (A-Z a-z 0-9 + /), no '=' padding (the PHC string convention).
std::string Base64Encode(std::string_view bytes);
// URL-safe alphabet (A-Z a-z 0-9 - _), no padding: safe in URLs, cookies and headers.
std::string Base64UrlEncode(std::string_view bytes);

// Strict inverses of the two encoders: nullopt for any character outside the alphabet,
// for padding, for an impossible length (4k+1) and for non-zero unused trailing bits, so
// every accepted text has exactly one decoding and one encoding.
std::optional<std::string> Base64Decode(std::string_view text);
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Lower-case hex, two characters per byte.
std::string HexEncode(std::string_view bytes);

// Equality whose running time depends only on the lengths, not on where the inputs
// differ. Lengths are not secret here (tokens and digests have fixed sizes), so inputs of
// different length compare unequal at once.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace turnaround::auth
