// Rounds 30 to 33. Round 30: urgent families (urgent_broad.rules `ub30.*`) and counters (urgent_counter.rules
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
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
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

// Round 31: a fresh pass of our own urgent sentences (ub31.*): heavy bleeding after a birth, an
// implanted defibrillator firing again and again, a failed insulin pump with ketoacidosis signs,
// affairs put in order, a drive off the road thought about, and threats in disguise.
TEST_CASE("urgent round 31: a fresh pass of our own urgent sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Two weeks after my c-section I'm filling a pad in half an hour and feeling faint.", "medical_emergency"},
      {"My sister had her baby Monday and now she's passing clots as big as a lemon.", "medical_emergency"},
      {"His ICD has shocked him three times since dinner.", "medical_emergency"},
      {"Her pump came off in the night and now she's breathing fast and deep and her breath smells fruity.", "medical_emergency"},
      {"Gave the cats to my neighbor and texted everyone goodbye. Won't be needing my next appointment.", "self_harm"},
      {"Every night on the bridge I think about how easy it would be to just let go of the wheel.", "self_harm"},
      {"Tell your receptionist to watch her back tonight on the walk out to the lot.", "threat_of_violence"},
      {"I'm bringing a little something for that surgeon and it isn't flowers.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Left the dog with my sister and told her I love her, see you all after my knee surgery!",
      "The new moms' group meets Tuesdays, bring extra pads and snacks!",
      "Does the device clinic check defibrillators on Saturdays?",
      "My attorney friend says your estate planning seminar was great.",
      "Tell the new residents to check their mirrors in the garage, it's tight.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 32, after holdout32 was measured: a farewell told sideways (ub32.* pieces of evidence that
// add up) and emergencies told as an anniversary, a memory or a lesson (counters).
TEST_CASE("urgent round 32: farewells told sideways, emergencies told as memories", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My back is shot and so am I. Heading to the lake for one last sunrise, bye to everyone here.", "self_harm"},
      {"The transplant list is done and so am i. one last drive tonight, love you all", "self_harm"},
  };
  const char* const calm[] = {
      "Bye to everyone on 5 West, I'm finally going home tomorrow! You were all wonderful.",
      "Semester's over and so am I, see you all at graduation!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "Five years ago today my wife collapsed at your 5K and your medical tent brought her back.",
      "Remember when I passed out at the blood drive? Still mortified, still grateful.",
      "Learned the hard way: my son stopped breathing at a restaurant and nobody knew the Heimlich. Take the class.",
      "Our daughter stopped breathing as a newborn. She's now 6 and runs the house.",
  };
  const testing::UrgentCase live[] = {
      {"My dad collapsed a few minutes ago in your lobby and nobody is helping", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 33: a second fresh pass of our own urgent sentences (ub33.*).
TEST_CASE("urgent round 33: a second fresh pass of our own urgent sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Holding my pistol in the lot, looking for that security guard who tackled my brother.", "threat_of_violence"},
      {"La enfermera que me humilló sale a las 7. Afuera la vamos a estar esperando.", "threat_of_violence"},
      {"Got a rope from the hardware store. I just want someone to know before tonight.", "self_harm"},
      {"I've been giving away all my books and tools. Tell the nurses on 4 thank you for me.", "self_harm"},
      {"Our 7 week old has a fever of 101 and is hard to wake up.", "medical_emergency"},
      {"Mi hija de tres semanas tiene fiebre y no quiere el pecho.", "medical_emergency"},
      {"A tech from your imaging center has been telling my neighbors about my son's cancer.", "privacy_breach"},
      {"You mailed my psych meds refill notice to my former address, my ex lives there now.", "privacy_breach"},
  };
  const char* const calm[] = {
      "My cousin the lawyer volunteers at your free legal clinic every month, such a good program.",
      "Bought a jump rope and a yoga mat for cardiac rehab, wish me luck!",
      "Giving away a crib and baby clothes to any NICU family who needs them.",
      "Mi bebé de dos meses ya no tiene fiebre, gracias a la doctora.",
      "I just wanted someone to know how kind the night nurses were to my dad.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

}  // namespace
}  // namespace turnaround::classify
