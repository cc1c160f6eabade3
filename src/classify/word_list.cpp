#include "classify/word_list.h"

#include <algorithm>
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

// True if p[i..] is one of the accented lower-case letters a list may hold:
// U+00E0..U+00FE ("\xC3\xA0".."\xC3\xBE") but the division sign, and 'å'
// (which (?i) also folds with the Angstrom sign). Under (?i) each matches
// itself and its capital, 0x20 lower in the second byte, and nothing else.
bool AccentedAt(std::string_view p, std::size_t i) {
  if (i + 1 >= p.size() || static_cast<unsigned char>(p[i]) != 0xC3) return false;
  const auto c = static_cast<unsigned char>(p[i + 1]);
  return c >= 0xA0 && c <= 0xBE && c != 0xB7 && c != 0xA5;
}

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

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
      // A class of single allowed characters: its choices exclude one
      // another, so their order does not matter. '^' and '-' between two
      // characters (a range) are refused; first or last, '-' is itself.
      const std::size_t open = pos_, close = p_.find(']', pos_);
      if (close == std::string_view::npos || close == pos_) return false;
      while (pos_ < close) {
        if (p_[pos_] == '-' && (pos_ == open || pos_ + 1 == close)) {
          atom->emplace_back(1, p_[pos_++]);
          continue;
        }
        if (AccentedAt(p_, pos_)) {
          atom->emplace_back(p_.substr(pos_, 2));
          pos_ += 2;
          continue;
        }
        const auto c = static_cast<unsigned char>(p_[pos_]);
        if ((!AllowedInWord(c) && c != ' ') || c == '-') return false;
        atom->emplace_back(1, p_[pos_++]);
      }
      ++pos_;
      return true;
    }
    if (Take("\\-") || Take("\\'")) {
      atom->emplace_back(1, p_[pos_ - 1]);
      return true;
    }
    // Kept as written for Parse, which checks where each may stand.
    for (std::string_view piece : {"\\d+", "\\w*", "\\w+", "\\d", "\\$"}) {
      if (Take(piece)) {
        atom->emplace_back(piece);
        return true;
      }
    }
    if (AccentedAt(p_, pos_)) {
      atom->emplace_back(p_.substr(pos_, 2));
      pos_ += 2;
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
  std::vector<bool> boundary_after;  // per string: its branch ends with \b
  // Top-level branches "\b...\b|\b...": one list, earlier branches first.
  do {
    std::vector<std::string> branch{""};
    if (!e.Take("\\b") || !e.Concatenation(&branch)) return "";
    all.insert(all.end(), branch.begin(), branch.end());
    boundary_after.insert(boundary_after.end(), branch.size(), e.Take("\\b"));
    if (all.size() > kMaxAlternatives) return "";
  } while (e.Take("|"));
  if (!e.AtEnd()) return "";
  const bool bare = std::find(boundary_after.begin(), boundary_after.end(), false) == boundary_after.end();
  std::string list = bare ? "\\b(" : "";
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k > 0) list += '|';
    list += bare ? all[k] : "\\b" + all[k] + (boundary_after[k] ? "\\b" : "");
  }
  return bare ? list + ")\\b" : list;
}

