// Summary statistics for the reports. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <vector>

namespace turnaround::reports {

// The p-th quantile (0 <= p <= 1) by linear interpolation between closest
// ranks (Hyndman & Fan type 7, the default of R, NumPy and spreadsheets):
// sort x, h = (n - 1) * p, result = x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
// So the median of an even count is the mean of the two middle values, p90 of
// {1..10} is 9.1. nullopt for an empty input. Takes a copy because it sorts.
std::optional<double> Quantile(std::vector<double> values, double p);

// The arithmetic mean; nullopt for an empty input.
std::optional<double> Mean(const std::vector<double>& values);

// 100 * part / whole, nullopt when whole is 0.
std::optional<double> Percent(long long part, long long whole);

}  // namespace turnaround::reports
