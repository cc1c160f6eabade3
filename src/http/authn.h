// Who is calling: API bearer tokens and the web page's session cookie with
// its CSRF token. Thread-safe; the store must outlive it.
#pragma once

#include <httplib.h>

#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "model/user.h"
#include "store/user_store.h"

namespace turnaround::http {

struct Principal {
  model::User user;
  bool via_session = false;
  std::string csrf_token;  // for sessions
};

inline constexpr const char* kSessionCookie = "ta_session";

class Authenticator {
 public:
  Authenticator(store::UserStore& users, const core::Clock& clock, bool secure_cookies)
      : users_(users), clock_(clock), secure_cookies_(secure_cookies) {}

  // Bearer token first, then the session cookie. Unauthenticated when neither
  // is present or valid.
  core::Result<Principal> Authenticate(const httplib::Request& req) const;

  // PermissionDenied unless a session request carries the right X-CSRF-Token.
  // Bearer requests need none (a browser never adds the header by itself).
  core::Status CheckCsrf(const Principal& p, const httplib::Request& req) const;

  // Set-Cookie values for a new session and for signing out.
  std::string SessionCookie(const std::string& session_id, std::int64_t max_age_s) const;
  std::string ClearedCookie() const;

  store::UserStore& users() { return users_; }

 private:
  store::UserStore& users_;
  const core::Clock& clock_;
  const bool secure_cookies_;
};

// The value of cookie `name` in the request, or "".
std::string CookieValue(const httplib::Request& req, const std::string& name);

}  // namespace turnaround::http
