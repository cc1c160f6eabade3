// Round 30: urgent families (urgent_broad.rules `ub30.*`) and counters (urgent_counter.rules
// `counter30.*`) written after holdout31 was measured, checked with sentences written for this
// test, not taken from any data set. Each urgent post must be flagged by the written rules alone;
// each post told as over must be flagged and then called off by a counter (so the test fails if
// the counter is taken out); each calm one must stay calm with everything shipped.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("urgent round 30: a threat through 'next time', notes in a group chat, a walk off the dock",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"The valet who keeps messaging my girlfriend should know: next time he runs into me it won't be to hand over my keys.", "threat_of_violence"},
      {"Your night guard better stop following my sister to her car or I'll handle it myself.", "threat_of_violence"},
      {"Somebody in my cousin's group chat posted a screenshot of my psych intake notes from your clinic.", "privacy_breach"},
      {"Photos of the ER whiteboard with patients' records on it are going around on Snapchat right now.", "privacy_breach"},
      {"I'm going to take one last walk off the end of the dock tonight. Thank the nurses for me.", "self_harm"},
      {"Honestly I think I'll take a long walk into the river after this appointment. Nobody will notice.", "self_harm"},
  };
  const char* const calm[] = {
      "Next time the dermatologist sees me it will be for my yearly mole check!",
      "Our family group chat has a photo of the new baby, thank you L&D!",
      "How do I get copies of my records sent to the new clinic?",
      "Walked the river path after my cardiac rehab session, such a good program.",
      "The pharmacy better stop texting me coupons, I already switched plans lol",
      // Known false alarms of older rules until round 30 (rules/README.md, round 28).
      "I'm so confused about my bill, who do I call?",
      "Confused about the new visitor policy, do I call the front desk or the unit?",
  };
  testing::ExpectFlaggedByRules(urgent);
  testing::ExpectCalm(calm);
}

TEST_CASE("urgent round 30: counters call off emergencies told as over, live ones stay urgent",
          "[classify][urgent]") {
  const char* const over[] = {
      "Last spring my husband collapsed at the 5K finish line. Home now and fully recovered, thank you to the medical tent.",
      "My son stopped breathing in your waiting room when he was a baby. He's 12 now and doing great.",
      "The night nurses were so gentle while my dad was dying. Nobody rushed us, nobody made us leave.",
      "Week two of the flu and I still feel like I got run over by a truck.",
      "My shin was bleeding through the bandage after the fall, the urgent care stitched it and it healed up nicely.",
  };
  // Live emergencies that share words with those counters.
  const testing::UrgentCase live[] = {
      {"My dad was discharged yesterday and now he collapsed in the kitchen and isn't breathing right", "medical_emergency"},
      {"My mom is dying in the hallway of your ER and nobody will come", "medical_emergency"},
      {"A truck hit my brother outside the clinic, he's not moving, call someone", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

}  // namespace
}  // namespace turnaround::classify
