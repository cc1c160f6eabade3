// IngestPipeline: one webhook delivery from raw bytes to a durable commit.
//
//   verify signature (raw body, constant time) → parse (adapter) →
//   classify each comment → DeliverySink::Write (waits for the commit)
//
// Thread behaviour: stateless apart from atomic counters; call from any
// number of HTTP handler threads at once. Borrowed references must outlive
// the pipeline.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "classify/classifier.h"
#include "core/clock.h"
#include "core/status.h"
#include "ingest/delivery.h"

namespace turnaround::ingest {

struct WebhookSecrets {
  std::string meta_app_secret;    // keys X-Hub-Signature-256
  std::string meta_verify_token;  // the GET handshake's hub.verify_token
  std::string generic_secret;     // keys X-Turnaround-Signature
};

struct DeliverySummary {
  DeliveryOutcome outcome;
  std::size_t comments = 0;          // comments the delivery carried
  std::vector<std::string> ignored;  // unknown objects/fields/items/verbs skipped
};

struct IngestCounters {
  std::uint64_t accepted = 0;
  std::uint64_t rejected = 0;
  std::uint64_t comments = 0;
  std::uint64_t ignored_changes = 0;
};

// Per (endpoint, outcome) deliveries and per platform comments, for /metrics.
struct IngestBreakdown {
  std::map<std::pair<std::string, std::string>, std::uint64_t> deliveries;  // (endpoint, accepted|rejected)
  struct PlatformCounts {
    std::uint64_t comments = 0, flagged = 0, urgent = 0;
  };
  std::map<std::string, PlatformCounts> platforms;
};

class IngestPipeline {
 public:
  IngestPipeline(WebhookSecrets secrets, const classify::ClassifierHolder& classifier,
                 DeliverySink& sink, const core::Clock& clock);

  // Meta's GET handshake. Returns the challenge to echo, or PermissionDenied
  // when the mode or token is wrong, or InvalidArgument when the challenge is
  // not a plain token (it is echoed back, so it must not carry markup).
  core::Result<std::string> VerifySubscription(std::string_view mode, std::string_view token,
                                               std::string_view challenge) const;

  // POST /webhooks/meta and /webhooks/generic. On success the delivery and its
  // comments are committed. Failures: Unauthenticated (signature),
  // InvalidArgument (payload), Unavailable/Internal (store). Every rejected
  // delivery is recorded with its reason (but not its body).
  core::Result<DeliverySummary> HandleMeta(std::string_view body, std::string_view signature);
  core::Result<DeliverySummary> HandleGeneric(std::string_view body, std::string_view signature);

  // Records a delivery the HTTP layer refused before the pipeline saw it
  // (wrong content type, too large), so the audit shows every attempt.
  void RecordRejection(std::string_view endpoint, int http_status, std::string_view reason);

  IngestCounters counters() const;
  IngestBreakdown breakdown() const;

 private:
  core::Result<DeliverySummary> Handle(std::string_view endpoint, std::string_view secret,
                                       std::string_view body, std::string_view signature,
                                       bool meta);

  const WebhookSecrets secrets_;
  const classify::ClassifierHolder& classifier_;
  DeliverySink& sink_;
  const core::Clock& clock_;
  std::atomic<std::uint64_t> accepted_{0}, rejected_{0}, comments_{0}, ignored_{0};
  mutable std::mutex mu_;
  IngestBreakdown breakdown_;  // guarded by mu_
};

}  // namespace turnaround::ingest
