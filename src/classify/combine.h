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

using CategoryVotes = std::array<double, model::kCategories.size()>;

// What the fitted models (FittedModels::Apply) hand to Combine() besides the
// verdict's model fields.
struct ModelEffect {
  // The category model's probabilities times its vote weight, indexed as
  // model::kCategories; added to the category rules' votes.
  CategoryVotes votes{};
  // How much of the rules' margin (their score minus kComplaintThreshold)
  // counts for is_complaint: 1, or the complaint model's
  // domain_rules_share on a comment in its domain, where model_score is the
  // model's uncapped sum (README, "The complaint model's domain").
  double rules_share = 1;
  // The complaint model's contribution within its caps, in or out of its
  // domain: severity reads the score with this one, so the domain decides
  // which comments are complaints, not how severe they are.
  double capped_score = 0;
};

// Reads v->matches and v->model_score (already filled) and `s`; writes every other decision
// field of *v except matches, sentiment_terms, the model fields and rules_version.
void Combine(std::string_view text, const SentimentResult& s, model::Verdict* v, const ModelEffect& models = {});

// The complaint score before thresholding (exposed for tests and eval):
// the rules' score plus model_score, or with rules_share < 1 the threshold
// plus that share of the rules' margin plus model_score.
double ComplaintScore(const model::Verdict& v, const SentimentResult& s, double rules_share = 1);

}  // namespace turnaround::classify
