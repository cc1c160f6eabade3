#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/clock.h"

namespace turnaround::core {
namespace {
std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};
std::mutex g_mu;  // keeps lines from interleaving

const char* LevelName(LogLevel l) {
  switch (l) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}
}  // namespace

void SetLogLevel(LogLevel level) { g_level.store(static_cast<int>(level)); }

void Log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) < g_level.load()) return;
  std::string line = FormatRfc3339(SystemClock::Instance().NowMs());
  line += ' ';
  line += LevelName(level);
  line += ' ';
  line += message;
  line += '\n';
  std::lock_guard<std::mutex> lock(g_mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace turnaround::core
