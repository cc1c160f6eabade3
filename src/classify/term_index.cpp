#include "classify/term_index.h"

#include <functional>

namespace turnaround::classify {

namespace {

uint64_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

uint32_t TermIndex::Find(std::string_view t) const {
  if (slots_.empty()) return kNone;
  const uint64_t h = HashOf(t);
  const auto high = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t pos = h & mask;; pos = (pos + 1) & mask) {
    const Slot& s = slots_[pos];
    if (s.index_plus_one == 0) return kNone;
    if (s.hash_high == high && term(s.index_plus_one - 1) == t) return s.index_plus_one - 1;
  }
}

uint32_t TermIndex::Add(std::string_view t) {
  if (const uint32_t found = Find(t); found != kNone) return found;
  if ((size() + 1) * 2 > slots_.size()) Grow();
  const auto index = static_cast<uint32_t>(size());
  const uint64_t h = HashOf(t);
  arena_.append(t);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  hashes_.push_back(h);
  const size_t mask = slots_.size() - 1;
  size_t pos = h & mask;
  while (slots_[pos].index_plus_one != 0) pos = (pos + 1) & mask;
  slots_[pos] = {index + 1, static_cast<uint32_t>(h >> 32)};
  return index;
}

void TermIndex::Grow() {
  std::vector<Slot> slots(slots_.empty() ? 1024 : slots_.size() * 2);
  const size_t mask = slots.size() - 1;
  for (uint32_t i = 0; i < hashes_.size(); ++i) {
    size_t pos = hashes_[i] & mask;
    while (slots[pos].index_plus_one != 0) pos = (pos + 1) & mask;
    slots[pos] = {i + 1, static_cast<uint32_t>(hashes_[i] >> 32)};
  }
  slots_ = std::move(slots);
}

}  // namespace turnaround::classify
