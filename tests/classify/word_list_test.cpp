#include "classify/word_list.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <re2/re2.h>
#include <string>
#include <vector>

using turnaround::classify::WordList;

namespace {

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return s;
}

// What RE2 reports for the pattern on the lower-cased text: the reference.
std::optional<std::pair<size_t, size_t>> Re2Find(const RE2& re, const std::string& lower) {
  re2::StringPiece found;
  if (!re.Match(lower, 0, lower.size(), RE2::UNANCHORED, &found, 1)) return std::nullopt;
  const size_t begin = static_cast<size_t>(found.data() - lower.data());
  return std::make_pair(begin, begin + found.size());
}

// The pattern as RuleSet runs it on lower-cased text: with (?i) when it holds
// an accented letter (which the lower-casing leaves as it is).
std::string AsRun(const std::string& p) {
  for (char c : p) {
    if (static_cast<unsigned char>(c) >= 0x80) return "(?i)" + p;
  }
  return p;
}

// Every pattern line of the shipped rules for which `take` is true.
template <typename Take>
std::vector<std::string> ShippedPatterns(Take take) {
  std::vector<std::string> out;
  for (const auto& f : std::filesystem::directory_iterator(TURNAROUND_SOURCE_DIR "/rules")) {
    if (f.path().extension() != ".rules") continue;
    std::ifstream in(f.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("pattern: ", 0) == 0 && take(line.substr(9))) out.push_back(line.substr(9));
    }
  }
  return out;
}

// The labelled comments, then each again with four bytes damaged.
std::vector<std::string> RealAndDamagedComments() {
  std::vector<std::string> texts;
  std::ifstream in(TURNAROUND_SOURCE_DIR "/tests/data/classify/healthcare.jsonl");
  std::string line;
  while (std::getline(in, line)) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  REQUIRE(texts.size() > 400);
  std::mt19937 rng(1129);
  const std::string noise = "'-_ .,\xc3\xa9\xe2\x80\x99" "0123456789abcxyz";
  const size_t real = texts.size();
  for (size_t i = 0; i < real; ++i) {
    std::string t = texts[i];
    for (int e = 0; e < 4 && !t.empty(); ++e) t[rng() % t.size()] = noise[rng() % noise.size()];
    texts.push_back(t);
  }
  return texts;
}

// Requires every pattern's list (`to_list` of it) to find in every real and
// damaged comment what RE2 finds; returns how many of those were matches.
template <typename ToList>
size_t RequireAgreesOnComments(const std::vector<std::string>& patterns, ToList to_list) {
  const std::vector<std::string> texts = RealAndDamagedComments();
  size_t found = 0;
  for (const std::string& p : patterns) {
    auto list = WordList::Parse(to_list(p));
    REQUIRE(list);
    RE2 re(AsRun(p));
    REQUIRE(re.ok());
    for (const std::string& t : texts) {
      const std::string lower = Lower(t);
      if (list->folds() && WordList::HasFoldTrap(lower)) continue;  // RuleSet asks RE2
      const auto want = Re2Find(re, lower);
      if (want) ++found;
      INFO(p.substr(0, 80) << " on " << t);
      REQUIRE(list->Find(lower) == want);
    }
  }
  return found;
}

// Every pattern, parsed as a word list, finds in every (lower-cased) text the
// span RE2 finds.
void CheckAgreesWithRe2(const std::vector<std::string>& patterns, const std::vector<std::string>& texts) {
  for (const std::string& p : patterns) {
    auto list = WordList::Parse(p);
    REQUIRE(list);
    RE2 re(AsRun(p));
    REQUIRE(re.ok());
    for (const std::string& t : texts) {
      const std::string lower = Lower(t);
      if (list->folds() && WordList::HasFoldTrap(lower)) continue;  // RuleSet asks RE2
      INFO(p << " on " << t);
      CHECK(list->Find(lower) == Re2Find(re, lower));
    }
  }
}

}  // namespace