namespace {

// Splits one alternative of a list into items (see WordList::Parse); false if
// it holds anything else. `shape` gets the alternative with each class item
// written as the digit '0', for the checks on words and spaces.
template <typename Item, typename Kind>
bool Tokenize(std::string_view alt, std::vector<Item>* items, std::string* shape, bool* folds) {
  for (std::size_t k = 0; k < alt.size();) {
    Kind kind = Kind::kLiteral;
    std::size_t len = 1;
    if (alt.substr(k, 3) == "\\d+") {
      kind = Kind::kDigits, len = 3;
    } else if (alt.substr(k, 3) == "\\w*") {
      kind = Kind::kWordsStar, len = 3;
    } else if (alt.substr(k, 3) == "\\w+") {
      kind = Kind::kWordsPlus, len = 3;
    } else if (alt.substr(k, 2) == "\\d") {
      kind = Kind::kDigit, len = 2;
    }
    if (kind != Kind::kLiteral) {
      items->push_back({kind, ""});
      *shape += '0';
      k += len;
      continue;
    }
    std::string byte;
    if (alt.substr(k, 2) == "\\$") {
      byte = "$", len = 2;
    } else if (AccentedAt(alt, k)) {
      byte = std::string(alt.substr(k, 2)), len = 2;
      *folds = true;
    } else if (AllowedInWord(static_cast<unsigned char>(alt[k])) || alt[k] == ' ') {
      byte = std::string(1, alt[k]);
    } else {
      return false;
    }
    if (items->empty() || items->back().kind != Kind::kLiteral) items->push_back({Kind::kLiteral, ""});
    items->back().literal += byte;
    *shape += byte;
    k += len;
  }
  return true;
}

// True if the items can match in only one way, so that matching them
// greedily, left to right, finds what RE2 finds: a run of digits (or of word
// bytes) is followed by the end or by a literal that does not start with a
// digit (a word byte). A shorter run would leave a digit (a word byte) where
// that literal must start; at the end a full word run is always followed by
// \b, and a full digit run is the only one \b can follow.
template <typename Item, typename Kind>
bool Deterministic(const std::vector<Item>& items) {
  for (std::size_t k = 0; k + 1 < items.size(); ++k) {
    const bool digits = items[k].kind == Kind::kDigits;
    if (!digits && items[k].kind != Kind::kWordsStar && items[k].kind != Kind::kWordsPlus) continue;
    if (items[k + 1].kind != Kind::kLiteral) return false;
    const auto next = static_cast<unsigned char>(items[k + 1].literal[0]);
    if (digits ? IsDigit(next) : IsWord(next)) return false;
  }
  return true;
}

}  // namespace

bool WordList::HasFoldTrap(std::string_view lower) {
  return lower.find("\xE2\x84\xAA") != std::string_view::npos || lower.find("\xC5\xBF") != std::string_view::npos;
}

