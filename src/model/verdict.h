// Verdict: what the classifier decided about one comment, and why.
// Plain data; produced by classify/, stored by store/, shown by http/.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace turnaround::model {

enum class Severity { kLow, kNormal, kHigh, kUrgent };

// The categories a verdict may name; rule files, templates and labelled sets name no others.
inline constexpr std::array<std::string_view, 10> kCategories = {
    "wait_time", "billing", "staff_attitude", "scheduling", "communication",
    "clinical_care", "facilities", "privacy", "access", "other"};

// The position of `category` in kCategories, or kCategories.size() if it is not one.
constexpr size_t CategoryIndex(std::string_view category) {
  for (size_t i = 0; i < kCategories.size(); ++i) {
    if (kCategories[i] == category) return i;
  }
  return kCategories.size();
}

// The urgent reasons, most pressing first: a verdict lists its reasons in this order (the
// first is the one an agent reads), and rule files and templates name no others.
inline constexpr std::array<std::string_view, 5> kUrgentReasonsByRank = {
    "self_harm", "threat_of_violence", "legal_threat", "privacy_breach", "medical_emergency"};

const char* SeverityName(Severity s);  // "low", "normal", "high", "urgent"
// Parses a severity name; returns false (and leaves *out) if unknown.
bool ParseSeverity(const std::string& name, Severity* out);

// What a rule says about every comment it matches. The classifier makes one
// per loaded rule and every match of that rule shares it (a reference count,
// not six string copies per match: those were about a tenth of a verdict's
// instructions). A verdict keeps the rules it cites alive after a reload.
struct RuleInfo {
  std::string id;
  std::string file;    // rule file the rule came from, e.g. "complaints.rules"
  std::string signal;  // "complaint", "category", "urgent", "praise", "question", "spam", ...
  double weight = 0;
  std::string category;       // for category signals
  // For urgent signals: the one reason the rule names. An urgent_counter may
  // name several (one told-as-over event can look like two reasons: a
  // settlement for a data breach is both a lawsuit and a leak).
  std::vector<std::string> urgent_reasons;
};

// One rule that matched, with the span of the comment it matched (byte offsets).
struct RuleMatch {
  explicit RuleMatch(std::shared_ptr<const RuleInfo> r) : rule(std::move(r)) {}

  std::shared_ptr<const RuleInfo> rule;  // never null
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string matched;  // the matched text

  const std::string& rule_id() const { return rule->id; }
  const std::string& file() const { return rule->file; }
  const std::string& signal() const { return rule->signal; }
  double weight() const { return rule->weight; }
  const std::string& category() const { return rule->category; }
  // The first reason the rule names, or "" (the one most rules have).
  const std::string& urgent_reason() const {
    static const std::string kNone;
    return rule->urgent_reasons.empty() ? kNone : rule->urgent_reasons.front();
  }
  const std::vector<std::string>& urgent_reasons() const { return rule->urgent_reasons; }
};

// A word (or emoji, emoticon) that moved the sentiment score.
struct SentimentTerm {
  std::string term;
  double valence = 0;  // its contribution after negation/intensity adjustments
};

// A word or word pair of the fitted complaint model (rules/complaint.model)
// found in the comment, with the weight it added.
struct ModelTerm {
  std::string term;
  double weight = 0;
};

// A category and the probability the fitted category model
// (rules/category.model) gave it for the comment.
struct ModelCategory {
  std::string category;
  double probability = 0;
};

struct Verdict {
  bool is_complaint = false;
  double confidence = 0;  // 0..1: how sure we are of is_complaint
  double sentiment = 0;   // compound score, -1..1
  std::string category = "other";  // one of kCategories
  Severity severity = Severity::kLow;
  std::vector<std::string> urgent_reasons;  // of kUrgentReasonsByRank, in that order
  // Reasons the rules found but an urgent_counter rule called off (the event
  // told as over, a joke, someone else's), in rank order; never also in
  // urgent_reasons. The explanation of a post that is not urgent after all.
  std::vector<std::string> urgent_called_off;
  bool spam = false;
  std::string language = "en";  // "en" or "es"
  std::vector<RuleMatch> matches;
  std::vector<SentimentTerm> sentiment_terms;
  // What the fitted complaint model added to the complaint score (capped; 0
  // when the rules folder has no model) and its heaviest terms.
  double model_score = 0;
  std::vector<ModelTerm> model_terms;
  // The terms of rules/domain.terms the comment holds (at most three), when
  // the complaint model has domain settings: non-empty means the comment
  // talks about care, so model_score is the model's uncapped sum and the
  // rules' margin counted by its domain_rules_share (README, "The complaint
  // model's domain").
  std::vector<std::string> model_domain_terms;
  // The category model's likeliest categories (at most three, likeliest first;
  // empty without a category model). Their probabilities, times the model's
  // vote weight, joined the category votes.
  std::vector<ModelCategory> model_categories;
  // The urgent model's probability that the comment has any urgent reason
  // (rules/urgent.model; 0 without it), and its likeliest reason when it
  // flagged the comment ("" otherwise; classify/fitted_models.h says when).
  double model_urgent_probability = 0;
  std::string model_urgent_reason;
  std::string rules_version;  // identifies the rule set that produced this verdict

  // Flagged comments become queue items: complaints and urgent posts alike.
  bool flagged() const { return (is_complaint && !spam) || !urgent_reasons.empty(); }
};

}  // namespace turnaround::model