TEST_CASE("WordList takes only a bare list of literal words", "[classify]") {
  CHECK(WordList::Parse("\\b(late|billed|patient's|co-pay)\\b"));
  CHECK(WordList::Parse("\\b(?:late|rude)\\b"));
  CHECK_FALSE(WordList::Parse("\\b(late|rude)"));          // no boundary after
  CHECK_FALSE(WordList::Parse("\\b(late|ru.e)\\b"));       // a metacharacter
  CHECK_FALSE(WordList::Parse("\\b(late|Rude)\\b"));       // upper case needs (?i) on the text
  CHECK(WordList::Parse("\\b(late|diagnóstico)\\b"));  // an accented letter: folded as (?i) does
  CHECK_FALSE(WordList::Parse("\\b(late|\xc3\xa5s)\\b"));  // except 'å', which (?i) also folds with U+212B
  CHECK_FALSE(WordList::Parse("\\b(late||rude)\\b"));      // an empty alternative
  CHECK_FALSE(WordList::Parse("\\b('late)\\b"));           // must start with a word character
  CHECK_FALSE(WordList::Parse("\\b(a)\\b(b)\\b"));
}

TEST_CASE("WordList takes phrases of up to eight words with one space between two", "[classify]") {
  CHECK(WordList::Parse("\\b(call back|on hold|late)\\b"));
  CHECK(WordList::Parse("\\b(?:no one|no one called|patient's chart)\\b"));
  CHECK_FALSE(WordList::Parse("\\b(call  back)\\b"));          // two spaces
  CHECK_FALSE(WordList::Parse("\\b(call back )\\b"));          // a space at the end
  CHECK_FALSE(WordList::Parse("\\b( call back)\\b"));          // a space at the start
  CHECK_FALSE(WordList::Parse("\\b(late| on hold)\\b"));
  CHECK_FALSE(WordList::Parse("\\b(call 'back)\\b"));          // a word must start with a word character
  CHECK(WordList::Parse("\\b(no one ever called)\\b"));
  CHECK_FALSE(WordList::Parse("\\b(no one ever called me back in two weeks)\\b"));  // nine words
  CHECK_FALSE(WordList::Parse("\\b(call\\sback)\\b"));         // an escape, not a literal space
  CHECK_FALSE(WordList::Parse("\\b(call\tback)\\b"));          // a tab is not a space
  CHECK_FALSE(WordList::Parse("\\b(call Back)\\b"));
}

TEST_CASE("WordList finds the span RE2 finds: leftmost start and first alternative", "[classify]") {
  const std::vector<std::string> patterns = {"\\b(patient|patient's|pat)\\b", "\\b(patient's|patient)\\b",
                                             "\\b(co-|co-pay|pay)\\b", "\\b(x_1|9am|late')\\b"};
  const std::vector<std::string> texts = {"the patient's chart",  "patient's",     "patients",     "co-pay was co-",
                                          "co-op",                "a co- b",       "late' ok",     "x_1 9am",
                                          "ÉLpatient patient",    "pat-patient",   "",             "9amx 9am_ late'",
                                          "caf\xc3\xa9patient's", "patient'sx",    "coco-pay pay"};
  CheckAgreesWithRe2(patterns, texts);
}

TEST_CASE("WordList agrees with RE2 on the shipped lexicons over real and damaged comments", "[classify]") {
  const std::vector<std::string> patterns = ShippedPatterns([](const std::string& p) { return WordList::Parse(p) != nullptr; });
  // The fitted lexicons are such lists (the speed-up depends on it).
  REQUIRE(patterns.size() >= 30);
  const size_t found = RequireAgreesOnComments(patterns, [](const std::string& p) { return p; });
  CHECK(found > 1000);  // the comparison saw many matches, not only misses
}

