// API tokens, session ids and CSRF tokens: random bearer secrets.
//
// An API token is "ta_" followed by 32 random bytes in unpadded base64url (46 characters).
// It is shown to its owner once; the store keeps only HashToken(token), so a leaked
// database does not leak usable tokens. Session ids should be stored the same way.
//
// Lookup pattern for a bearer token:
//   if (!auth::LooksLikeToken(bearer)) return core::Unauthenticated("bad token");
//   auto row = tokens.FindByHash(auth::HashToken(bearer));  // an indexed equality lookup
// Comparing by hash means the secret itself never meets a timing-dependent comparison.
//
// All functions are thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace turnaround::auth {

inline constexpr std::string_view kTokenPrefix = "ta_";

// A new API token. kInternal if the random generator fails.
core::Result<std::string> GenerateToken();

// true if `text` has the shape GenerateToken produces (prefix, 43 base64url characters).
// Cheap; lets callers reject garbage before touching the store.
bool LooksLikeToken(std::string_view text);

// SHA-256 of the whole token (prefix included) as 64 lower-case hex characters. Works for
// any input, so it can also hash session ids.
std::string HashToken(std::string_view token);

// A new session id for the login cookie: 32 random bytes, base64url (43 characters).
core::Result<std::string> GenerateSessionId();

// A new CSRF token (32 random bytes, base64url), bound to one session; the page echoes it
// in a header on every change, compared with CsrfTokenMatches.
core::Result<std::string> GenerateCsrfToken();

// Constant-time comparison of the CSRF token sent with a request against the session's.
// An empty expected value never matches.
bool CsrfTokenMatches(std::string_view expected, std::string_view presented);

}  // namespace turnaround::auth
