// The generated complaint-evidence lexicon (rules/complaint_lexicon.rules,
// written by tests/classify/fit_complaints.py), checked with sentences written
// for this test: its words tip a plain-worded complaint over the threshold,
// and it never outweighs a plain question (a lexicon word is weak evidence,
// below kStrongComplaint); its counter tier (words of calm comments) counts
// against a complaint but never cancels a plain one.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

#include <string>

namespace turnaround::classify {
namespace {

// The weight of the lexicon rule `id` in the verdict, or -1 when it did not match.
double LexiconWeight(const model::Verdict& v, const std::string& id) {
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id == id) return m.weight;
  }
  return -1;
}

TEST_CASE("complaint lexicon: ordinary words of complaints tip a plain complaint", "[classify][lexicon]") {
  // No written rule says "complaint" here: a double charge told flatly.
  model::Verdict v = testing::ShippedRules()->Classify("They charged my card twice and the front desk shrugged.");
  CHECK(LexiconWeight(v, "lexc.complaint.1") > 0);
  CHECK(v.is_complaint);
}

TEST_CASE("complaint lexicon: a plain question with a complaint word stays a question", "[classify][lexicon]") {
  const char* questions[] = {
      "Is the front desk open on Saturday?",
      "Can I pay my bill online?",
      "Where do I drop off the intake forms before my exam?",
  };
  for (const char* text : questions) {
    INFO(text);
    model::Verdict v = testing::ShippedRules()->Classify(text);
    double w = LexiconWeight(v, "lexc.complaint.1");
    CHECK(w > 0);
    CHECK(w < 3.0);  // below kStrongComplaint: it never cancels the plain-question counter
    CHECK_FALSE(v.is_complaint);
  }
}

TEST_CASE("complaint lexicon: the counter tier marks calm comments and never cancels a plain complaint",
          "[classify][lexicon]") {
  model::Verdict calm =
      testing::ShippedRules()->Classify("Bless the nurses who helped when my son was born, best care we could ask for.");
  double w = LexiconWeight(calm, "lexc.praise.1");
  CHECK(w > 0);
  CHECK(w < 3.0);
  CHECK_FALSE(calm.is_complaint);
  // "believe" is a counter word; the failure told around it still makes a complaint.
  model::Verdict plain =
      testing::ShippedRules()->Classify("I can't believe nobody called me back after they charged me twice.");
  CHECK(LexiconWeight(plain, "lexc.praise.1") > 0);
  CHECK(plain.is_complaint);
}

}  // namespace
// Round 12c: the tiers hold two-word phrases too, matched (and their spans
// found) only as written with one space, like RE2 reads the pattern.
TEST_CASE("complaint lexicon: a phrase term matches as a phrase, with its span", "[classify][lexicon]") {
  const model::Verdict v = testing::ShippedRules()->Classify("Could you please call back about it");
  const model::RuleMatch* hit = nullptr;
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id == "lexc.complaint.1") hit = &m;
  }
  REQUIRE(hit != nullptr);
  CHECK(hit->matched == "call back");
  CHECK(hit->begin == 17);
  // Two spaces are not the phrase.
  const model::Verdict apart = testing::ShippedRules()->Classify("Could you please call  back about it");
  CHECK(LexiconWeight(apart, "lexc.complaint.1") < 0);
}

}  // namespace turnaround::classify
