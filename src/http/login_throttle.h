// LoginThrottle: per-address limits on sign-in, against password guessing.
//
// An address may try `max_attempts_per_minute` sign-ins a minute; after
// `max_failures` failed sign-ins within `window_ms` it is locked out for
// `lockout_ms` (every try answers 429 with Retry-After). A success clears the
// address's failures. In memory: a restart forgets, which is acceptable
// because each lockout is also in the audit log. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/status.h"

namespace turnaround::http {

struct ThrottleSettings {
  int max_attempts_per_minute = 20;
  int max_failures = 5;
  std::int64_t window_ms = 15 * 60 * 1000;
  std::int64_t lockout_ms = 15 * 60 * 1000;
};

class LoginThrottle {
 public:
  LoginThrottle() : LoginThrottle(ThrottleSettings{}) {}
  explicit LoginThrottle(ThrottleSettings s) : s_(s) {}

  // OK to try now (and counts the attempt), or RateLimited whose
  // "retry_after_s" field says when to come back.
  core::Status Admit(const std::string& address, std::int64_t now_ms);
  // Returns true when this failure starts a lockout.
  bool Failed(const std::string& address, std::int64_t now_ms);
  void Succeeded(const std::string& address);

 private:
  struct Entry {
    std::deque<std::int64_t> attempts;  // within the last minute
    std::deque<std::int64_t> failures;  // within window_ms
    std::int64_t locked_until_ms = 0;
  };
  void Prune(Entry& e, std::int64_t now_ms) const;

  const ThrottleSettings s_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace turnaround::http
