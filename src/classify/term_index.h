// TermIndex: the distinct terms of the fitted models (complaint, category,
// urgent), each given a dense index, so that a comment's features are looked
// up once for all three models instead of once per model.
//
// Why: with three node-based hash maps a comment's ~60 features cost ~180
// lookups, each a few cache misses; the models took classification from
// about 190,000 to 50,000 comments/s on one core (README, Performance). One
// open-addressing table whose slots hold part of the hash (most misses are
// decided without touching the term) and one arena for the terms' text keep
// a lookup to about one or two cache lines.
//
// Thread behaviour: Find() and term() are const and safe from any number of
// threads once the index is no longer being added to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace turnaround::classify {

class TermIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The index of `term`, adding it if it is new (indexes are 0, 1, 2, ... in
  // the order terms are first added).
  uint32_t Add(std::string_view term);
  // The index of `term`, or kNone.
  uint32_t Find(std::string_view term) const;
  std::string_view term(uint32_t index) const {
    return std::string_view(arena_).substr(offsets_[index], offsets_[index + 1] - offsets_[index]);
  }
  size_t size() const { return offsets_.size() - 1; }

 private:
  struct Slot {
    uint32_t index_plus_one = 0;  // 0: empty
    uint32_t hash_high = 0;       // the hash's upper half, checked before the text
  };
  void Grow();

  std::string arena_;                    // every term's text, back to back
  std::vector<uint32_t> offsets_{0};     // term i is arena_[offsets_[i], offsets_[i + 1])
  std::vector<uint64_t> hashes_;         // by index, to rehash without rereading text
  std::vector<Slot> slots_;              // a power of two, at most half full
};

}  // namespace turnaround::classify
