// Round 73: families written after holdout74 was measured (complaints.rules `c73.*`,
// urgent_broad.rules `ub73.*`, with new patterns in older homes: c60.iv_tries ("four IV sticks"),
// c63.said_across_the_room ("hollered ... across a packed waiting room"), c59.dismissed_then_proven
// (sent home, a clot or a heart attack the next day), cat8.staff_labels_patient ("asked if I was
// faking it"), plain.clock_elapsed ("discharged at 11am ... out the door at 6:15pm"),
// plain24.eligibility_restriction (hospice that "won't come out" down a dirt road),
// c65.overheard_speaker (a medication list read over a speaker), c71.all_i_get_is_a_recording
// ("all I got back was an automated message"), ub67 (an ex who knows when she gets off), ub6 ("I
// don't really think I'll be around to use it by then"), ub9 ("I'll be waiting at the office
// door ... settle it there"), ub6.privacy_told_audience ("who else she has looked up"),
// counter35/50/52 and counter39.awareness_event (a prevention training with a day and time)),
// checked with sentences written for this test, not taken from any data set. The true cases
// failed before round 73; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 73: an intake 'I don't think I'll be around to use by then', waiting at the office "
          "door to settle it, 'so someone knows where', 'fewer of them by Friday', who else she looked up",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Intake is two months out. Honestly I don't really think I'll be around to use it by then.",
       "self_harm"},
      {"I'll be waiting at the office door at 5 and we can settle it there.",
       "threat_of_violence"},
      {"Parked by the dam since midnight. Just posting so someone knows where.",
       "self_harm"},
      {"A guy at the bar said there'll be fewer of them by Friday at that clinic.",
       "threat_of_violence"},
      {"The billing clerk is my neighbor. I want to know who else she has looked up.",
       "privacy_breach"},
  };
  const char* const calm[] = {
      "My husband knows when I get off, he picks me up every night.",
      "I'll be waiting in the parking lot at 5, text me when she's discharged.",
      "Posting the chapel hours so someone knows where to go.",
      "Fewer cars in the lot by noon, come after lunch.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 73: a prevention training with its day and time is called off; a live plan after a "
          "class is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Free QPR suicide prevention training at the library Tuesday at 6, bring a coworker.",
  };
  const testing::UrgentCase live[] = {
      {"I took a suicide prevention class last spring and now my roommate says she has pills and a plan tonight.",
       "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 73: IV sticks counted, a name hollered across a room, a clock from discharge to door, "
          "waiting on one signature, 'didn't think this through', 'so the stars mean what exactly', "
          "'had a lovely weekend, thanks', a flip phone, a medication list over a speaker; the "
          "counters' look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Four IV sticks on my grandma before anyone called the IV team.", true},
      {"The lab tech hollered my name and my test across a packed waiting room.", true},
      {"The ER doc asked if I was faking it. My appendix burst that night.", true},
      {"Discharged at 11am, we finally got out the door at 6:15pm.", true},
      {"Hospice won't come out to Grandpa's farm because it's too far down a dirt road.", true},
      {"Mom sat in the recliner all afternoon waiting on one signature.", true},
      {"A wine tasting fundraiser for the addiction center. Somebody didn't think this through.", true},
      {"Gift cards for five-star reviews? So the stars mean what exactly.", true},
      {"Biopsy results at 5pm Friday, nobody to call till Monday. Had a lovely weekend, thanks.", true},
      {"So the app requires a smartphone now? My mother has a flip phone.", true},
      {"The tech read my full medication list over the pharmacy speaker.", true},
      {"Texted the crisis line chat at 2am. All I got back was an automated message.", true},
      {"A nurse asked me at the ballgame how my biopsy went, in front of my boss.", true},
      {"Waited four hours because of a pileup on the interstate. I'd want the same for my family.", false},
      {"Our insurer denied the scan again. The clinic has been wonderful, it's the insurance company "
       "that's the problem.",
       false},
      {"Y'all leave the night nurses alone, they are short three people.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
