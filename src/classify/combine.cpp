#include "classify/combine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>

namespace turnaround::classify {

namespace {

// How much sentiment moves the score: a clearly negative comment (-1) adds
// kNegativeWeight; a clearly positive one subtracts kPositiveWeight.
constexpr double kNegativeWeight = 2.58;
constexpr double kPositiveWeight = 0.0;
constexpr double kHighScore = 4.0;          // complaint score that makes severity high
constexpr double kHighNegativity = -0.6;    // or sentiment at least this negative
constexpr double kConfidenceSlope = 1.5;
constexpr double kStrongComplaint = 3.0;
constexpr double kPhrasingVote = 1.5;      // category vote of a complaint or urgent rule  // a complaint rule this heavy overrides "plain question"

// A match's signal name as a value: the loops below test every match several
// times, and one switch on the length is cheaper than a string compare per test.
enum class Sig { kComplaint, kCategory, kUrgent, kPraise, kQuestion, kSpam, kSarcasm, kUrgentEvidence, kUrgentCounter, kOther };

Sig SigOf(const model::RuleMatch& m) {
  const std::string_view s = m.signal();
  switch (s.size()) {
    case 4: return s == "spam" ? Sig::kSpam : Sig::kOther;
    case 6: return s == "urgent" ? Sig::kUrgent : s == "praise" ? Sig::kPraise : Sig::kOther;
    case 7: return s == "sarcasm" ? Sig::kSarcasm : Sig::kOther;
    case 8: return s == "category" ? Sig::kCategory : s == "question" ? Sig::kQuestion : Sig::kOther;
    case 9: return s == "complaint" ? Sig::kComplaint : Sig::kOther;
    case 14: return s == "urgent_counter" ? Sig::kUrgentCounter : Sig::kOther;
    case 15: return s == "urgent_evidence" ? Sig::kUrgentEvidence : Sig::kOther;
    default: return Sig::kOther;
  }
}

using model::kUrgentReasonsByRank;

int ReasonRank(std::string_view r) {
  for (size_t i = 0; i < kUrgentReasonsByRank.size(); ++i) {
    if (r == kUrgentReasonsByRank[i]) return static_cast<int>(i);
  }
  return static_cast<int>(kUrgentReasonsByRank.size());
}

std::string PickCategory(const model::Verdict& v, const CategoryVotes& model_votes) {
  // A privacy breach is the topic whatever else the post mentions (the leaked
  // bill, the appointment someone found out about).
  for (const std::string& r : v.urgent_reasons) {
    if (r == "privacy_breach") return "privacy";
  }
  // "other" takes votes too, so that a concept rule for a grievance outside
  // care (a stolen wallet, marketing calls) outvotes a setting word such as
  // "ER" or "nurse"; it loses every tie.
  static constexpr std::array<std::string_view, 10> kOrder = {
      "privacy", "clinical_care", "billing", "wait_time", "scheduling",
      "staff_attitude", "communication", "access", "facilities", "other"};
  std::array<double, kOrder.size()> votes{};
  for (const model::RuleMatch& m : v.matches) {
    if (m.category().empty()) continue;
    const Sig sig = SigOf(m);
    if (sig == Sig::kPraise || sig == Sig::kQuestion) continue;
    for (size_t i = 0; i < kOrder.size(); ++i) {
      // Topic rules vote their weight; complaint and urgent rules vote
      // kPhrasingVote (not their weight, which was fitted for the complaint
      // score): a phrasing that names the failure ("the ramp is too steep")
      // says more about the topic than one topic word ("waiting room").
      if (m.category() == kOrder[i]) votes[i] += sig == Sig::kCategory ? m.weight() : kPhrasingVote;
    }
  }
  // Where each of kOrder sits in model_votes (kCategories order), worked out once.
  static constexpr auto kVoteSlot = [] {
    std::array<size_t, kOrder.size()> slot{};
    for (size_t i = 0; i < kOrder.size(); ++i) slot[i] = model::CategoryIndex(kOrder[i]);
    return slot;
  }();
  static_assert(std::all_of(kVoteSlot.begin(), kVoteSlot.end(), [](size_t k) { return k < model::kCategories.size(); }),
                "kOrder names only known categories");
  for (size_t i = 0; i < kOrder.size(); ++i) votes[i] += model_votes[kVoteSlot[i]];
  size_t best = 0;
  for (size_t i = 1; i < kOrder.size(); ++i) {
    if (votes[i] > votes[best]) best = i;  // ties: earlier in kOrder wins
  }
  return std::string(votes[best] > 0 ? kOrder[best] : "other");
}

}  // namespace

namespace {

// The rules' part of the complaint score (no model).
double RulesScore(const model::Verdict& v, const SentimentResult& s) {
  // Praise is cancelled by sarcasm, and by blame after a contrast ("the nurses
  // were lovely but ..."): the part after "but" is what the writer means.
  bool sarcastic = s.after_contrast < 0;
  for (const model::RuleMatch& m : v.matches) sarcastic |= SigOf(m) == Sig::kSarcasm;
  // A question that carries a strong complaint cue ("is anyone going to answer
  // the phone?") is not a plain question: the question counter-signal is dropped.
  bool strong = false;
  for (const model::RuleMatch& m : v.matches) strong |= SigOf(m) == Sig::kComplaint && m.weight() >= kStrongComplaint;
  double score = 0;
  for (const model::RuleMatch& m : v.matches) {
    const Sig sig = SigOf(m);
    if (sig == Sig::kComplaint || sig == Sig::kSarcasm || sig == Sig::kUrgent) score += m.weight();
    if ((sig == Sig::kPraise && !sarcastic) || (sig == Sig::kQuestion && !strong)) score -= m.weight();
  }
  if (s.compound < 0) score += -s.compound * kNegativeWeight;
  if (s.compound > 0 && !sarcastic) score -= s.compound * kPositiveWeight;
  return score;
}

// The complaint score from the rules' score and the model's.
double WithModel(double rules, double model_score, double rules_share) {
  // rules_share 1 is kept apart: threshold + (rules - threshold) is not
  // always rules in floating point, and outside the domain the sum must stay
  // what it was.
  if (rules_share == 1) return rules + model_score;
  return kComplaintThreshold + rules_share * (rules - kComplaintThreshold) + model_score;
}

}  // namespace

double ComplaintScore(const model::Verdict& v, const SentimentResult& s, double rules_share) {
  return WithModel(RulesScore(v, s), v.model_score, rules_share);
}

void Combine(std::string_view text, const SentimentResult& s, model::Verdict* v, const ModelEffect& models) {
  (void)text;
  constexpr size_t kReasons = kUrgentReasonsByRank.size();
  auto rank_of = [](std::string_view reason) { return static_cast<size_t>(ReasonRank(reason)); };
  // Evidence per reason from urgent_evidence rules, and the reasons the rules
  // found and the ones an urgent_counter rule calls off, indexed by ReasonRank.
  std::array<double, kReasons> evidence{};
  std::array<bool, kReasons> found{};
  std::array<bool, kReasons> countered{};
  for (const model::RuleMatch& m : v->matches) {
    const Sig sig = SigOf(m);
    if (sig == Sig::kSpam) v->spam = true;
    if (sig == Sig::kUrgentCounter) {
      for (const std::string& reason : m.urgent_reasons()) {
        if (const size_t rank = rank_of(reason); rank < kReasons) countered[rank] = true;
      }
      continue;
    }
    const size_t rank = rank_of(m.urgent_reason());
    if (rank >= kReasons) continue;
    if (sig == Sig::kUrgent) found[rank] = true;
    if (sig == Sig::kUrgentEvidence) evidence[rank] += m.weight();
  }
  // The fitted urgent model's reason is already in urgent_reasons
  // (FittedModels::Apply) and stays: a counter speaks for the rules only.
  std::array<bool, kReasons> listed{};
  for (const std::string& r : v->urgent_reasons) {
    if (const size_t rank = rank_of(r); rank < kReasons) listed[rank] = true;
  }
  // The small tolerance keeps 0.5 + 0.5 (or three pieces of 1/3) at the threshold.
  for (size_t rank = 0; rank < kReasons; ++rank) {
    found[rank] = found[rank] || evidence[rank] >= kUrgentEvidenceThreshold - 1e-9;
    if (!found[rank] || listed[rank]) continue;
    if (countered[rank]) {
      v->urgent_called_off.emplace_back(kUrgentReasonsByRank[rank]);
    } else {
      v->urgent_reasons.emplace_back(kUrgentReasonsByRank[rank]);
    }
  }
  // The first reason is the one an agent reads first. When several rules of
  // different reasons fire, a person at risk (self-harm, a threat) comes first,
  // then a lawyer or regulator (a legal threat usually cites the leak or the
  // illness that caused it), then the leak, then a symptom (the reason whose
  // rules most often match an illness told in the past).
  std::stable_sort(v->urgent_reasons.begin(), v->urgent_reasons.end(),
                   [](const std::string& a, const std::string& b) { return ReasonRank(a) < ReasonRank(b); });
  const double rules = RulesScore(*v, s);
  const double score = WithModel(rules, v->model_score, models.rules_share);
  const double margin = score - kComplaintThreshold;
  // Severity reads the score as it is outside the domain (the model within
  // its caps), so that a model sure of a complaint does not also make it severe.
  const double severity_score = models.rules_share == 1 ? score : rules + models.capped_score;
  v->is_complaint = margin >= 0 && !v->spam;
  double p = 1.0 / (1.0 + std::exp(-kConfidenceSlope * margin));
  v->confidence = v->is_complaint ? p : 1.0 - p;
  v->sentiment = s.compound;
  v->category = PickCategory(*v, models.votes);
  v->language = s.spanish_words >= 2 && s.spanish_words * 4 >= s.words ? "es" : "en";
  if (!v->urgent_reasons.empty()) {
    v->severity = model::Severity::kUrgent;
  } else if (v->is_complaint && (severity_score >= kHighScore || s.compound <= kHighNegativity)) {
    v->severity = model::Severity::kHigh;
  } else if (v->is_complaint) {
    v->severity = model::Severity::kNormal;
  } else {
    v->severity = model::Severity::kLow;
  }
}

}  // namespace turnaround::classify
