// PageCache: rendered answers of a hot read (the queue's first page, which
// every open agent page asks for every few seconds), reused for a short time
// instead of being read and rendered again for each caller.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "core/status.h"

namespace turnaround::http {

class PageCache {
 public:
  // `ttl_ms` <= 0 turns the cache off: every Get() renders.
  PageCache(const core::Clock& clock, std::int64_t ttl_ms) : clock_(clock), ttl_ms_(ttl_ms) {}

  using Body = std::shared_ptr<const std::string>;
  using Render = std::function<core::Result<std::string>()>;

  // The body for `key`, rendered by `render` unless one rendered less than
  // ttl_ms ago at the same `generation` is kept. A caller passes as
  // generation a counter of the changes it must see at once (an agent's own
  // claim); other changes show within ttl_ms. While one caller re-renders an
  // expired entry, the others get the expired body (at most 2 * ttl_ms old)
  // instead of rendering it again at the same moment; an entry of an older
  // generation is never served. A failed render is returned and not kept.
  core::Result<Body> Get(const std::string& key, std::uint64_t generation, const Render& render);

  bool enabled() const { return ttl_ms_ > 0; }
  // Entries kept at most; past it the cache starts again empty (keys are a
  // handful of filters in practice, the limit only bounds memory).
  static constexpr size_t kMaxEntries = 256;

 private:
  struct Entry {
    Body body;
    std::int64_t made_ms = 0;
    std::uint64_t generation = 0;
    bool refreshing = false;  // a caller is rendering a newer body
  };

  const core::Clock& clock_;
  const std::int64_t ttl_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace turnaround::http
