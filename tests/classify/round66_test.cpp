// Round 66: families written after holdout67 was measured (complaints.rules `c66.*`, with new
// patterns in conditions.dirty_empty (ants in a room, no toilet paper), waiting.never_received
// ("Nobody call back."), c49.months_notice_whoever ("Real thoughtful."), c57.learned_it_from_a_letter
// (read in the portal before anyone called), c60.appointment_clock ("Arrived 8:00 for an 8:30.
// Called back 10:15."), c51.guess_what (a drug "on his wristband"), c51.records_elsewhere (Spanish
// "de otra paciente"), c51.service_missing ("nobody does it anymore"), plain.clock_elapsed ("been
// here since lunch") and round 65's c65.overheard_in_public, c65.spend_vs_shortage,
// c65.bought_reviews and c65.teams_contradict; counter.rules `counter66.*` and patterns in
// counter51.moved_up ("got moved... EARLIER") and counter54.not_on_you ("to be clear, the hospital
// didn't send that bill"); spam.rules spam.offer and spam55; urgent_broad.rules `ub66.*` and
// ub12.threat_reported), checked with sentences written for this test, not taken from any data
// set. The true cases failed before round 66; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 66: throwing chairs, 'make sure he doesn't walk home', a chart posted in a group, "
          "a tablet left open with patient names, a threat posted under a photo",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"One more hour in this lobby and I'm about to start throwing chairs.", "threat_of_violence"},
      {"If that guard touches my son again, I'll make sure he doesn't walk home.", "threat_of_violence"},
      {"Someone is posting screenshots of a patient list from your ER in the neighborhood group.", "privacy_breach"},
      {"Encontré una tableta en la cafetería del segundo piso, al lado de las máquinas de café, con el sistema "
       "abierto y nombres de pacientes en la pantalla.",
       "privacy_breach"},
      {"The man who posted under your flu shot photo about 'shooting up the clinic' lives on my street.",
       "threat_of_violence"},
  };
  const char* const calm[] = {
      "I'm going to throw things together for the potluck tomorrow.",
      "I'll make sure he doesn't drive home after the sedation, I'm his ride.",
      "Can I get screenshots of my own records from the portal?",
      "My son wrote about shooting hoops at the clinic's field day.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 66: clock to clock, a drug on the wristband, cuts beside a donor lounge, two "
          "instructions, work redone, a leak met with a bucket, a rule that keeps family out, "
          "'do your doctors look anymore', no blood thinner, always behind; the counters (moved "
          "earlier, not the hospital's bill, doubt proven wrong, 'mine did'), spam and look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Arrived 8:00 for an 8:30 draw. Called back 10:15.", true},
      {"They gave my son amoxicillin. It's on his wristband.", true},
      {"Cut the night shuttle the same month you announced a new donor lounge.", true},
      {"Who am I supposed to believe, the nurse who said stop it or the doctor who said keep taking it?", true},
      {"My dentist took it out and redid the whole thing.", true},
      {"The leak over the ER doors has been there for months and the fix was a bucket.", true},
      {"Do your doctors look at patients anymore or is it just the screen?", true},
      {"After her hip surgery nobody put my mom on a blood thinner.", true},
      {"Is the Eastside lab always running 45 minutes behind, or just on my days?", true},
      {"My surgery got moved... EARLIER!", false},
      {"The ambulance company billed me. To be clear, the hospital didn't send that bill.", false},
      {"I wanted to go home, they kept me anyway. Glad they didn't listen to me.", false},
      {"Not every surgeon calls on a Sunday. Mine did.", false},
      {"$100 gift cards to the first 300 patients who complete our survey at clinic-rewards.info", false},
      {"Turmeric gummies, limited bottles left, order before midnight!", false},
      {"The same week you opened the new clinic, my sister got her first appointment.", false},
      {"Nobody put me on the spot at the support group, which I appreciated.", false},
      {"We saw a mouse at the zoo on the way to my appointment.", false},
      {"People need a good night's sleep at night too, so keep the halls quiet please.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
