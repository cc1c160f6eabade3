// WordList: a rule pattern that is only a list of literal words or short
// phrases, "\b(word|word|two words|...)\b", matched without a regex engine.
//
// Why: the fitted lexicons (categories.rules lex.*, complaint_lexicon.rules)
// are such lists, and most comments contain one of their words. The set finds
// which rules matched in one pass; the span each verdict must report then
// cost a forward and a reverse DFA scan per matched rule (about 2,500
// instructions each). Looking the comment's word runs up in a hash map finds
// the same span for a fraction of that.
//
// Find gives exactly the match RE2 would give for the pattern on the same
// lower-cased text: the leftmost start, and at that start the first
// alternative in pattern order (RE2's leftmost-first). \b is ASCII, as in
// RE2: bytes >= 0x80 are not word characters. A test compares the two.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace turnaround::classify {

class WordList {
 public:
  // The list for `pattern` when it has that exact form, every word made of
  // lower-case ASCII letters, digits, '_', '\'' and '-' and starting with a
  // letter, digit or '_'; otherwise null (the pattern keeps using RE2). An
  // alternative may also be a phrase of up to kMaxWords such words with one
  // space between two ("call back", "on hold"): RE2 reads the space as a
  // literal, and the phrase can still only start where a run of word
  // characters starts, so it is looked up by its first run like a word.
  static constexpr std::size_t kMaxWords = 8;
  static std::unique_ptr<WordList> Parse(std::string_view pattern);

  // The bare list form "\b(alt|alt|...)\b" of a pattern that spells a small
  // finite set of strings between word boundaries, in RE2's order of
  // preference, or "" if it does not. Accepted: one or more top-level
  // alternatives each of the form \b...\b, inside them literal lower-case
  // ASCII letters, digits, '_', '\'', '-' and spaces, groups "(...)" and
  // "(?:...)" with '|', greedy '?' and classes of such characters ("[sd]").
  // E.g. "\bstill (waiting|no(t|thing)?)\b|\bon hold\b" gives
  // "\b(still waiting|still not|still nothing|still no|on hold)\b".
  // Why: many rules that match a comment are such patterns written with
  // groups; as a list, Find gives their spans without two RE2 scans. The
  // order is what makes Find agree with RE2: leftmost-first prefers earlier
  // branches of each choice, left to right, and '?' prefers taking its atom.
  // The cap was measured (callgrind, classify_bench): longer lists put many
  // alternatives under one first word, which Find compares one by one.
  static constexpr std::size_t kMaxAlternatives = 128;
  static std::string Expand(std::string_view pattern);

  // [begin, end) of the match in `lower` (ASCII-lower-cased text), if any.
  std::optional<std::pair<std::size_t, std::size_t>> Find(std::string_view lower) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct Alternative {
    std::size_t order;  // position in the pattern: the first one wins at a start
    std::string word;  // a word or a phrase, compared whole against the text
  };
  // Keyed by each word's first run of word characters: a match can only
  // start where a run of the text starts, and the run must equal that key.
  std::unordered_map<std::string, std::vector<Alternative>, Hash, std::equal_to<>> by_first_run_;
  // Bit min(length, 31) of entry Slot (word_list.cpp: the first two bytes) is
  // set when a key of that length starts so: most runs of a comment are turned
  // away by this test, before any hashing; two bytes rather than one since
  // phrases made the keys more (round 12c).
  std::array<std::uint32_t, 1024> first_and_length_{};
};

}  // namespace turnaround::classify
