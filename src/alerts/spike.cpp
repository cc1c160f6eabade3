#include "alerts/spike.h"

namespace turnaround::alerts {
namespace {

bool IsSpike(std::int64_t now, double baseline_per_hour, const SpikeSettings& s) {
  return now >= s.min_flagged && static_cast<double>(now) > s.multiple * baseline_per_hour;
}

}  // namespace

std::vector<Spike> DetectSpikes(const std::map<std::string, std::int64_t>& last_hour,
                                const std::map<std::string, std::int64_t>& baseline,
                                const SpikeSettings& s) {
  const double hours = s.baseline_hours > 0 ? s.baseline_hours : 1;
  std::int64_t total_now = 0, total_before = 0;
  for (const auto& [cat, n] : last_hour) total_now += n;
  for (const auto& [cat, n] : baseline) total_before += n;
  std::vector<Spike> out;
  const double total_rate = static_cast<double>(total_before) / hours;
  if (IsSpike(total_now, total_rate, s)) out.push_back({"all", total_now, total_rate});
  for (const auto& [cat, n] : last_hour) {
    auto it = baseline.find(cat);
    const double rate = it == baseline.end() ? 0.0 : static_cast<double>(it->second) / hours;
    if (IsSpike(n, rate, s)) out.push_back({cat, n, rate});
  }
  return out;
}

}  // namespace turnaround::alerts
