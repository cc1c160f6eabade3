// Round 74: families written after holdout75 was measured (complaints.rules `c74.*`,
// urgent_broad.rules `ub74.*`, with new patterns in older homes (the "throwback" counter now lives in
// counter37.medical_years_ago):
// c62.nobody_until_monday ("no doctor to call until Monday"), c73.great_weekend_thanks ("Great
// weekend, thanks." on its own), c73.phone_too_old (a phone "with the latest update"),
// c73.didnt_think_it_through ("somebody needs to think this through"), c41.spared_then_but ("no
// complaints there. But ..."), c46.moved_on_the_day (a letter "saying the 16th"),
// c45.would_have_been_nice ("would have helped if someone mentioned"), c47.runaround_found_out
// ("cardiology says GI, GI says ..."), c51.service_missing (the closest one "is now 70 miles"),
// c51.records_elsewhere (pills handed to a stranger; Spanish "a otra señora"),
// c52.service_stopped (a van that stopped coming, and nobody said a word), plain.clock_elapsed
// (checked in at 7:15, name called at 10:05), plain.availability_far ("the soonest they have"),
// ub67.means_in_car (a barn or shed), ub7.self_harm_unsafe ("told them I wasn't safe"),
// gen.privacy_records_exposed (a portal that showed a neighbour's report), counter35 ("those folks
// needed it more") and counter39.awareness_event (a training "at 6pm")), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 74; the
// false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 74: a shed and a shotgun, belongings given away with a note, 'told them I wasn't "
          "safe', a portal that showed a neighbour's report",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Been sitting out in the shed with Grandpa's shotgun since supper.", "self_harm"},
      {"Gave my guitar and my records away and left my brother a note on the fridge.", "self_harm"},
      {"I told the night line I wasn't safe alone. Nobody called back.", "self_harm"},
      {"The app showed me my neighbour's scan report when I logged in.", "privacy_breach"},
  };
  const char* const calm[] = {
      "I told the nurse I wasn't safe driving after the sedation, so she called my son.",
      "Gave my old crib away to a neighbor and left her a thank-you card.",
      "The nurse showed me a stranger's get-well balloon by mistake, we laughed.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 74: a training 'at 7pm' and a 'throwback' with thanks are called off; a throwback "
          "with a live seizure is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Free QPR suicide prevention training at the rec center, May 4 at 7pm.",
      "Throwback to the night my wife's appendix burst on our camping trip. Surgery team, you are legends.",
  };
  const testing::UrgentCase live[] = {
      {"Throwback to the night he had his first seizure. He is seizing again right now, please help.",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 74: nobody to call until Monday, dry thanks, passed in a loop, conflicting dates, "
          "worn rooms, mocked spending, impossible bookings, a shrugged rule, 'how is it that', a "
          "finding named wrong, distance after a closure, hands on a patient, a grateful story's one "
          "fix, a towed car, details handed to a stranger, a service that stopped, clock times; the "
          "look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Biopsy results in the app at 6pm Friday. No doctor to call until Monday.", true},
      {"Scan said mass at 8pm Friday and the office was closed. Great weekend, thanks.", true},
      {"The check-in app needs a phone with the newest software. Grandpa's phone is from 2016.", true},
      {"Somebody upstairs needs to think this through.", true},
      {"Labor and delivery, no complaints there. But the lactation consultant came once in three days.",
       true},
      {"The text said the 5th, and then a letter came saying the 8th.", true},
      {"Would have helped if anyone told us the dressing had to stay dry.", true},
      {"Radiology says ask surgery, surgery says ask radiology, radiology says ask surgery.", true},
      {"The bathrooms on the third floor have seen better decades.", true},
      {"Pledge drive posters on every wall. I'm sure that's exactly where the night shift's raises went.",
       true},
      {"Surgery at 8 in one town and physical therapy at 8:30 in another. I'll just clone myself.", true},
      {"Hospice said no kids under 14 so my nephew missed saying goodbye. Rules are rules, I guess.", true},
      {"How is it that the pharmacy closes before the clinic does?", true},
      {"They called my rash an allergy and it turned out to be shingles.", true},
      {"Closest pediatric dentist is now 90 miles from our town.", true},
      {"The guard who shoved my brother at the entrance was laughing about it.", true},
      {"We are forever grateful to the ICU. One thing we hope someone fixes: the family lounge locks at 9.",
       true},
      {"My car got ticketed while my wife was giving birth.", true},
      {"En la farmacia le dieron los medicamentos de mi abuela a otra señora.", true},
      {"The pharmacy handed my dad's pills to a stranger.", true},
      {"The mobile clinic stopped visiting the reservation and nobody said a word.", true},
      {"Checked in at 6:45 for bloodwork. Name called at 9:20.", true},
      {"The soonest they have is November and it's May.", true},
      {"Two hours in the ER, but a van rollover came in and those folks needed it more.", false},
      {"Rules are rules and I'm glad the NICU is strict about visitors.", false},
      {"One thing I hope never changes is Nurse Pat's laugh.", false},
      {"The nurse who pushed me to get the scan saved my life.", false},
      {"The closest parking is now right by the door, love it.", false},
      {"I have seen better days, but the nurses cheered me up.", false},
      {"We waited, but that's how it should work when someone sicker comes in.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
