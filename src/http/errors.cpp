#include "http/errors.h"

namespace turnaround::http {

int HttpStatusFor(core::Code code) {
  switch (code) {
    case core::Code::kOk: return 200;
    case core::Code::kInvalidArgument: return 400;
    case core::Code::kUnauthenticated: return 401;
    case core::Code::kPermissionDenied: return 403;
    case core::Code::kNotFound: return 404;
    case core::Code::kConflict: return 409;
    case core::Code::kPayloadTooLarge: return 413;
    case core::Code::kUnsupportedMediaType: return 415;
    case core::Code::kRateLimited: return 429;
    case core::Code::kUnavailable: return 503;
    case core::Code::kInternal: return 500;
  }
  return 500;
}

void SendJson(httplib::Response& res, int http_status, const nlohmann::json& body) {
  res.status = http_status;
  // error_handler_t::replace: a bad byte never turns into an exception here.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void SendJsonText(httplib::Response& res, int http_status, std::string body) {
  res.status = http_status;
  res.set_content(std::move(body), "application/json");
}

void SendError(httplib::Response& res, int http_status, const char* code,
               const std::string& message) {
  SendJson(res, http_status, {{"error", {{"code", code}, {"message", message}}}});
}

void SendError(httplib::Response& res, const core::Status& status) {
  nlohmann::json error = {{"code", core::CodeName(status.code())}, {"message", status.message()}};
  for (const auto& [key, value] : status.fields()) error[key] = value;
  SendJson(res, HttpStatusFor(status.code()), {{"error", std::move(error)}});
}

}  // namespace turnaround::http
