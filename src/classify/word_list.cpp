#include "classify/word_list.h"

namespace turnaround::classify {
namespace {

// A table, not four comparisons: Find tests every byte of the comment.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return t;
}();

bool IsWord(unsigned char c) { return kWordByte[c]; }

// Lower case only: upper case or non-ASCII would need RE2's (?i) folding.
bool AllowedInWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '\'' || c == '-';
}

std::uint32_t LengthBit(std::size_t length) { return std::uint32_t{1} << (length < 31 ? length : 31); }

// The filter slot of a run of word characters: its first two bytes (5 bits
// each; 0 for a one-byte run, which no word byte gives). Distinct runs may
// share a slot (digits and letters), which only lets a run through to the map.
std::size_t Slot(const unsigned char* run, std::size_t length) {
  return (static_cast<std::size_t>(run[0] & 31) << 5) | (length > 1 ? (run[1] & 31) : 0);
}

}  // namespace

std::unique_ptr<WordList> WordList::Parse(std::string_view p) {
  std::string_view body;
  if (p.size() > 8 && p.substr(0, 5) == "\\b(?:" && p.substr(p.size() - 3) == ")\\b") {
    body = p.substr(5, p.size() - 8);
  } else if (p.size() > 6 && p.substr(0, 3) == "\\b(" && p.substr(p.size() - 3) == ")\\b") {
    body = p.substr(3, p.size() - 6);
  } else {
    return nullptr;
  }
  auto list = std::make_unique<WordList>();
  std::size_t order = 0, start = 0;
  for (;;) {
    const std::size_t bar = body.find('|', start);
    const std::size_t length = bar == std::string_view::npos ? std::string_view::npos : bar - start;
    const std::string_view word = body.substr(start, length);
    // One to kMaxWords words, each starting with a word character, one space
    // between two (a literal ' ' in RE2 matches exactly one space byte).
    std::size_t words = 1;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const auto c = static_cast<unsigned char>(word[k]);
      if (k == 0 || word[k - 1] == ' ') {
        // A word starts with a word character (this also refuses an empty
        // word: "a  b", " a") that is allowed in a word (lower case).
        if (!IsWord(c) || !AllowedInWord(c)) return nullptr;
      } else if (c == ' ') {
        if (++words > kMaxWords) return nullptr;
      } else if (!AllowedInWord(c)) {
        return nullptr;
      }
    }
    if (word.empty() || word.back() == ' ') return nullptr;
    std::size_t run = 0;
    while (run < word.size() && IsWord(static_cast<unsigned char>(word[run]))) ++run;
    list->by_first_run_[std::string(word.substr(0, run))].push_back({order++, std::string(word)});
    list->first_and_length_[Slot(reinterpret_cast<const unsigned char*>(word.data()), run)] |= LengthBit(run);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return list;
}

std::optional<std::pair<std::size_t, std::size_t>> WordList::Find(std::string_view lower) const {
  const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
  const std::size_t n = lower.size();
  std::size_t i = 0;
  while (i < n) {
    if (!IsWord(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && IsWord(s[j])) ++j;
    // A run starts at i (a word boundary before it); a word matches here if
    // it continues the text from i and a boundary follows it.
    if ((first_and_length_[Slot(s + i, j - i)] & LengthBit(j - i)) == 0) {
      i = j;
      continue;
    }
    auto it = by_first_run_.find(lower.substr(i, j - i));
    if (it != by_first_run_.end()) {
      const Alternative* best = nullptr;
      for (const Alternative& a : it->second) {
        const std::size_t end = i + a.word.size();
        if (end > n || lower.compare(i, a.word.size(), a.word) != 0) continue;
        const bool word_before = IsWord(static_cast<unsigned char>(a.word.back()));
        const bool word_after = end < n && IsWord(s[end]);
        if (word_before == word_after) continue;  // no \b after the word
        if (!best || a.order < best->order) best = &a;
      }
      if (best) return std::make_pair(i, i + best->word.size());
    }
    i = j;
  }
  return std::nullopt;
}

}  // namespace turnaround::classify
