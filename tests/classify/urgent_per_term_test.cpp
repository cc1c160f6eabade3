// Round 17u: the generated urgent lexicon (rules/urgent_lexicon.rules, tests/classify/fit_urgent.py)
// gives every term its own rule and a weight from its log-odds, below 1.0. Two strong terms of one
// reason, or a strong and a middling one, now flag a post even when the old fixed groups put them
// in one rule; one term never does, and terms that share one of our own calm sentences
// (tests/classify/urgent_calm.txt) count once. The sentences are our own. A refit moves words and
// weights, so after one these sentences may need other words of the new lexicon.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"
#include "model/verdict.h"

namespace turnaround::classify {
namespace {

std::size_t LexiconPieces(const model::Verdict& v, const std::string& reason) {
  const std::string prefix = "lexu." + reason + ".";
  std::size_t n = 0;
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id().rfind(prefix, 0) == 0) ++n;
  }
  return n;
}

bool Has(const model::Verdict& v, const std::string& reason) {
  return std::find(v.urgent_reasons.begin(), v.urgent_reasons.end(), reason) != v.urgent_reasons.end();
}

TEST_CASE("urgent lexicon per term: two weighted terms of a reason flag it", "[classify][lexicon]") {
  struct Case {
    const char* text;
    const char* reason;
  };
  const Case cases[] = {
      {"I already wrote goodbye letters, everyone will be better off", "self_harm"},
      {"Our lawyer filed the papers this morning", "legal_threat"},
      {"Her jaw hurts and she is sweating through her shirt", "medical_emergency"},
      {"That man has a knife tucked in his waistband", "threat_of_violence"},
      {"They mailed my lab results to a stranger's house", "privacy_breach"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const model::Verdict v = testing::ShippedRules()->Classify(c.text);
    CHECK(LexiconPieces(v, c.reason) >= 2);
    CHECK(Has(v, c.reason));
  }
}

TEST_CASE("urgent lexicon per term: one term, or terms of our calm sentences, stay calm", "[classify][lexicon]") {
  struct Case {
    const char* text;
    const char* reason;      // the reason whose lexicon matches
    std::size_t pieces;      // its rules that match
  };
  const Case cases[] = {
      {"My lawyer friend says the new clinic looks great", "legal_threat", 1},
      {"Thanks for the goodbye card the nurses signed", "self_harm", 1},
      {"The dentist said my jaw would be sore for a day", "medical_emergency", 1},
      {"I left my hoodie in exam room 3, is it at the front desk?", "threat_of_violence", 1},
      {"The whiteboard in the lobby had the wrong opening hours", "privacy_breach", 1},
      // Words that share one of our calm sentences are one rule, one piece.
      {"The waitlist to get in with a psychiatrist is months, not ok", "self_harm", 1},
      // Everyday questions about results, records and complaints (urgent_calm.txt has their kind).
      {"Can my husband see my lab results on the patient portal?", "privacy_breach", 1},
      {"Who do I talk to about filing a complaint?", "legal_threat", 1},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const model::Verdict v = testing::ShippedRules()->Classify(c.text);
    CHECK(LexiconPieces(v, c.reason) == c.pieces);
    CHECK(v.urgent_reasons.empty());
  }
}

// Three weak terms add up to 1.0 now, so fit_urgent.py's GENERIC list also leaves out
// contractions, hedges, vague pronouns and nouns and speech verbs: they never add up.
TEST_CASE("urgent lexicon per term: everyday words never add up", "[classify][lexicon]") {
  const char* calm[] = {
      "He's really upset, somebody said there's a man outside talking about it",
      "Honestly that stuff might work, I decided to give the side entrance a try since it's closed",
      "I'll be honest, the info on the site is really confusing, maybe fix it",
  };
  for (const char* text : calm) {
    INFO(text);
    const model::Verdict v = testing::ShippedRules()->Classify(text);
    CHECK(v.urgent_reasons.empty());
  }
}

}  // namespace
}  // namespace turnaround::classify
