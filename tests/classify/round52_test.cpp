// Round 52: families written after holdout53 was measured (complaints.rules `c52.*`; counter.rules
// `counter52.*` and `question52.opening`; spam.rules `spam52.notice_and_classifieds`;
// urgent_broad.rules `ub52.*`; urgent_counter.rules `counter52.*`), checked with sentences written
// for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 52: a stroke at home, late pregnancy bleeding, dark thoughts, notes that reached the boss",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My husband is talking funny all of a sudden and his smile is crooked.", "medical_emergency"},
      {"I'm 34 weeks along and bleeding through a pad, is labor and delivery open?", "medical_emergency"},
      {"The baby hasn't moved since breakfast and I'm 38 weeks.", "medical_emergency"},
      {"I keep thinking about the tracks behind our place. Every night now.", "self_harm"},
      {"A veces pienso que si me tiro del puente nadie me extrañaría.", "self_harm"},
      {"How did my psychiatrist's notes end up with my supervisor?", "privacy_breach"},
  };
  const char* const calm[] = {
      "My grandson talks funny since he lost his front teeth, so cute.",
      "Thirty weeks along and feeling great, see you at the class Tuesday.",
      "I keep thinking about the lake house we rented last summer, best trip ever.",
      "My boss got a copy of my doctor's note because I sent it to her.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);

  const char* const over[] = {
      "Back in 2020 I was in a very dark place and thought about ending it. Doing well now, reach out if "
      "you're struggling.",
      "Got my covid booster and my arm feels like a brick today.",
  };
  const testing::UrgentCase live[] = {
      {"I want to end it tonight, I have the pills ready.", "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 52: sources that disagree, a clock, talked over, a service stopped, mail that hurts",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Portal says Monday, the reminder card says Thursday. Make up your minds.", true},
      {"Physical was at 10:30 and we got called back at 12:10.", true},
      {"The resident spoke over my grandmother like she was invisible.", true},
      {"Receptionist: *heavy sigh* name and date of birth.", true},
      {"The clinic pharmacy stopped stocking my blood pressure pill, so now I drive 40 miles.", true},
      {"No wheelchair ramp at the side entrance of the dental office.", true},
      {"You sent a flu shot reminder addressed to my wife who passed away in June.", true},
      {"Le dieron nomás una pastilla y pa' la casa, y era apendicitis.", true},
      {"Plows piled snow on our road again and we missed my dialysis. County, do your job.", false},
      {"Denied again. This one's all on the insurance company, the nurses did everything.", false},
      {"The wait wasn't because the nurses were lazy, three ambulances came in at once. Give them a break.", false},
      {"How do I become a patient at the Riverside clinic? We just moved here.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("This page violated community standards and will be removed in 12 hrs. Appeal here.").spam);
  CHECK(shipped->Classify("Selling a lift chair, barely used, $200, PM me.").spam);
  CHECK_FALSE(shipped->Classify("Nobody told me the lift chair rental wasn't covered, $200 a month.").spam);
}

}  // namespace
}  // namespace turnaround::classify
