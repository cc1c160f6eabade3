// Spike detection: is the number of flagged comments in the last hour far
// above the recent hourly baseline, overall or for one category? Pure.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace turnaround::alerts {

struct SpikeSettings {
  double multiple = 3.0;      // last hour must exceed multiple × baseline hourly average
  std::int64_t min_flagged = 5;  // and be at least this many (quiet pages do not alert on 1 → 3)
  int baseline_hours = 24;    // the hours before the last one that form the baseline
};

struct Spike {
  std::string scope;  // "all" or the category
  std::int64_t last_hour = 0;
  double baseline_per_hour = 0;
};

// `last_hour` and `baseline` count flagged items per category in the last hour
// and in the `baseline_hours` before it. Returns the spikes, "all" first.
std::vector<Spike> DetectSpikes(const std::map<std::string, std::int64_t>& last_hour,
                                const std::map<std::string, std::int64_t>& baseline,
                                const SpikeSettings& settings);

}  // namespace turnaround::alerts
