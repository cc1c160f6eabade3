// The agents' web page: GET / and GET /ui/{index.html,app.css,app.js}, served
// from the copies embedded at build time (src/ui), with a strict
// Content-Security-Policy (same origin only, no inline script or style) and
// Cache-Control: no-cache so a new build is picked up on the next load.
#pragma once

#include <httplib.h>

namespace turnaround::http {

void RegisterUiRoutes(httplib::Server& server);

}  // namespace turnaround::http
