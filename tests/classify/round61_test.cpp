// Round 61: families written after holdout62 was measured (complaints.rules `c61.*`, with new
// patterns in c59.clock_gap (told at one time, out at another; Spanish "llegué a las"),
// c51.guess_what (Spanish "me la pusieron igual"), plain.deadpan_tail ("you can't make this
// up", "thanks for that."); counter.rules: counter60.should_have_sooner ("should've"),
// counter45.fairness_defence, praise7.negated_bad and counter59.wait_excused; spam.rules
// spam56.verify_or_be_cancelled; urgent_broad.rules `ub61.*`, with new patterns in
// ub.privacy_broad (a diagnosis told to the writer's boss, in English and Spanish) and
// ub46.threat_veiled_more), checked with sentences written for this test, not taken from any
// data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 61: misdirected faxes, an ex who works there, a written threat, a back to watch, "
          "a protection order, a plan, a feverish newborn, someone else's pills",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Our dental office keeps getting faxes meant for your oncology unit, names and all.", "privacy_breach"},
      {"My ex-husband works in scheduling there and just asked me how my biopsy went.", "privacy_breach"},
      {"Somebody carved 'next shooting is here' into the elevator wall.", "threat_of_violence"},
      {"That surgeon better start watching his back.", "threat_of_violence"},
      {"My daughter told the school nurse she has a plan. What do we do tonight?", "self_harm"},
      {"I think I took my dad's pills by mistake, like six of them.", "medical_emergency"},
  };
  const char* const calm[] = {
      "Can we fax the referral to your oncology unit?",
      "My ex works at the hospital too, small town!",
      "The surgeon said he has a plan for my knee and I feel good about it.",
      "My 3 year old has a fever of 101, are you open Saturday?",
      "Security always has your back here, thank you.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 61: a fake account suspension with a link is spam", "[classify]") {
  const auto rules = testing::ShippedRules();
  CHECK(rules
            ->Classify("Your patient account has been suspended due to unusual activity. Log in within 24 hours at "
                       "portal-secure-login.net")
            .spam);
  CHECK_FALSE(rules->Classify("My portal account got locked after three tries, who do I call?").spam);
}

TEST_CASE("round 61: money spent on show, told one time and out at another, an allergy ignored in "
          "Spanish, 'y nosotros qué'; a pharmacy switch wished sooner, others' gripes, not one "
          "unkind word, a bill from someone else, a crash coming in, people have families",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The new sign out front cost how much?", true},
      {"Told at 11am she could go home. Got out at 7:15 that night.", true},
      {"Le dije que era alérgico a la sulfa y me la dieron igual.", true},
      {"La cafetería cierra temprano. ¿Y nosotros qué?", true},
      {"Switched my refills to your pharmacy. Should've done that years ago.", false},
      {"Don't know why everybody hates the portal, I love it.", false},
      {"Not one unkind word from anyone on the cancer floor in a year.", false},
      {"The ER had nothing to do with it, the ambulance company sent that bill.", false},
      {"Waited four hours but a bus crash was coming in, totally understandable.", false},
      {"@Dana people have families, they close at 5.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