std::unique_ptr<WordList> WordList::Parse(std::string_view p) {
  // The bare form "\b(alt|alt)\b", or Expand's "\balt\b|\balt" (each
  // alternative between its own \b's, the one after it optional).
  std::string_view body = p;
  bool bare = true;
  if (p.size() > 8 && p.substr(0, 5) == "\\b(?:" && p.substr(p.size() - 3) == ")\\b") {
    body = p.substr(5, p.size() - 8);
  } else if (p.size() > 6 && p.substr(0, 3) == "\\b(" && p.substr(p.size() - 3) == ")\\b") {
    body = p.substr(3, p.size() - 6);
  } else {
    bare = false;
  }
  auto list = std::make_unique<WordList>();
  std::size_t order = 0, start = 0;
  for (;;) {
    const std::size_t bar = body.find('|', start);
    const std::size_t length = bar == std::string_view::npos ? std::string_view::npos : bar - start;
    std::string_view alt = body.substr(start, length);
    Alternative a{order++, true, {}};
    if (!bare) {
      if (alt.substr(0, 2) != "\\b") return nullptr;
      alt.remove_prefix(2);
      a.boundary_after = alt.size() >= 2 && alt.substr(alt.size() - 2) == "\\b";
      if (a.boundary_after) alt.remove_suffix(2);
    }
    std::string word;  // the alternative with '0' for each class item
    if (!Tokenize<Item, Kind>(alt, &a.items, &word, &list->folds_) || !Deterministic<Item, Kind>(a.items)) {
      return nullptr;
    }
    // One to kMaxWords words, each starting with a word character, one space
    // between two (a literal ' ' in RE2 matches exactly one space byte). Only
    // the first may start with '$' instead.
    std::size_t words = 1;
    for (std::size_t k = 0; k < word.size(); ++k) {
      const auto c = static_cast<unsigned char>(word[k]);
      if (k == 0 && c == '$') continue;
      if (k == 0 || word[k - 1] == ' ') {
        // A word starts with a word character (this also refuses an empty
        // word: "a  b", " a").
        if (!IsWord(c)) return nullptr;
      } else if (c == ' ') {
        if (++words > kMaxWords) return nullptr;
      }
    }
    if (word.empty() || word.back() == ' ') return nullptr;
    const Item& first = a.items.front();
    // A word run first could start with any word byte: not worth a table.
    if (first.kind == Kind::kWordsStar || first.kind == Kind::kWordsPlus) return nullptr;
    std::size_t run = 0;
    if (first.kind == Kind::kLiteral) {
      while (run < first.literal.size() && IsWord(static_cast<unsigned char>(first.literal[run]))) ++run;
    }
    if (run == 0 && first.kind == Kind::kLiteral) {
      // "\$\d+": \b before a non-word byte needs a word byte before it.
      list->ends_run_first_[static_cast<unsigned char>(first.literal[0])] = true;
      list->ends_run_.push_back(std::move(a));
    } else if (run == 0 || (run == first.literal.size() && (a.items.size() > 1 || !a.boundary_after))) {
      // The text's first run may go on past the literal, or is digits.
      for (int c = 0; c < 256; ++c) {
        const auto b = static_cast<unsigned char>(c);
        if (run > 0 ? b == static_cast<unsigned char>(first.literal[0]) : IsDigit(b)) {
          list->starts_run_first_[b] = true;
        }
      }
      list->starts_run_.push_back(std::move(a));
    } else {
      const std::string key = first.literal.substr(0, run);
      list->first_and_length_[Slot(reinterpret_cast<const unsigned char*>(key.data()), run)] |= LengthBit(run);
      list->by_first_run_[key].push_back(std::move(a));
    }
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return list;
}

std::optional<std::size_t> WordList::MatchAt(const Alternative& a, std::string_view lower,
                                             std::size_t start) const {
  const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
  const std::size_t n = lower.size();
  std::size_t pos = start;
  for (const Item& item : a.items) {
    const std::size_t from = pos;
    switch (item.kind) {
      case Kind::kLiteral: {
        const std::string& w = item.literal;
        if (w.size() > n - pos) return std::nullopt;
        for (std::size_t k = 0; k < w.size(); ++k) {
          const auto want = static_cast<unsigned char>(w[k]);
          const auto got = s[pos + k];
          // The second byte of an accented letter (AccentedAt) also matches
          // its capital's; the first bytes (0xC3) were equal.
          if (got != want && !(folds_ && k > 0 && w[k - 1] == '\xC3' && want >= 0xA0 && got == want - 0x20)) {
            return std::nullopt;
          }
        }
        pos += w.size();
        break;
      }
      case Kind::kDigit:
        if (pos == n || !IsDigit(s[pos])) return std::nullopt;
        ++pos;
        break;
      case Kind::kDigits:
        while (pos < n && IsDigit(s[pos])) ++pos;
        if (pos == from) return std::nullopt;
        break;
      case Kind::kWordsStar:
      case Kind::kWordsPlus:
        while (pos < n && IsWord(s[pos])) ++pos;
        if (pos == from && item.kind == Kind::kWordsPlus) return std::nullopt;
        break;
    }
  }
  if (!a.boundary_after) return pos;
  // \b after the match (pos > start: every alternative matches a byte).
  const bool word_before = IsWord(s[pos - 1]);
  const bool word_after = pos < n && IsWord(s[pos]);
  if (word_before == word_after) return std::nullopt;
  return pos;
}

void WordList::CutRuns(std::string_view lower, Runs* runs) {
  const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
  const std::size_t n = lower.size();
  runs->clear();
  for (std::size_t i = 0; i < n;) {
    if (!IsWord(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && IsWord(s[j])) ++j;
    runs->emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
    i = j;
  }
}

std::optional<std::pair<std::size_t, std::size_t>> WordList::Find(std::string_view lower) const {
  Runs runs;
  CutRuns(lower, &runs);
  return Find(lower, runs);
}

std::optional<std::pair<std::size_t, std::size_t>> WordList::Find(std::string_view lower, const Runs& runs) const {
  const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
  const std::size_t n = lower.size();
  // The first alternative in pattern order that matches at `at`, if any.
  std::size_t best_order = 0, best_end = 0;
  auto consider = [&](const std::vector<Alternative>& alts, std::size_t at) {
    for (const Alternative& a : alts) {
      if (best_end != 0 && a.order >= best_order) continue;
      if (const auto end = MatchAt(a, lower, at)) best_order = a.order, best_end = *end;
    }
  };
  for (const auto& [i, j] : runs) {
    // A run starts at i (a word boundary before it); a word matches here if
    // it continues the text from i and a boundary follows it.
    if ((first_and_length_[Slot(s + i, j - i)] & LengthBit(j - i)) != 0) {
      auto it = by_first_run_.find(lower.substr(i, j - i));
      if (it != by_first_run_.end()) consider(it->second, i);
    }
    if (starts_run_first_[s[i]]) consider(starts_run_, i);
    if (best_end != 0) return std::make_pair(std::size_t{i}, best_end);
    // Where the run ends, a boundary before a non-word byte.
    if (j < n && ends_run_first_[s[j]]) consider(ends_run_, j);
    if (best_end != 0) return std::make_pair(std::size_t{j}, best_end);
  }
  return std::nullopt;
}

}  // namespace turnaround::classify
