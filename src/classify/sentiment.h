// Sentiment: a lexicon scorer written for this project (VADER-like
// heuristics): word valences from rules/sentiment.lexicon, adjusted for
// negation, intensifiers and dampeners, contrast ("but", "although"), ALL-CAPS,
// elongated words, exclamation marks, emoji and emoticons.
//
// Thread behaviour: a SentimentScorer is immutable after Load(); Score() is
// const and safe from any number of threads.
//
// Usage:
//   auto scorer = SentimentScorer::Load("rules/sentiment.lexicon");
//   SentimentResult r = (*scorer)->Score("The nurses were NOT helpful :(");
//   // r.compound < 0; r.terms lists "helpful" (negated) and ":("
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

struct SentimentResult {
  double compound = 0;                       // -1..1
  std::vector<model::SentimentTerm> terms;   // the terms that moved it, in text order
  double after_contrast = 0;  // summed valence after the last "but" (0 if none)
  bool has_contrast = false;  // a "but"/"although" word was seen
  int words = 0;          // word tokens seen
  int spanish_words = 0;  // of which are listed in the lexicon's [spanish] section
};

class SentimentScorer {
 public:
  enum class Kind { kWord, kBooster, kNegation, kContrastBut, kContrastAlthough };
  struct Entry {
    Kind kind = Kind::kWord;
    double value = 0;  // valence (-4..4) for words, +/- increment for boosters
    bool spanish = false;  // a common Spanish word (language hint)
  };

  // Parses a lexicon (format in rules/README.md). On failure returns
  // InvalidArgument naming the file and line.
  static core::Result<std::unique_ptr<SentimentScorer>> Parse(std::string_view file_name,
                                                              std::string_view contents);

  SentimentResult Score(std::string_view text) const;

  // The entry for a (lower-case) term, or nullptr.
  const Entry* Lookup(std::string_view term) const;

 private:
  // Open addressing, power-of-two size, at most half full: a lookup is one
  // FNV-1a hash and usually one comparison (it runs for every token).
  struct Slot {
    std::string term;
    Entry entry;
    bool used = false;
  };
  Entry& Insert(const std::string& term);
  static uint32_t HashOf(std::string_view s);
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  size_t used_ = 0;
};

}  // namespace turnaround::classify
