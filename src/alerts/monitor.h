// SpikeMonitor: checks flagged volume on a timer, records each new spike as
// an audit event ("alert.spike", at most one per scope per hour) and, when a
// URL is configured, POSTs it as JSON to an outgoing webhook.
//
// Thread behaviour: owns one periodic thread (started by Start, joined by Stop
// or the destructor). CheckNow() is also callable directly (tests).
#pragma once

#include <string>
#include <vector>

#include "alerts/spike.h"
#include "core/clock.h"
#include "core/periodic.h"
#include "store/item_store.h"

namespace turnaround::alerts {

struct MonitorSettings {
  SpikeSettings spike;
  int interval_s = 60;
  std::string webhook_url;  // "" = no outgoing webhook; http:// or https://
};

class SpikeMonitor {
 public:
  SpikeMonitor(store::ItemStore& items, const core::Clock& clock, MonitorSettings settings);
  ~SpikeMonitor();
  SpikeMonitor(const SpikeMonitor&) = delete;  // owns a thread (through timer_)
  SpikeMonitor& operator=(const SpikeMonitor&) = delete;

  void Start();
  void Stop();

  // One check; returns the spikes newly alerted.
  std::vector<Spike> CheckNow();

 private:
  void Notify(const Spike& spike, std::int64_t now_ms);

  store::ItemStore& items_;
  const core::Clock& clock_;
  const MonitorSettings settings_;
  core::PeriodicTask timer_;  // last: stopped before the members it uses go
};

}  // namespace turnaround::alerts
