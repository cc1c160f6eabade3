#include "http/page_cache.h"

namespace turnaround::http {

core::Result<PageCache::Body> PageCache::Get(const std::string& key, std::uint64_t generation, const Render& render) {
  if (ttl_ms_ <= 0) {
    auto body = render();
    if (!body.ok()) return body.status();
    return std::make_shared<const std::string>(std::move(body).value());
  }
  const std::int64_t now = clock_.NowMs();
  bool refresh = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.generation == generation) {
      Entry& e = it->second;
      const std::int64_t age = now - e.made_ms;
      if (age >= 0 && age < ttl_ms_) return e.body;
      // Expired: one caller renders, the others keep the old body meanwhile.
      if (e.refreshing && age >= 0 && age < 2 * ttl_ms_) return e.body;
      if (!e.refreshing) {
        e.refreshing = true;
        refresh = true;
      }
    }
  }
  auto rendered = render();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (!rendered.ok()) {
    if (refresh && it != entries_.end()) it->second.refreshing = false;
    return rendered.status();
  }
  Body body = std::make_shared<const std::string>(std::move(rendered).value());
  // A render that began before a change must not replace the entry of a
  // newer generation (the change would be hidden for ttl_ms).
  if (it != entries_.end() && it->second.generation > generation) return body;
  if (it == entries_.end() && entries_.size() >= kMaxEntries) entries_.clear();
  entries_[key] = Entry{body, now, generation, false};
  return body;
}

}  // namespace turnaround::http
