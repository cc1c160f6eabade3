#include "alerts/monitor.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/log.h"

namespace turnaround::alerts {

namespace {
constexpr std::int64_t kHourMs = 60 * 60 * 1000;
}

SpikeMonitor::SpikeMonitor(store::ItemStore& items, const core::Clock& clock, MonitorSettings settings)
    : items_(items),
      clock_(clock),
      settings_(std::move(settings)),
      timer_(std::chrono::seconds(settings_.interval_s), [this] { CheckNow(); }) {}

SpikeMonitor::~SpikeMonitor() { Stop(); }

void SpikeMonitor::Start() { timer_.Start(); }

void SpikeMonitor::Stop() { timer_.Stop(); }

std::vector<Spike> SpikeMonitor::CheckNow() {
  const std::int64_t now = clock_.NowMs();
  // +1: an item created this very millisecond belongs to the last hour.
  auto last = items_.FlaggedByCategory(now - kHourMs + 1, now + 1);
  auto base = items_.FlaggedByCategory(now - kHourMs * (1 + settings_.spike.baseline_hours) + 1, now - kHourMs + 1);
  if (!last.ok() || !base.ok()) {
    core::LogError("spike check failed: " + (last.ok() ? base.status() : last.status()).ToString());
    return {};
  }
  std::vector<Spike> fresh;
  for (const Spike& s : DetectSpikes(last.value(), base.value(), settings_.spike)) {
    // One alert per scope per hour: a spike that goes on is not news every minute.
    store::ItemStore::EventFilter f;
    f.kind = "alert.spike";
    f.from_ms = now - kHourMs;
    f.limit = 200;
    auto recent = items_.Events(f);
    bool already = false;
    if (recent.ok()) {
      for (const auto& e : recent.value()) {
        auto d = nlohmann::json::parse(e.details, nullptr, false);
        if (d.is_object() && d.value("scope", std::string()) == s.scope) already = true;
      }
    }
    if (already) continue;
    Notify(s, now);
    fresh.push_back(s);
  }
  return fresh;
}

void SpikeMonitor::Notify(const Spike& s, std::int64_t now) {
  nlohmann::json body = {{"kind", "spike"},
                         {"scope", s.scope},
                         {"last_hour", s.last_hour},
                         {"baseline_per_hour", s.baseline_per_hour},
                         {"at", core::FormatRfc3339(now)}};
  model::Event e;
  e.at_ms = now;
  e.actor = "system";
  e.kind = "alert.spike";
  e.details = body.dump();
  core::Status recorded = items_.Record(e);
  if (!recorded.ok()) core::LogError("spike alert not recorded: " + recorded.ToString());
  core::LogWarn("spike: " + std::to_string(s.last_hour) + " flagged in the last hour (" + s.scope + ")");
  if (settings_.webhook_url.empty()) return;
  // Split "scheme://host[:port]/path" for cpp-httplib.
  const std::string& url = settings_.webhook_url;
  size_t scheme_end = url.find("://");
  size_t path_start = scheme_end == std::string::npos ? std::string::npos : url.find('/', scheme_end + 3);
  std::string base = url.substr(0, path_start);
  std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  httplib::Client client(base);
  client.set_connection_timeout(5, 0);
  client.set_read_timeout(5, 0);
  auto res = client.Post(path.c_str(), body.dump(), "application/json");
  if (!res || res->status >= 300) {
    core::LogWarn("spike webhook not delivered (" + (res ? std::to_string(res->status) : std::string("no answer")) + ")");
  }
}

}  // namespace turnaround::alerts
