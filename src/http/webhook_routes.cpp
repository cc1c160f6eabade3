#include "http/webhook_routes.h"

#include <nlohmann/json.hpp>

#include "http/errors.h"

namespace turnaround::http {
namespace {

bool IsJson(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.rfind("application/json", 0) == 0;
}

nlohmann::json SummaryJson(const ingest::DeliverySummary& s) {
  nlohmann::json body = {{"ok", true},
                         {"delivery_id", s.outcome.delivery_id},
                         {"comments", s.comments},
                         {"created", s.outcome.created},
                         {"changed", s.outcome.changed},
                         {"unchanged", s.outcome.unchanged},
                         {"flagged", s.outcome.flagged}};
  if (!s.ignored.empty()) body["ignored"] = s.ignored;
  return body;
}

void HandlePost(const httplib::Request& req, httplib::Response& res,
                ingest::IngestPipeline& pipeline, const char* endpoint, const char* sig_header) {
  if (!IsJson(req)) {
    pipeline.RecordRejection(endpoint, 415, "content type is not application/json");
    SendError(res, 415, "unsupported_media_type", "Content-Type must be application/json");
    return;
  }
  const std::string signature = req.get_header_value(sig_header);
  auto result = std::string(endpoint) == "meta" ? pipeline.HandleMeta(req.body, signature)
                                                : pipeline.HandleGeneric(req.body, signature);
  if (!result.ok()) {
    SendError(res, result.status());
    return;
  }
  SendJson(res, 200, SummaryJson(result.value()));
}

}  // namespace

void RegisterWebhookRoutes(httplib::Server& server, ingest::IngestPipeline& pipeline) {
  server.Get("/webhooks/meta", [&pipeline](const httplib::Request& req, httplib::Response& res) {
    auto challenge = pipeline.VerifySubscription(req.get_param_value("hub.mode"),
                                                 req.get_param_value("hub.verify_token"),
                                                 req.get_param_value("hub.challenge"));
    if (!challenge.ok()) {
      SendError(res, 403, "forbidden", challenge.status().message());
      return;
    }
    res.status = 200;
    res.set_content(challenge.value(), "text/plain");
  });
  server.Post("/webhooks/meta", [&pipeline](const httplib::Request& req, httplib::Response& res) {
    HandlePost(req, res, pipeline, "meta", "X-Hub-Signature-256");
  });
  server.Post("/webhooks/generic", [&pipeline](const httplib::Request& req, httplib::Response& res) {
    HandlePost(req, res, pipeline, "generic", "X-Turnaround-Signature");
  });
}

}  // namespace turnaround::http