TEST_CASE("WordList finds the span RE2 finds for phrases", "[classify]") {
  const std::vector<std::string> patterns = {
      "\\b(no one|no|one)\\b",                       // a phrase before its own first word
      "\\b(no|no one|one)\\b",                       // the word first: it wins at that start
      "\\b(on hold|hold on|on hold for|hold)\\b",    // overlapping phrases, a longer one later
      "\\b(on hold for|on hold)\\b",                 // the longer one first
      "\\b(call back|back|called back|call)\\b",
      "\\b(co- pay|co-|pay 9am|x_1 y)\\b",           // a word ending in '-', digits, '_'
      "\\b(patient's chart|patient|chart)\\b",
      "\\b(a b c|a b|b c|c)\\b",
  };
  const std::vector<std::string> texts = {"no one called back",  "no  one",           "no-one",
                                          "noone one",           "no one_",           "no one1",
                                          "1no one",             "on hold for hours", "on hold",
                                          "hold on hold for",    "on holdfor",        "on hold fo",
                                          "ON HOLD",             "caf\xc3\xa9 on hold", "on hold\xc3\xa9",
                                          "\xc3\xa9no one",      "call backed call back", "called back!",
                                          "co- pay co-pay",      "co-  pay pay 9am",  "x_1 y x_1 y_",
                                          "patient's chart",     "patient's  chart",  "patients chart",
                                          "a b c",               "a b  c",            "a bc b c",
                                          "",                    " ",                 "on\thold",
                                          "on\nhold",            "on hold.",          "_on hold",
                                          "hold"};
  CheckAgreesWithRe2(patterns, texts);
}

TEST_CASE("WordList agrees with RE2 on random phrase lists over random texts", "[classify]") {
  // A small vocabulary so that phrases overlap, repeat and nest often.
  const std::vector<std::string> vocab = {"no", "one", "on", "hold", "call", "back", "co-", "x_1", "9am", "it's", "a"};
  const std::vector<std::string> gaps = {" ", " ", " ", "  ", "-", "_", "'", ".", ",", "\t", "\xc3\xa9", "\xe2\x80\x99",
                                         "1", "x", "\n", "!"};
  std::mt19937 rng(20261129);
  size_t found = 0, compared = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> alternatives;
    const size_t n = 1 + rng() % 6;
    while (alternatives.size() < n) {
      std::string alt = vocab[rng() % vocab.size()];
      const size_t extra = rng() % 3;  // up to three words
      for (size_t w = 0; w < extra; ++w) alt += " " + vocab[rng() % vocab.size()];
      alternatives.push_back(alt);
    }
    std::string p = "\\b(";
    for (size_t k = 0; k < alternatives.size(); ++k) p += (k ? "|" : "") + alternatives[k];
    p += ")\\b";
    auto list = WordList::Parse(p);
    RE2 re(p);
    REQUIRE(re.ok());
    // RE2 needs "-" and "'" unescaped outside classes: they are literals; "co-" starts
    // with a word character, so every generated list is of the accepted form.
    REQUIRE(list);
    for (int t = 0; t < 60; ++t) {
      std::string text = (rng() % 3 == 0) ? gaps[rng() % gaps.size()] : "";
      const size_t words = rng() % 9;
      for (size_t w = 0; w < words; ++w) {
        text += vocab[rng() % vocab.size()];
        text += gaps[rng() % gaps.size()];
      }
      if (!text.empty() && rng() % 2) text.pop_back();  // end on a word as often as not
      const auto want = Re2Find(re, text);
      if (want) ++found;
      ++compared;
      INFO(p << " on " << text);
      REQUIRE(list->Find(text) == want);
    }
  }
  CHECK(compared == 300 * 60);
  CHECK(found > 3000);
}

