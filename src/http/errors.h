// The one place a core::Code becomes an HTTP status, and the JSON error shape
// every endpoint uses: {"error": {"code": "...", "message": "..."}}.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace turnaround::http {

int HttpStatusFor(core::Code code);

// Writes `status` as a JSON error with the matching HTTP status.
void SendError(httplib::Response& res, const core::Status& status);
// Writes a JSON error with an explicit HTTP status and code name.
void SendError(httplib::Response& res, int http_status, const char* code, const std::string& message);
void SendJson(httplib::Response& res, int http_status, const nlohmann::json& body);
// The same for a body that is already JSON text (http/json_writer.h).
void SendJsonText(httplib::Response& res, int http_status, std::string body);

}  // namespace turnaround::http
