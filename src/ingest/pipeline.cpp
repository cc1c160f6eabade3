#include "ingest/pipeline.h"

#include <openssl/crypto.h>

#include "classify/verdict_json.h"
#include "core/log.h"
#include "ingest/generic.h"
#include "ingest/meta.h"
#include "ingest/signature.h"

namespace turnaround::ingest {

IngestPipeline::IngestPipeline(WebhookSecrets secrets, const classify::ClassifierHolder& classifier,
                               DeliverySink& sink, const core::Clock& clock)
    : secrets_(std::move(secrets)), classifier_(classifier), sink_(sink), clock_(clock) {}

core::Result<std::string> IngestPipeline::VerifySubscription(std::string_view mode,
                                                             std::string_view token,
                                                             std::string_view challenge) const {
  if (mode != "subscribe") return core::PermissionDenied("hub.mode must be subscribe");
  const std::string& want = secrets_.meta_verify_token;
  if (want.empty() || token.size() != want.size() ||
      CRYPTO_memcmp(token.data(), want.data(), want.size()) != 0) {
    return core::PermissionDenied("hub.verify_token does not match");
  }
  if (challenge.empty() || challenge.size() > 256) {
    return core::PermissionDenied("hub.challenge must be 1 to 256 characters");
  }
  for (char c : challenge) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return core::PermissionDenied("hub.challenge must be a plain token");
  }
  return std::string(challenge);
}

void IngestPipeline::RecordRejection(std::string_view endpoint, int http_status,
                                     std::string_view reason) {
  ++rejected_;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++breakdown_.deliveries[{std::string(endpoint), "rejected"}];
  }
  DeliveryRecord rec;
  rec.endpoint = endpoint;
  rec.received_at_ms = clock_.NowMs();
  rec.accepted = false;
  rec.http_status = http_status;
  rec.reason = reason;
  core::LogWarn("webhook " + std::string(endpoint) + " rejected (" + std::to_string(http_status) +
                "): " + std::string(reason));
  auto stored = sink_.Write(std::move(rec));
  if (!stored.ok()) core::LogError("could not record a rejected delivery: " + stored.status().ToString());
}

core::Result<DeliverySummary> IngestPipeline::HandleMeta(std::string_view body,
                                                         std::string_view signature) {
  return Handle("meta", secrets_.meta_app_secret, body, signature, /*meta=*/true);
}

core::Result<DeliverySummary> IngestPipeline::HandleGeneric(std::string_view body,
                                                            std::string_view signature) {
  return Handle("generic", secrets_.generic_secret, body, signature, /*meta=*/false);
}

core::Result<DeliverySummary> IngestPipeline::Handle(std::string_view endpoint,
                                                     std::string_view secret,
                                                     std::string_view body,
                                                     std::string_view signature, bool meta) {
  core::Status verified = VerifySha256Signature(secret, body, signature);
  if (!verified.ok()) {
    RecordRejection(endpoint, 401, verified.message());
    return verified;
  }
  auto parsed = meta ? ParseMetaDelivery(body) : ParseGenericDelivery(body);
  if (!parsed.ok()) {
    RecordRejection(endpoint, 400, parsed.status().message());
    return parsed.status();
  }
  DeliveryRecord rec;
  rec.endpoint = endpoint;
  rec.received_at_ms = clock_.NowMs();
  rec.accepted = true;
  rec.http_status = 200;
  rec.body = body;
  for (const std::string& note : parsed->ignored) {
    if (!rec.reason.empty()) rec.reason += "; ";
    rec.reason += "ignored " + note;
  }
  // One snapshot for the whole delivery, so a reload mid-way cannot mix rule sets.
  std::shared_ptr<const classify::Classifier> classifier = classifier_.Get();
  rec.writes.reserve(parsed->comments.size());
  for (model::Comment& c : parsed->comments) {
    CommentWrite w;
    const bool has_text = c.action == model::CommentAction::kCreate ||
                          c.action == model::CommentAction::kEdit;
    if (has_text && !c.from_page) {
      w.verdict = classifier->Classify(c.text);
      w.verdict_json = classify::VerdictJsonText(*w.verdict);
    }
    w.comment = std::move(c);
    rec.writes.push_back(std::move(w));
  }
  // (platform, flags) of each comment, kept for the metrics after the write.
  std::vector<std::pair<std::string, int>> platform_view;
  platform_view.reserve(rec.writes.size());
  for (const CommentWrite& w : rec.writes) {
    int flags = 0;
    if (w.verdict && w.verdict->flagged()) flags |= 1;
    if (w.verdict && !w.verdict->urgent_reasons.empty()) flags |= 2;
    platform_view.emplace_back(w.comment.platform, flags);
  }
  DeliverySummary summary;
  summary.comments = rec.writes.size();
  summary.ignored = std::move(parsed->ignored);
  auto stored = sink_.Write(std::move(rec));
  if (!stored.ok()) return stored.status();
  summary.outcome = stored.value();
  ++accepted_;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++breakdown_.deliveries[{std::string(endpoint), "accepted"}];
    for (const auto& w : platform_view) {
      auto& p = breakdown_.platforms[w.first];
      ++p.comments;
      if (w.second & 1) ++p.flagged;
      if (w.second & 2) ++p.urgent;
    }
  }
  comments_ += summary.comments;
  ignored_ += summary.ignored.size();
  if (!summary.ignored.empty()) {
    core::LogInfo("webhook " + std::string(endpoint) + " delivery " +
                  std::to_string(summary.outcome.delivery_id) + " skipped " +
                  std::to_string(summary.ignored.size()) + " unknown change(s): " +
                  summary.ignored.front());
  }
  return summary;
}

IngestBreakdown IngestPipeline::breakdown() const {
  std::lock_guard<std::mutex> lock(mu_);
  return breakdown_;
}

IngestCounters IngestPipeline::counters() const {
  return {accepted_.load(), rejected_.load(), comments_.load(), ignored_.load()};
}

}  // namespace turnaround::ingest
