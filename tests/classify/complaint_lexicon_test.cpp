// The generated complaint-evidence lexicon (rules/complaint_lexicon.rules,
// written by tests/classify/fit_complaints.py), checked with sentences written
// for this test: its words tip a plain-worded complaint over the threshold,
// and it never outweighs a plain question (a lexicon word is weak evidence,
// below kStrongComplaint); its counter tier (words of calm comments) counts
// against a complaint but never cancels a plain one.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/combine.h"
#include "classify/rule_file.h"
#include "classify/shipped_rules.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace turnaround::classify {
namespace {

// The largest weight among the matched lexicon rules whose id starts with
// `prefix` ("lexc.complaint." for the complaint tiers), or -1 when none matched.
double LexiconWeight(const model::Verdict& v, const std::string& prefix) {
  double w = -1;
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id().rfind(prefix, 0) == 0 && m.weight() > w) w = m.weight();
  }
  return w;
}

TEST_CASE("complaint lexicon: ordinary words of complaints tip a plain complaint", "[classify][lexicon]") {
  // No written rule says "complaint" here: a double charge told flatly.
  model::Verdict v = testing::ShippedRules()->Classify("They charged my card twice and the front desk shrugged.");
  CHECK(LexiconWeight(v, "lexc.complaint.") > 0);
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
    double w = LexiconWeight(v, "lexc.complaint.");
    CHECK(w > 0);
    CHECK(w < 3.0);  // below kStrongComplaint: it never cancels the plain-question counter
    CHECK_FALSE(v.is_complaint);
  }
}

TEST_CASE("complaint lexicon: the counter tier marks calm comments and never cancels a plain complaint",
          "[classify][lexicon]") {
  model::Verdict calm =
      testing::ShippedRules()->Classify("Bless the nurses who helped when my son was born, best care we could ask for.");
  double w = LexiconWeight(calm, "lexc.praise.");
  CHECK(w > 0);
  CHECK(w < 3.0);
  CHECK_FALSE(calm.is_complaint);
  // "feeling" is a counter word (a refit may move a word out of the tier: pick
  // another from rules/complaint_lexicon.rules); the failure told around it
  // still makes a complaint.
  model::Verdict plain =
      testing::ShippedRules()->Classify("I keep feeling like nobody called me back after they charged me twice.");
  CHECK(LexiconWeight(plain, "lexc.praise.") > 0);
  CHECK(plain.is_complaint);
}

// Since round 12 the complaint tiers have fixed weights, strongest first. Since
// round 22 the two strongest decide alone and the weakest needs other evidence;
// the strongest stays below kStrongComplaint (3.0), so that a lexicon word never
// silences the plain-question counter-signal, and one word of any tier is
// outweighed by a counter rule such as an own slip (2.0).
TEST_CASE("complaint lexicon: the two strongest tiers are a complaint on their own, the weakest is not", "[classify][lexicon]") {
  std::ifstream in(TURNAROUND_SOURCE_DIR "/rules/complaint_lexicon.rules");
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<RuleSpec> rules;
  std::vector<std::string> errors;
  ParseRuleFile("complaint_lexicon.rules", text, &rules, &errors);
  REQUIRE(errors.empty());
  double previous = 1e9;
  for (int tier = 1; tier <= 3; ++tier) {
    const std::string id = "lexc.complaint." + std::to_string(tier);
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const RuleSpec& r) { return r.id == id; });
    REQUIRE(rule != rules.end());
    const double w = rule->weight;
    INFO(id);
    CHECK(w < previous);
    CHECK((w >= kComplaintThreshold) == (tier <= 2));
    CHECK(w < 2.0);
    previous = w;
  }
}

}  // namespace

// Round 12c: a word-list pattern may hold phrases, matched (and their spans
// found without RE2) only as written with one space, as RE2 reads the pattern.
TEST_CASE("word-list rules: a phrase alternative matches as a phrase, with its span", "[classify][lexicon]") {
  const model::Verdict v = testing::ShippedRules()->Classify("Well must be nice to get a call back");
  const model::RuleMatch* hit = nullptr;
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id() == "sarcasm.cues") hit = &m;
  }
  REQUIRE(hit != nullptr);
  CHECK(hit->matched == "must be nice");
  CHECK(hit->begin == 5);
  // Two spaces are not the phrase.
  const model::Verdict apart = testing::ShippedRules()->Classify("Well must be  nice to get a call back");
  bool sarcastic = false;
  for (const model::RuleMatch& m : apart.matches) sarcastic |= m.rule_id() == "sarcasm.cues";
  CHECK_FALSE(sarcastic);
}

}  // namespace turnaround::classify
