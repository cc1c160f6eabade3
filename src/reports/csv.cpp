#include "reports/csv.h"

#include <cmath>
#include <cstdio>

namespace turnaround::reports {

std::string CsvCell(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvRecord(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += CsvCell(cells[i]);
  }
  out += "\r\n";
  return out;
}

std::string FormatNumber(std::optional<double> value) {
  if (!value) return "";
  const double rounded = std::round(*value * 1000.0) / 1000.0;
  char buf[64];
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
  } else {
    std::snprintf(buf, sizeof buf, "%.3f", rounded);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

}  // namespace turnaround::reports
