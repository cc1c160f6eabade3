#include "http/ui_routes.h"

#include <string>

#include "http/errors.h"
#include "ui/assets.h"

namespace turnaround::http {

namespace {

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

void SetSecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cache-Control", "no-cache");
}

void Serve(const httplib::Request& req, httplib::Response& res) {
  const ui::Asset* asset = ui::FindAsset(req.path);
  SetSecurityHeaders(res);
  if (asset == nullptr) {
    SendError(res, 404, "not_found", "no page at " + req.path);
    return;
  }
  res.status = 200;
  res.set_content(std::string(asset->body), std::string(asset->content_type));
}

}  // namespace

void RegisterUiRoutes(httplib::Server& server) {
  // httplib answers HEAD with the GET handler.
  server.Get("/", Serve);
  server.Get(R"(/ui/[A-Za-z0-9._-]*)", Serve);
}

}  // namespace turnaround::http