TEST_CASE("WordList::Expand spells a finite pattern as a list, in RE2's order", "[classify]") {
  CHECK(WordList::Expand("\\bstill (waiting|no(t|thing)?)\\b|\\bon hold\\b") ==
        "\\b(still waiting|still not|still nothing|still no|on hold)\\b");
  CHECK(WordList::Expand("\\b(?:refuse[sd]?|can'?t) help\\b") ==
        "\\b(refuses help|refused help|refuse help|can't help|cant help)\\b");
  CHECK(WordList::Expand("\\bco\\-pay\\b") == "\\b(co-pay)\\b");
  CHECK(WordList::Expand("\\b(a|b)\\b") == "\\b(a|b)\\b");
  // Refused: anything that is not a short finite list between \b's.
  for (const char* p : {"\\bwaits*\\b", "\\bwaits+\\b", "\\bwa{2}\\b",
                        "\\bwaits??\\b", "\\bm[e\xc3\x89]dico\\b", "\\b[a-z]\\b", "\\b[^a]\\b", "wait\\b",
                        "\\bwait\\b|wait", "\\bon\\b hold\\b", "(?i)\\bwait\\b", "\\b(?i:wait)\\b",
                        "\\bwait.\\b", "\\b(wait\\b", "\\bwait)\\b", "\\b(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)(o|p)(q|r)(s|t)\\b"}) {
    INFO(p);
    CHECK(WordList::Expand(p).empty());
  }
}

TEST_CASE("WordList::Expand takes digits, word runs, dollars, accents and an open end", "[classify]") {
  CHECK(WordList::Expand("\\b(\\d+|two) (hours?|hrs)\\b") ==
        "\\b(\\d+ hours|\\d+ hour|\\d+ hrs|two hours|two hour|two hrs)\\b");
  CHECK(WordList::Expand("\\b(\\$\\d+|reschedul\\w+|m[e\xc3\xa9]dico|no[- ]show)\\b") ==
        "\\b(\\$\\d+|reschedul\\w+|medico|m\xc3\xa9" "dico|no-show|no show)\\b");
  CHECK(WordList::Expand("\\b(horas|espera)\\b|\\besper\xc3\xa9") == "\\bhoras\\b|\\bespera\\b|\\besper\xc3\xa9");
  // Spelt out, but not a list Parse takes: a run that could also stop short
  // (before a digit or a word byte the pattern wants next), or that starts it.
  for (const char* p : {"\\bwait\\w*s\\b", "\\b\\d+1\\b", "\\b\\w+\\d\\b", "\\b\\w+\\b", "\\b(\\w+ )?ok\\b"}) {
    INFO(p);
    CHECK_FALSE(WordList::Parse(WordList::Expand(p)));
  }
}

TEST_CASE("WordList finds the span RE2 finds with the extra pieces", "[classify]") {
  const std::vector<std::string> patterns = {
      WordList::Expand("\\b(\\$\\d+|pay|\\d+ (hours?|hrs)|hour \\d+|\\d steps)\\b"),
      WordList::Expand("\\b(reschedul\\w+|confidential\\w*|my \\w+ like|co-\\w*|re\\w*)\\b"),
      WordList::Expand("\\b(m[e\xc3\xa9]dico|ba[n\xc3\xb1]o|diagn[o\xc3\xb3]stic\\w*|s\\w+)\\b"),
      WordList::Expand("\\b(horas|espera)\\b|\\besper\xc3\xa9|\\bhour|\\bk\\d+"),
  };
  const std::vector<std::string> texts = {
      "x$50 and $5",      "$50",          "a $50a $7!",     "pay $ 5 pay$5",  "12 hours",        "1hours 2 hrs",
      "12  hours",        "hour 12x",     "hour 12 hours",  "3 steps 33 steps", "reschedul",     "rescheduled it",
      "confidential",     "confidentiality_x", "my mom like", "my  like",      "my mom_ like",    "co- co-op co-",
      "re re- really",    "m\xc3\x89" "dico", "m\xc3\xa9" "dicos m\xc3\xa9" "dico", "medico",  "ba\xc3\x91o ba\xc3\xb1os",
      "diagn\xc3\x93stico diagnosticar", "s", "esper\xc3\xa9is",  "esper\xc3\x89",  "horas espera",    "hours hourly",
      "k9 k", "caf\xc3\xa9" "hour", "\xc3\xa9hour",  "",               "$",              "9$9"};
  CheckAgreesWithRe2(patterns, texts);
  // Under (?i) RE2 also matches 'k' to the Kelvin sign and 's' to the long s;
  // a list with accents says so, and RuleSet then asks RE2.
  auto accented = WordList::Parse(patterns[2]);
  REQUIRE(accented);
  CHECK(accented->folds());
  CHECK_FALSE(WordList::Parse(patterns[0])->folds());
  CHECK(WordList::HasFoldTrap("\xc5\xbf" "eguro"));
  CHECK(WordList::HasFoldTrap("\xe2\x84\xaa" "ind"));
  CHECK_FALSE(WordList::HasFoldTrap("m\xc3\xa9" "dico"));
}

