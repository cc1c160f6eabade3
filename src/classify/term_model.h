// TermModel: a fitted word model that adds bounded evidence to the complaint
// score (rules/complaint.model, written by tests/classify/fit_model.py).
//
// Why: hand-written phrasings and fitted word tiers scored F1 0.74-0.78 on
// comments written blind, for eleven rounds; a logistic regression over
// which words and word pairs a comment holds, fitted on the project's own
// labelled sets, scored about 0.9 on each set left out of its fit. It is
// added to the rules' score, never used alone: its contribution is capped
// (max_raise up, max_lower down), so a rule that decides firmly (an urgent
// phrasing, a strong praise counter) still decides, and text outside the
// model's vocabulary (other domains) keeps the rules' verdict.
//
// Features: the distinct lower-cased tokens of the comment (runs of ASCII
// letters, digits, apostrophes and the Spanish letters áéíóúñü; U+2019 reads
// as an apostrophe) and the distinct pairs of adjacent tokens ("call back").
// Each present feature adds its weight once; the sum plus the intercept is
// the model's raw score, then capped.
//
// Thread behaviour: immutable after Parse(); Score() is const and safe from
// any number of threads (it keeps nothing between calls).
//
// Usage:
//   auto model = TermModel::Parse("complaint.model", contents);
//   TermScore s = (*model)->Score("Still waiting on a call back");
//   // s.score in [-max_lower, max_raise]; s.terms: the features that moved it most
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classify/term_index.h"
#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

struct TermScore {
  double score = 0;  // intercept + the present features' weights, capped (in the domain: shifted, uncapped)
  double capped = 0; // intercept + the present features' weights, capped, in or out of the domain
  double raw = 0;    // the same before the cap
  // The present features with the largest weights by magnitude (at most
  // TermModel::kExplainTerms), largest first: the explanation.
  std::vector<model::ModelTerm> terms;
};

class TermModel {
 public:
  static constexpr size_t kExplainTerms = 6;

  // Parses a model file (format in rules/README.md: `intercept X`,
  // `max_raise X`, `max_lower X`, optionally `domain_rules_share X` (0..1)
  // and `domain_shift X` together, then one `WEIGHT<TAB>TERM` per line, `#`
  // comments). On failure returns InvalidArgument naming the file and line.
  static core::Result<std::unique_ptr<TermModel>> Parse(std::string_view file_name, std::string_view contents);

  TermScore Score(std::string_view text) const;

  // The score from the present features' weights (those the model holds):
  // what Score() computes after its lookups, for a caller that looked the
  // features up itself (FittedModels' shared index).
  // In the domain (`in_domain`, only when has_domain()), score is raw plus
  // domain_shift(), uncapped; `capped` is always the capped sum.
  TermScore FromHits(const std::vector<std::pair<std::string_view, double>>& hits, bool in_domain = false) const;

  // Whether the file gave domain_rules_share and domain_shift: on a comment
  // that talks about care (rules/domain.terms, FittedModels) the model then
  // counts in full and the rules' margin by domain_rules_share() (README,
  // "The complaint model's domain").
  bool has_domain() const { return has_domain_; }
  double domain_rules_share() const { return domain_rules_share_; }
  // The model's terms (indexed in file order) and the weight of term i.
  const TermIndex& terms() const { return terms_; }
  double weight(uint32_t i) const { return weights_[i]; }

  size_t size() const { return weights_.size(); }

  // The tokens Score() reads, in text order (exposed for tests and so that
  // the fitting script's tokenizer can be checked against this one).
  static std::vector<std::string> Tokens(std::string_view text);
  // Where one token lies in TokenizeInto()'s buffer: [begin, end).
  struct TokenSpan {
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  // The same tokens written into *buf separated by one space, token i at
  // (*spans)[i]; so the pair of tokens i - 1 and i, as a model file spells
  // it, is buf[(*spans)[i - 1].begin, (*spans)[i].end) and needs no copy.
  // Both buffers are cleared first and keep their storage, so a caller that
  // reuses them tokenizes without allocating.
  static void TokenizeInto(std::string_view text, std::string* buf, std::vector<TokenSpan>* spans);

  // The distinct features of `text` (its tokens and adjacent token pairs),
  // sorted: what a model file's terms are looked up against.
  static std::vector<std::string> Features(std::string_view text);

  // Whether Score() can ever see `term`: one token as Tokens() spells it, or
  // two joined by one space.
  static bool IsFeature(std::string_view term);
  // What a term that fails IsFeature() was expected to be, for the model and
  // term files' error messages.
  static constexpr std::string_view kFeatureShape = "one lower-case token or two separated by one space";

 private:
  double intercept_ = 0;
  double max_raise_ = 0;
  double max_lower_ = 0;
  bool has_domain_ = false;
  double domain_rules_share_ = 1;
  double domain_shift_ = 0;
  TermIndex terms_;              // flat: a node-based map of 25,000 terms cost several MB more
  std::vector<double> weights_;  // by terms_ index
};

}  // namespace turnaround::classify
