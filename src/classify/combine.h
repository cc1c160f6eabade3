// Combine: turns the matched rules and the sentiment score into the verdict's
// decision fields (is_complaint, confidence, category, severity, urgent
// reasons, spam, language). Pure function of its inputs; thread-safe.
#pragma once

#include <string_view>

#include "classify/sentiment.h"
#include "model/verdict.h"

namespace turnaround::classify {

// The score at which a comment counts as a complaint (see rules/README.md).
inline constexpr double kComplaintThreshold = 1.42;

// Reads v->matches (already filled) and `s`; writes every other decision
// field of *v except matches, sentiment_terms and rules_version.
void Combine(std::string_view text, const SentimentResult& s, model::Verdict* v);

// The complaint score before thresholding (exposed for tests and eval).
double ComplaintScore(const model::Verdict& v, const SentimentResult& s);

}  // namespace turnaround::classify
