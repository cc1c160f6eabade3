#include "http/login_throttle.h"

namespace turnaround::http {
namespace {
constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr size_t kMaxTracked = 100000;  // bounds memory under an address-spraying attack
}  // namespace

void LoginThrottle::Prune(Entry& e, std::int64_t now) const {
  while (!e.attempts.empty() && e.attempts.front() <= now - kMinuteMs) e.attempts.pop_front();
  while (!e.failures.empty() && e.failures.front() <= now - s_.window_ms) e.failures.pop_front();
}

core::Status LoginThrottle::Admit(const std::string& address, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (entries_.size() > kMaxTracked) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      Prune(it->second, now);
      it = it->second.attempts.empty() && it->second.failures.empty() && it->second.locked_until_ms <= now
               ? entries_.erase(it)
               : std::next(it);
    }
  }
  Entry& e = entries_[address];
  Prune(e, now);
  std::int64_t retry_ms = 0;
  if (e.locked_until_ms > now) {
    retry_ms = e.locked_until_ms - now;
  } else if (static_cast<int>(e.attempts.size()) >= s_.max_attempts_per_minute) {
    retry_ms = e.attempts.front() + kMinuteMs - now;
  }
  if (retry_ms > 0) {
    core::Status s(core::Code::kRateLimited, "too many sign-in attempts from this address; try again later");
    s.With("retry_after_s", std::to_string((retry_ms + 999) / 1000));
    return s;
  }
  e.attempts.push_back(now);
  return core::Status::Ok();
}

bool LoginThrottle::Failed(const std::string& address, std::int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = entries_[address];
  Prune(e, now);
  e.failures.push_back(now);
  if (static_cast<int>(e.failures.size()) >= s_.max_failures && e.locked_until_ms <= now) {
    e.locked_until_ms = now + s_.lockout_ms;
    e.failures.clear();
    return true;
  }
  return false;
}

void LoginThrottle::Succeeded(const std::string& address) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(address);
}

}  // namespace turnaround::http
