#include "http/authn.h"

#include "auth/token.h"

namespace turnaround::http {

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=') {
      return part.substr(name.size() + 1);
    }
    pos = end + 1;
  }
  return "";
}

core::Result<Principal> Authenticator::Authenticate(const httplib::Request& req) const {
  const std::string authz = req.get_header_value("Authorization");
  if (!authz.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authz.compare(0, kBearer.size(), kBearer) != 0) {
      return core::Unauthenticated("Authorization must be 'Bearer <token>'");
    }
    std::string token = authz.substr(kBearer.size());
    if (!auth::LooksLikeToken(token)) return core::Unauthenticated("malformed API token");
    auto user = users_.FindByTokenHash(auth::HashToken(token));
    if (!user.ok()) return user.status();
    return Principal{user.value(), false, ""};
  }
  const std::string session = CookieValue(req, kSessionCookie);
  if (session.empty()) return core::Unauthenticated("sign in, or send Authorization: Bearer <token>");
  auto info = users_.FindSession(auth::HashToken(session), clock_.NowMs());
  if (!info.ok()) return info.status();
  return Principal{info->user, true, info->csrf_token};
}

core::Status Authenticator::CheckCsrf(const Principal& p, const httplib::Request& req) const {
  if (!p.via_session) return core::Status::Ok();
  if (!auth::CsrfTokenMatches(p.csrf_token, req.get_header_value("X-CSRF-Token"))) {
    return core::PermissionDenied("missing or wrong X-CSRF-Token");
  }
  return core::Status::Ok();
}

std::string Authenticator::SessionCookie(const std::string& id, std::int64_t max_age_s) const {
  std::string c = std::string(kSessionCookie) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(max_age_s);
  if (secure_cookies_) c += "; Secure";
  return c;
}

std::string Authenticator::ClearedCookie() const {
  std::string c = std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  if (secure_cookies_) c += "; Secure";
  return c;
}

}  // namespace turnaround::http