TEST_CASE("WordList::Expand agrees with RE2 on the shipped patterns it takes", "[classify]") {
  const std::vector<std::string> patterns = ShippedPatterns(
      [](const std::string& p) { return !WordList::Parse(p) && WordList::Parse(WordList::Expand(p)); });
  REQUIRE(patterns.size() >= 100);  // the rules Expand was written for
  const size_t found = RequireAgreesOnComments(patterns, [](const std::string& p) { return WordList::Expand(p); });
  CHECK(found > 300);
}

TEST_CASE("WordList::Expand agrees with RE2 on random patterns with groups over random texts", "[classify]") {
  const std::vector<std::string> vocab = {"no", "one", "on", "hold", "call", "back", "co-", "it's", "a", "n"};
  // Pieces of a pattern: words, groups (some optional, some nested), optional
  // letters, classes; a space is added between two pieces more often than not.
  std::mt19937 rng(20261130);
  auto word = [&] { return vocab[rng() % vocab.size()]; };
  auto group = [&](auto& self, int depth) -> std::string {
    std::string g = rng() % 2 ? "(" : "(?:";
    const size_t n = 1 + rng() % 3;
    for (size_t k = 0; k < n; ++k) {
      if (k) g += "|";
      g += word();
      if (depth < 2 && rng() % 3 == 0) g += self(self, depth + 1);
      if (rng() % 3 == 0) g += " " + word();
    }
    return g + ")";
  };
  auto piece = [&]() -> std::string {
    switch (rng() % 5) {
      case 0: return group(group, 0) + (rng() % 2 ? "?" : "");
      case 1: return word() + "s?";
      case 2: return "[sd]";
      default: return word();
    }
  };
  const std::vector<std::string> gaps = {" ", " ", " ", "  ", "-", "'", ".", "\xc3\xa9", "s", "d", "x", ""};
  size_t taken = 0, found = 0;
  for (int round = 0; round < 400; ++round) {
    std::string p;
    const size_t branches = 1 + rng() % 2;
    for (size_t b = 0; b < branches; ++b) {
      if (b) p += "|";
      p += "\\b" + word();
      const size_t pieces = rng() % 3;
      for (size_t k = 0; k < pieces; ++k) p += (rng() % 4 ? " " : "") + piece();
      p += "\\b";
    }
    auto list = WordList::Parse(WordList::Expand(p));
    if (!list) continue;  // e.g. a phrase of two spaces: RE2 keeps it
    ++taken;
    RE2 re(p);
    REQUIRE(re.ok());
    for (int t = 0; t < 60; ++t) {
      std::string text;
      const size_t words = rng() % 9;
      for (size_t w = 0; w < words; ++w) text += word() + gaps[rng() % gaps.size()];
      const auto want = Re2Find(re, text);
      if (want) ++found;
      INFO(p << " -> " << WordList::Expand(p) << " on " << text);
      REQUIRE(list->Find(text) == want);
    }
  }
  CHECK(taken > 200);
  CHECK(found > 2000);
}
