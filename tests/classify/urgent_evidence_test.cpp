// Round 15: `urgent_evidence` rules add their weight to their urgent reason, and a
// reason is flagged only when the summed evidence reaches kUrgentEvidenceThreshold; the
// shipped, generated lexicon of such rules (since round 17u one rule per term).
// The sentences and rule ids here are our own.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "classify/combine.h"
#include "classify/fake_matches.h"
#include "classify/rule_file.h"
#include "classify/shipped_rules.h"
#include "model/verdict.h"

namespace turnaround::classify {
namespace {

using testing::Piece;

model::Verdict VerdictOf(const std::vector<Piece>& pieces) {
  model::Verdict v = testing::MatchesOf(pieces);
  Combine("", SentimentResult{}, &v);
  return v;
}

TEST_CASE("urgent evidence: one weak piece is not enough, two are, per reason", "[classify]") {
  struct Case {
    const char* name;
    std::vector<Piece> pieces;
    std::vector<std::string> reasons;
  };
  const std::vector<Case> cases = {
      {"one weak piece", {{"lexu.self_harm.2a", "urgent_evidence", "self_harm", 0.5}}, {}},
      {"two weak pieces of one reason",
       {{"lexu.self_harm.2a", "urgent_evidence", "self_harm", 0.5},
        {"lexu.self_harm.2b", "urgent_evidence", "self_harm", 0.5}},
       {"self_harm"}},
      {"two weak pieces of two reasons do not add up",
       {{"lexu.self_harm.2a", "urgent_evidence", "self_harm", 0.5},
        {"lexu.legal_threat.2a", "urgent_evidence", "legal_threat", 0.5}},
       {}},
      {"one strong piece decides alone", {{"lexu.privacy_breach.1", "urgent_evidence", "privacy_breach", 1.0}},
       {"privacy_breach"}},
      {"the reason with enough evidence is chosen",
       {{"lexu.self_harm.2a", "urgent_evidence", "self_harm", 0.5},
        {"lexu.threat_of_violence.2a", "urgent_evidence", "threat_of_violence", 0.5},
        {"lexu.threat_of_violence.2b", "urgent_evidence", "threat_of_violence", 0.5}},
       {"threat_of_violence"}},
      {"three pieces of a third reach the threshold",
       {{"x.1", "urgent_evidence", "medical_emergency", 1.0 / 3},
        {"x.2", "urgent_evidence", "medical_emergency", 1.0 / 3},
        {"x.3", "urgent_evidence", "medical_emergency", 1.0 / 3}},
       {"medical_emergency"}},
      {"an urgent rule still flags alone, evidence adds its own reason after ranking",
       {{"lexu.medical_emergency.1", "urgent_evidence", "medical_emergency", 1.0},
        {"hand.self_harm", "urgent", "self_harm", 0}},
       {"self_harm", "medical_emergency"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const model::Verdict v = VerdictOf(c.pieces);
    CHECK(v.urgent_reasons == c.reasons);
    CHECK((v.severity == model::Severity::kUrgent) == !c.reasons.empty());
    // The explanation: every piece stays in the matches with its rule, weight and span.
    REQUIRE(v.matches.size() == c.pieces.size());
    for (std::size_t i = 0; i < c.pieces.size(); ++i) {
      CHECK(v.matches[i].rule_id() == c.pieces[i].id);
      CHECK(v.matches[i].weight() == c.pieces[i].weight);
      CHECK(v.matches[i].end > v.matches[i].begin);
    }
  }
}

TEST_CASE("urgent evidence is not complaint evidence", "[classify]") {
  const model::Verdict v = VerdictOf({{"lexu.legal_threat.1", "urgent_evidence", "legal_threat", 1.0}});
  CHECK(v.urgent_reasons == std::vector<std::string>{"legal_threat"});
  CHECK(ComplaintScore(v, SentimentResult{}) == 0.0);
  CHECK_FALSE(v.is_complaint);
}

// Round 27 added urgent_counter (tests/classify/urgent_counter_test.cpp), read by the same checks.
TEST_CASE("urgent_evidence and urgent_counter rules are checked when read", "[classify]") {
  struct Case {
    const char* text;
    const char* expected;  // substring of the one error; "" for none
  };
  const Case cases[] = {
      {"rule: r\nsignal: urgent_evidence\nurgent: self_harm\nweight: 0.5\npattern: x\nmatch: x\n", ""},
      {"rule: r\nsignal: urgent_evidence\nweight: 0.5\npattern: x\nmatch: x\n", "urgent rule without 'urgent:'"},
      {"rule: r\nsignal: urgent_evidence\nurgent: self_harm\nweight: 1.5\npattern: x\nmatch: x\n",
       "urgent_evidence weight must be above 0 and at most 1"},
      {"rule: r\nsignal: urgent_evidence\nurgent: self_harm\nweight: 0\npattern: x\nmatch: x\n",
       "urgent_evidence weight must be above 0"},
      {"rule: r\nsignal: urgent_evidence\nurgent: self_harm\nweight: 0.5\ncategory: billing\npattern: x\nmatch: x\n",
       "urgent_evidence rules take no 'category:'"},
      {"rule: r\nsignal: complaint\nurgent: self_harm\npattern: x\nmatch: x\n",
       "'urgent:' is only for signal: urgent, urgent_evidence or urgent_counter"},
      {"rule: r\nsignal: urgent_counter\nurgent: medical_emergency\npattern: x\nmatch: x\n", ""},
      {"rule: r\nsignal: urgent_counter\npattern: x\nmatch: x\n", "urgent rule without 'urgent:'"},
      {"rule: r\nsignal: urgent_counter\nurgent: self_harm\ncategory: billing\npattern: x\nmatch: x\n",
       "urgent_counter rules take no 'category:'"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<RuleSpec> rules;
    std::vector<std::string> errors;
    ParseRuleFile("x.rules", c.text, &rules, &errors);
    if (std::string(c.expected).empty()) {
      CHECK(errors.empty());
      REQUIRE(rules.size() == 1);
      const std::string text = c.text;
      const size_t at = text.find("signal: ") + 8;
      CHECK(std::string(SignalName(rules[0].signal)) == text.substr(at, text.find('\n', at) - at));
    } else {
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].find(c.expected) != std::string::npos);
    }
  }
}

// The shipped, generated lexicon (rules/urgent_lexicon.rules, tests/classify/fit_urgent.py),
// checked with sentences written for this test. Since round 17u every term is its own rule with
// a weight from its log-odds, below 1.0: one term never flags a post, two strong terms of one
// reason (or a strong and a middling one) do, and terms that share one of our own calm sentences
// (tests/classify/urgent_calm.txt) are one rule, one piece. A refit moves words between rules,
// so after one these sentences may need other words of the new lexicon (the behaviour stays).
std::size_t LexiconPieces(const model::Verdict& v, const std::string& reason) {
  const std::string prefix = "lexu." + reason + ".";
  std::size_t n = 0;
  for (const model::RuleMatch& m : v.matches) {
    if (m.rule_id().rfind(prefix, 0) == 0) ++n;
  }
  return n;
}

bool HasReason(const model::Verdict& v, const std::string& reason) {
  return std::find(v.urgent_reasons.begin(), v.urgent_reasons.end(), reason) != v.urgent_reasons.end();
}

TEST_CASE("urgent lexicon: one weak word of a reason never flags it", "[classify][lexicon]") {
  struct Case {
    const char* text;
    const char* reason;  // its lexicon matches once: one piece of evidence
  };
  const Case cases[] = {
      {"Can I pick up my pills at the front desk on Friday?", "self_harm"},
      {"Can my girlfriend visit after 8 tonight?", "threat_of_violence"},
      {"How do I change the mailing address on my account?", "privacy_breach"},
      {"Feeling dizzy after the flu shot yesterday was normal, the nurse said.", "medical_emergency"},
      {"My lawyer friend says the new clinic looks great", "legal_threat"},
      {"Thanks for the goodbye card the nurses signed", "self_harm"},
      {"The nurse said my arm would be sore for a day", "medical_emergency"},
      {"I left my hoodie in exam room 3, is it at the front desk?", "threat_of_violence"},
      {"The whiteboard in the lobby had the wrong opening hours", "privacy_breach"},
      // Words that share one of our calm sentences are one rule, one piece.
      {"The waitlist to get in with a psychiatrist is months, not ok", "self_harm"},
      // Everyday questions about results, records and complaints (urgent_calm.txt has their kind).
      {"Can my husband see my lab results on the patient portal?", "privacy_breach"},
      {"Who do I talk to about filing a complaint?", "legal_threat"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const model::Verdict v = testing::ShippedRules()->Classify(c.text);
    CHECK(LexiconPieces(v, c.reason) == 1);
    CHECK(v.urgent_reasons.empty());
  }
}

TEST_CASE("urgent lexicon: two pieces of a reason flag it", "[classify][lexicon]") {
  struct Case {
    const char* text;
    const char* reason;  // at least two of its lexicon rules match
  };
  const Case cases[] = {
      {"Our attorney is sending a formal letter about the hallway footage.", "legal_threat"},
      {"A clipboard with every patient's room number was sitting on the counter.", "privacy_breach"},
      {"Grandpa is slumped in his chair, lips gray, and his breathing is shallow.", "medical_emergency"},
      // Two terms the round-15 fixed groups had put in one rule.
      {"I already wrote goodbye letters, everyone will be better off", "self_harm"},
      {"Our lawyer filed the papers this morning", "legal_threat"},
      {"Her arm hurts and she is sweating through her shirt", "medical_emergency"},
      {"That man has a knife tucked in his waistband", "threat_of_violence"},
      {"They mailed my lab results to a stranger's house", "privacy_breach"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const model::Verdict v = testing::ShippedRules()->Classify(c.text);
    CHECK(LexiconPieces(v, c.reason) >= 2);
    CHECK(HasReason(v, c.reason));
  }
}

// The first fit paired everyday words into urgency ("tired" + "think" made a waiting complaint
// self-harm); fit_urgent.py's GENERIC list keeps such words out. Ordinary complaints and thanks
// written with them stay calm.
TEST_CASE("urgent lexicon: everyday words never add up to urgency", "[classify][lexicon]") {
  const char* const calm[] = {
      "I'm so tired of waiting, I think they forgot about me",
      "I dont think the billing office ever answers, cant reach anyone",
      "Many thanks to everyone on the night shift, I think you are all wonderful",
      "I've been thinking about switching doctors, I'm tired of this runaround",
      "Please tell me why my name is spelled wrong on every letter you send",
      "Still waiting, going on three hours, someone said it would be right back",
      // Since round 17u three weak terms add up to 1.0, so GENERIC also leaves out contractions,
      // hedges, vague pronouns and nouns and speech verbs.
      "He's really upset, somebody said there's a man outside talking about it",
      "Honestly that stuff might work, I decided to give the side entrance a try since it's closed",
      "I'll be honest, the info on the site is really confusing, maybe fix it",
  };
  testing::ExpectCalm(calm);  // a word may still be one piece ("letter")
}

}  // namespace
}  // namespace turnaround::classify
