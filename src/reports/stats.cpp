#include "reports/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace turnaround::reports {

std::optional<double> Quantile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  p = std::clamp(p, 0.0, 1.0);
  const double h = static_cast<double>(values.size() - 1) * p;
  const double lower = std::floor(h);
  const auto i = static_cast<std::size_t>(lower);
  if (i + 1 >= values.size()) return values.back();
  return values[i] + (h - lower) * (values[i + 1] - values[i]);
}

std::optional<double> Mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

std::optional<double> Percent(long long part, long long whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace turnaround::reports
