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
//
// Since round 13 an alternative may also hold \d, \d+, a trailing \w* or
// \w+, \$ and accented Latin-1 letters (the category rules that match most
// comments are such lists: "reschedul\w+", "\$\d+", "m[eé]dico"). Each of
// those can match in one way only where the list uses it (a digit run is
// followed by a non-digit, a word run by \b), so matching stays a compare
// per alternative, with no backtracking. A list with an accented letter is
// run by RuleSet with (?i), so it folds É to é like RE2; see folds().
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
  // Also accepted inside an alternative: \d, \d+ (not followed by a digit),
  // \w* and \w+ (not first, not followed by a word character), \$ (also first: then
  // the match starts where a run of word characters ends, as \b requires),
  // and the accented letters àáâãäæçèéêëìíîïðñòóôõöøùúûüýþ.
  static constexpr std::size_t kMaxWords = 8;
  static std::unique_ptr<WordList> Parse(std::string_view pattern);

  // The bare list form "\b(alt|alt|...)\b" of a pattern that spells a small
  // finite set of strings between word boundaries, in RE2's order of
  // preference, or "" if it does not. Accepted: one or more top-level
  // alternatives each of the form \b...\b, inside them literal lower-case
  // ASCII letters, digits, '_', '\'', '-' and spaces, groups "(...)" and
  // "(?:...)" with '|', greedy '?' and classes of such characters ("[sd]"),
  // and the extra pieces Parse takes (\d, \d+, \w*, \w+, \$, accented
  // letters, also in classes: "m[eé]dico").
  // E.g. "\bstill (waiting|no(t|thing)?)\b|\bon hold\b" gives
  // "\b(still waiting|still not|still nothing|still no|on hold)\b".
  // A branch may also lack the \b after it ("\b(horas|espera)\b|\besperé"):
  // then each string keeps its own \b's, "\bhoras\b|\bespera\b|\besperé",
  // a form Parse also reads.
  // Why: many rules that match a comment are such patterns written with
  // groups; as a list, Find gives their spans without two RE2 scans. The
  // order is what makes Find agree with RE2: leftmost-first prefers earlier
  // branches of each choice, left to right, and '?' prefers taking its atom.
  // The cap was measured (callgrind, classify_bench): longer lists put many
  // alternatives under one first word, which Find compares one by one.
  static constexpr std::size_t kMaxAlternatives = 128;
  static std::string Expand(std::string_view pattern);

  // [begin, end) of the match in `lower` (ASCII-lower-cased text), if any.
  // When folds() and HasFoldTrap(lower), the answer may differ from RE2's:
  // ask RE2 instead.
  std::optional<std::pair<std::size_t, std::size_t>> Find(std::string_view lower) const;

  // The runs of word bytes of a text, [begin, end) each, in order: what Find
  // walks. A comment that several lists search is cut into runs once.
  using Runs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  static void CutRuns(std::string_view lower, Runs* runs);
  // Find with `runs` = CutRuns(lower) (lower is at most 4 GiB).
  std::optional<std::pair<std::size_t, std::size_t>> Find(std::string_view lower, const Runs& runs) const;

  // True if the list holds an accented letter. Then RuleSet runs the pattern
  // with (?i), under which RE2 also lets 'k' match the Kelvin sign and 's'
  // the long s (ſ); Find folds only upper-case accented letters.
  bool folds() const { return folds_; }
  // True if `lower` holds a Kelvin sign or a long s (see folds()).
  static bool HasFoldTrap(std::string_view lower);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // One piece of an alternative: literal bytes, or a class the text is
  // matched against greedily (never backtracked into: see Parse).
  enum class Kind : std::uint8_t { kLiteral, kDigit, kDigits, kWordsStar, kWordsPlus };
  struct Item {
    Kind kind;
    std::string literal;  // kLiteral only
  };
  struct Alternative {
    std::size_t order;  // position in the pattern: the first one wins at a start
    bool boundary_after;  // \b follows it (always in the bare form)
    std::vector<Item> items;  // a plain word or phrase is one literal
  };
  // The end of `a` matched at `start` in `lower`, \b after it included.
  std::optional<std::size_t> MatchAt(const Alternative& a, std::string_view lower, std::size_t start) const;
  // Keyed by each word's first run of word characters: a match can only
  // start where a run of the text starts, and the run must equal that key.
  // Alternatives whose first run is not fixed ("reschedul\w+", "\d+ hours")
  // are in starts_run_, those that start with a non-word byte ("\$\d+") in
  // ends_run_; each has a table of the first bytes it can match.
  std::unordered_map<std::string, std::vector<Alternative>, Hash, std::equal_to<>> by_first_run_;
  std::vector<Alternative> starts_run_, ends_run_;
  std::array<bool, 256> starts_run_first_{}, ends_run_first_{};
  bool folds_ = false;
  // Bit min(length, 31) of entry Slot (word_list.cpp: the first two bytes) is
  // set when a key of that length starts so: most runs of a comment are turned
  // away by this test, before any hashing; two bytes rather than one since
  // phrases made the keys more (round 12c).
  std::array<std::uint32_t, 1024> first_and_length_{};
};

}  // namespace turnaround::classify
