#include "reports/calendar.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace turnaround::reports {
namespace {

constexpr std::int64_t kDayMs = 86400000;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday.
int IsoWeekday(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

std::int64_t BigEndian(const std::string& data, std::size_t pos, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(data[pos + static_cast<std::size_t>(i)]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

bool ValidZoneName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name[0] == '/' || name.find("..") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

bool ParseHhMm(std::string_view s, int* minutes) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
  *minutes = h * 60 + m;
  return true;
}

}  // namespace


std::string UtcDayKey(std::int64_t ms) {
  int y, m, d;
  CivilFromDays(FloorDiv(ms, kDayMs), &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string IsoWeekKey(std::int64_t ms) {
  const std::int64_t days = FloorDiv(ms, kDayMs);
  // The ISO year is the year of this week's Thursday.
  const std::int64_t thursday = days - IsoWeekday(days) + 3;
  int y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  const std::int64_t week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02lld", y, static_cast<long long>(week));
  return buf;
}

std::optional<std::int64_t> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  }
  const int y = std::atoi(std::string(s.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(s.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(s.substr(8, 2)).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const std::int64_t days = DaysFromCivil(y, m, d);
  int cy, cm, cd;
  CivilFromDays(days, &cy, &cm, &cd);
  if (cm != m || cd != d) return std::nullopt;  // 2026-02-30
  return days * kDayMs;
}

core::Result<TimeZone> TimeZone::Load(const std::string& name) {
  TimeZone tz;
  tz.name_ = name;
  if (name == "UTC" || name == "Etc/UTC") return tz;
  if (!ValidZoneName(name)) return core::InvalidArgument("time zone '" + name + "' is not a zone name");
  const char* dir = std::getenv("TZDIR");
  const std::string path = std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name;
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string data = buf.str();
  auto bad = [&name] { return core::InvalidArgument("time zone '" + name + "' is unknown or its file is unreadable"); };
  if (!in || data.size() < 44 || data.compare(0, 4, "TZif") != 0) return bad();
  // RFC 8536: a v1 block with 32-bit times, then (version 2+) a second header
  // and block with 64-bit times, which we read when present.
  std::size_t pos = 0;
  int time_bytes = 4;
  for (int pass = 0; pass < 2; ++pass) {
    if (data.size() < pos + 44) return bad();
    const std::int64_t isut = BigEndian(data, pos + 20, 4), isstd = BigEndian(data, pos + 24, 4),
                       leap = BigEndian(data, pos + 28, 4), times = BigEndian(data, pos + 32, 4),
                       types = BigEndian(data, pos + 36, 4), chars = BigEndian(data, pos + 40, 4);
    if (isut < 0 || isstd < 0 || leap < 0 || times < 0 || types <= 0 || chars < 0) return bad();
    const std::size_t body = static_cast<std::size_t>(times * time_bytes + times + types * 6 + chars +
                                                      leap * (time_bytes + 4) + isstd + isut);
    if (data.size() < pos + 44 + body) return bad();
    if (pass == 0 && data[4] >= '2') {
      pos += 44 + body;
      time_bytes = 8;
      continue;
    }
    const std::size_t t0 = pos + 44, idx0 = t0 + static_cast<std::size_t>(times * time_bytes),
                      info0 = idx0 + static_cast<std::size_t>(times);
    auto offset_of = [&](std::int64_t type) {
      return static_cast<int>(BigEndian(data, info0 + static_cast<std::size_t>(type) * 6, 4));
    };
    tz.initial_offset_s_ = offset_of(0);
    for (std::int64_t i = 0; i < times; ++i) {
      const auto type = static_cast<unsigned char>(data[idx0 + static_cast<std::size_t>(i)]);
      if (type >= types) return bad();
      tz.transitions_s_.push_back(BigEndian(data, t0 + static_cast<std::size_t>(i * time_bytes), time_bytes));
      tz.offsets_s_.push_back(offset_of(type));
    }
    break;
  }
  return tz;
}

int TimeZone::OffsetAt(std::int64_t utc_ms) const {
  const std::int64_t s = FloorDiv(utc_ms, 1000);
  auto it = std::upper_bound(transitions_s_.begin(), transitions_s_.end(), s);
  if (it == transitions_s_.begin()) return initial_offset_s_;
  return offsets_s_[static_cast<std::size_t>(it - transitions_s_.begin() - 1)];
}

std::int64_t TimeZone::LocalToUtcMs(std::int64_t local_s) const {
  const int guess = OffsetAt(local_s * 1000);
  const int offset = OffsetAt((local_s - guess) * 1000);
  return (local_s - offset) * 1000;
}

core::Result<BusinessHours> BusinessHours::Parse(const std::map<std::string, std::string>& weekly, TimeZone zone) {
  static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  BusinessHours hours;
  hours.zone_ = std::move(zone);
  for (const auto& [day, text] : weekly) {
    // Capture the binding by name: clang 14 cannot capture structured bindings.
    const auto* found =
        std::find_if(std::begin(kDays), std::end(kDays), [&day = day](const char* d) { return day == d; });
    if (found == std::end(kDays)) return core::InvalidArgument(day + ": not a weekday (mon..sun)");
    auto& ranges = hours.ranges_[static_cast<std::size_t>(found - std::begin(kDays))];
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find(',', pos);
      if (end == std::string::npos) end = text.size();
      std::string_view part = std::string_view(text).substr(pos, end - pos);
      int open = 0, close = 0;
      if (part.size() != 11 || part[5] != '-' || !ParseHhMm(part.substr(0, 5), &open) ||
          !ParseHhMm(part.substr(6), &close) || close <= open) {
        return core::InvalidArgument(day + ": '" + std::string(part) + "' is not a range like 09:00-17:00");
      }
      ranges.emplace_back(open, close);
      pos = end + 1;
    }
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i) {
      if (ranges[i].first < ranges[i - 1].second) return core::InvalidArgument(day + ": ranges overlap");
    }
  }
  return hours;
}

std::int64_t BusinessHours::OpenMs(std::int64_t from_ms, std::int64_t to_ms) const {
  if (to_ms <= from_ms) return 0;
  std::int64_t total = 0;
  // Start a day early so a range that began before `from` in local time is seen.
  std::int64_t day = FloorDiv(from_ms + zone_.OffsetAt(from_ms) * 1000LL, kDayMs) - 1;
  for (;; ++day) {
    const std::int64_t day_start_utc = zone_.LocalToUtcMs(day * 86400);
    if (day_start_utc >= to_ms) break;
    for (const Range& r : ranges_[static_cast<std::size_t>(IsoWeekday(day))]) {
      const std::int64_t open = zone_.LocalToUtcMs(day * 86400 + r.first * 60LL);
      const std::int64_t close = zone_.LocalToUtcMs(day * 86400 + r.second * 60LL);
      const std::int64_t a = std::max(open, from_ms), b = std::min(close, to_ms);
      if (b > a) total += b - a;
    }
  }
  return total;
}

}  // namespace turnaround::reports
