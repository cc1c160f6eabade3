// Combine: turns the matched rules and the sentiment score into the verdict's
// decision fields (is_complaint, confidence, category, severity, urgent
// reasons, spam, language). Pure function of its inputs; thread-safe.
#pragma once

#include <array>
#include <string_view>

#include "classify/sentiment.h"
#include "model/verdict.h"

namespace turnaround::classify {

// The score at which a comment counts as a complaint (see rules/README.md).
inline constexpr double kComplaintThreshold = 1.42;

// The evidence at which an urgent reason is flagged from `urgent_evidence`
// rules (round 15): the weights of the matched urgent_evidence rules of one
// reason are summed, and the reason fires when the sum reaches this. The
// fitted lexicon (rules/urgent_lexicon.rules) gives its words 0.5 in two rules
// per reason, so a word of each is needed and one word ("pills", "lawyer",
// "records") never makes a post urgent; a rule of weight 1 would decide alone.
// The verdict's matches list every rule that added evidence, with its span and
// weight.
inline constexpr double kUrgentEvidenceThreshold = 1.0;

// Reads v->matches and v->model_score (already filled) and `s`; writes every other decision
// field of *v except matches, sentiment_terms, model_score, model_terms and
// rules_version.
// `model_votes` (indexed as model::kCategories) are added to the category
// rules' votes: the category model's probabilities times its vote weight.
using CategoryVotes = std::array<double, model::kCategories.size()>;
void Combine(std::string_view text, const SentimentResult& s, model::Verdict* v,
             const CategoryVotes& model_votes = {});

// The complaint score before thresholding (exposed for tests and eval).
double ComplaintScore(const model::Verdict& v, const SentimentResult& s);

}  // namespace turnaround::classify
