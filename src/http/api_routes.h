// The JSON API for the agents' page and integrations: sign-in, the queue and
// its actions, suggestions, the PHI guard, admin rule reloads. HTTP only: the
// work is the services'. Everything referenced must outlive the server.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "core/clock.h"
#include "http/authn.h"
#include "http/login_throttle.h"
#include "http/page_cache.h"
#include "queue/queue_service.h"
#include "store/item_store.h"

namespace turnaround::http {

struct ApiContext {
  queue::QueueService& queue;
  Authenticator& authn;
  store::ItemStore& items;  // for the audit of sign-ins and reloads
  const core::Clock& clock;
  // Reloads the rules and audits the attempt under `actor`.
  std::function<core::Status(const std::string& actor)> reload_rules;
  std::function<std::string()> rules_version;
  std::int64_t session_ttl_s = 12 * 3600;
  LoginThrottle throttle;
  // The queue's first pages as rendered (http.queue_page_cache_ms).
  std::unique_ptr<PageCache> queue_pages;
};

void RegisterApiRoutes(httplib::Server& server, ApiContext& ctx);

}  // namespace turnaround::http
