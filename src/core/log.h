// A small thread-safe logger writing one line per event to stderr.
//
// Patient data rule: callers log ids, never comment text or author names.
// Secrets are never passed to the logger.
#pragma once

#include <string_view>

namespace turnaround::core {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Messages below the level are dropped. Default kInfo; thread-safe.
void SetLogLevel(LogLevel level);
void Log(LogLevel level, std::string_view message);

inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarn(std::string_view m) { Log(LogLevel::kWarn, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

}  // namespace turnaround::core
