#include "classify/word_list.h"

#include <string>
#include <vector>

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

// Reads the subset of RE2 syntax WordList::Expand accepts and spells out the
// strings it matches, in RE2's leftmost-first order of preference. Anything
// else (escapes, repeats, other classes, flags) makes it give up.
class Expander {
 public:
  explicit Expander(std::string_view p) : p_(p) {}

  bool AtEnd() const { return pos_ == p_.size(); }
  bool Take(std::string_view token) {
    if (p_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }

  // Appends to every string of *strings each string of the atoms up to the
  // next '|', ')', "\b" or the end: for "a(b|c)d" that is abd, acd (earlier
  // choices vary slowest, as RE2 prefers them).
  bool Concatenation(std::vector<std::string>* strings) {
    while (!AtEnd() && p_[pos_] != '|' && p_[pos_] != ')' && p_.substr(pos_, 2) != "\\b") {
      std::vector<std::string> atom;
      if (!Atom(&atom)) return false;
      if (Take("?")) {
        if (Take("?")) return false;  // lazy: prefers skipping; not needed by the rules
        atom.emplace_back();          // greedy: taking the atom comes first
      }
      if (!AtEnd() && (p_[pos_] == '*' || p_[pos_] == '+' || p_[pos_] == '{')) return false;
      if (strings->size() * atom.size() > WordList::kMaxAlternatives) return false;
      std::vector<std::string> next;
      next.reserve(strings->size() * atom.size());
      for (const std::string& before : *strings) {
        for (const std::string& a : atom) next.push_back(before + a);
      }
      strings->swap(next);
    }
    return true;
  }

 private:
  // The strings of one alternation, up to its closing ')'.
  bool Alternation(std::vector<std::string>* out) {
    do {
      std::vector<std::string> branch{""};
      if (!Concatenation(&branch)) return false;
      out->insert(out->end(), branch.begin(), branch.end());
      if (out->size() > WordList::kMaxAlternatives) return false;
    } while (Take("|"));
    return true;
  }

  bool Atom(std::vector<std::string>* atom) {
    if (Take("(")) {
      Take("?:");
      if (!AtEnd() && p_[pos_] == '?') return false;  // flags, named groups
      return Alternation(atom) && Take(")");
    }
    if (Take("[")) {
      // A class of single allowed bytes: its choices exclude one another, so
      // their order does not matter. '-' (a range), '^' and non-ASCII (one
      // character of several bytes) are refused.
      const std::size_t close = p_.find(']', pos_);
      if (close == std::string_view::npos || close == pos_) return false;
      for (; pos_ < close; ++pos_) {
        if (!AllowedInWord(static_cast<unsigned char>(p_[pos_])) || p_[pos_] == '-') return false;
        atom->emplace_back(1, p_[pos_]);
      }
      ++pos_;
      return true;
    }
    if (Take("\\-") || Take("\\'")) {
      atom->emplace_back(1, p_[pos_ - 1]);
      return true;
    }
    const auto c = static_cast<unsigned char>(p_[pos_]);
    if (!AllowedInWord(c) && c != ' ') return false;
    atom->emplace_back(1, p_[pos_++]);
    return true;
  }

  std::string_view p_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string WordList::Expand(std::string_view pattern) {
  Expander e(pattern);
  std::vector<std::string> all;
  // Top-level branches "\b...\b|\b...\b": one list, earlier branches first.
  do {
    std::vector<std::string> branch{""};
    if (!e.Take("\\b") || !e.Concatenation(&branch) || !e.Take("\\b")) return "";
    all.insert(all.end(), branch.begin(), branch.end());
    if (all.size() > kMaxAlternatives) return "";
  } while (e.Take("|"));
  if (!e.AtEnd()) return "";
  std::string list = "\\b(";
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k > 0) list += '|';
    list += all[k];
  }
  return list + ")\\b";
}

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
