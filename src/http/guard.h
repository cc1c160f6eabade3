// WithRole: wraps a handler with authentication, a minimum role and, for
// requests that change something, the session's CSRF check. The
// authenticator must outlive the server.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <utility>

#include "auth/role.h"
#include "http/authn.h"
#include "http/errors.h"

namespace turnaround::http {

using RoleHandler = std::function<void(const httplib::Request&, httplib::Response&, const Principal&)>;

// 401 without valid credentials, 403 below `need` or without the CSRF token
// (when `changes`); otherwise runs `h` with the caller.
inline httplib::Server::Handler WithRole(Authenticator& authn, model::Role need, bool changes, RoleHandler h) {
  return [&authn, need, changes, h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    auto who = authn.Authenticate(req);
    if (!who.ok()) return SendError(res, who.status());
    if (!auth::RoleAtLeast(who->user.role, need)) {
      return SendError(res, core::PermissionDenied(std::string("this needs the ") + auth::RoleName(need) + " role"));
    }
    if (changes) {
      core::Status csrf = authn.CheckCsrf(*who, req);
      if (!csrf.ok()) return SendError(res, csrf);
    }
    h(req, res, *who);
  };
}

}  // namespace turnaround::http
