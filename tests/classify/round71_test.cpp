// Round 71: families written after holdout72 was measured (complaints.rules `c71.*`,
// counter.rules `counter71.*`, urgent_broad.rules `ub71.*`, with new patterns in older homes:
// plain.stopped_taking (a plan "dropped in the middle of my chemo"), c70.kind_except_one
// ("everyone else was wonderful but that man needs training"), c70.is_a_choice ("is... a
// choice."), counter70.not_on_the_clinic ("(not you)", "not at my doctors"),
// counter52.defend_staff ("maybe be nicer"), counter35.wait_understood ("I'm fine waiting"),
// counter69.home_after_stay ("came home from the NICU after 87 days"), ub43's "how many of the
// 50mg ... too many", ub.threat_broad ("going to flip that desk") and
// counter30.medical_recovered ("now he's 6")), checked with sentences written for this test,
// not taken from any data set. The true cases failed before round 71; the false ones guard the
// look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 71: a Spanish threat to come with a gun, a desk about to be flipped, 'how many of "
          "the 25mg ... asking for me', pills counted out, results left on a family member's phone",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Mi vecino dice que va a ir a la clínica con su pistola porque no le dieron las pastillas.",
       "threat_of_violence"},
      {"If one more nurse shrugs at me I'm going to flip that front desk over.", "threat_of_violence"},
      {"how many of my 25mg seroquel would be too many. asking for me. nobody's home", "self_harm"},
      {"My roommate says her meds are all counted out and now she won't pick up.", "self_harm"},
      {"The clinic left a message on my mom's cell saying my HIV results were ready.", "privacy_breach"},
  };
  const char* const calm[] = {
      "Va a ir a la clínica con su mamá el martes.",
      "Somebody should flip the table in the lobby, it's upside down.",
      "How many visitors is too many for one room?",
      "The pharmacist counted out my pills and explained each one.",
      "What time does your shift end? I'll bring coffee to the nurses.",
      "Please leave a message on my cell, not the house phone.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 71: a rescue told with the child's age now is called off; a fever 'now 104.5' is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "My son swallowed a button battery at 2 and stopped breathing, now he's 9 and fine.",
  };
  const testing::UrgentCase live[] = {
      {"Sent him home with a fever yesterday. Now he's 104.5 and we can't wake him.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 71: the care as the cause, a service one day a week, a plan dropped mid-treatment, "
          "'not a complaint about the care', a reason for visit printed, one bar of signal; the "
          "counters' look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Gluing the cut shut without washing the lake water out is how I ended up with this infection.", true},
      {"The ASL interpreter is only available Wednesdays. My dad's stroke happened on a Saturday.", true},
      {"Y'all dropped Bluestem in the middle of my pregnancy.", true},
      {"Not a complaint about the care, the care was fine. It's about the receptionist's comments.", true},
      {"The check-in kiosk prints your reason for visit on the name sticker.", true},
      {"Video visits only now? We get one bar of signal at the farm.", true},
      {"The tow company (not you) charged me $400 to move my car from the lot.", false},
      {"I'm furious at this cancer. Not at my doctors, they did everything right.", false},
      {"I swore I'd never go back after my dad died there. The hospice team changed my mind.", false},
      {"Late because of the bridge closure and they still squeezed me in.", false},
      {"The other urgent care gave her antibiotics for a virus. Came to yours and got a real test.", false},
      {"Those nurses worked doubles through the blizzard. Maybe be nicer.", false},
      {"Our twins came home from the NICU after 90 days!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
