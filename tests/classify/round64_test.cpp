// Round 64: families written after holdout65 was measured (complaints.rules `c64.*`, with new
// patterns in c48.same_same_cute ("New sign ... Same hold music.", "Closing the X is a choice."),
// c55.facility_for_months (out of order "since I started"), c59.dismissed_then_proven (a sprain
// that was a fracture), c60.appointment_clock ("Appointment at 9:15. Called back at 11:40."),
// demand.fix ("I would appreciate a response") and plain24.repeated_attempts (a comment deleted);
// counter.rules `counter64.*` and patterns in praise7.negated_bad ("nobody was rude"),
// counter63.found_item, counter52.defend_staff and counter54.not_on_you; urgent_broad.rules
// `ub64.*` and patterns in ub14.privacy_found, ub34.gave_away_belongings,
// ub6.self_harm_not_around, ub9.self_harm_farewell_acts and ub7.self_harm_unsafe; urgent.rules
// urgent.medical_emergency ("now he's 104.1")), checked with sentences written for this test,
// not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 64: belongings given away in Spanish, a named bridge and an old kindness, not "
          "needing a bike after tonight, the walk to a car, the means at hand, a 104.6 fever, "
          "how many of grandpa's pills, found forms, not around by then, the only reason gone",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Ya no puedo más. Le regalé mis cosas a mi prima.", "self_harm"},
      {"Sitting on the Hood Canal bridge right now. The ICU nurses were kind to me last year.", "self_harm"},
      {"Sold my bike, won't need it after tonight.", "self_harm"},
      {"The nurse who let my dad fall is going to get a message. Tell her to enjoy the walk out to her car.",
       "threat_of_violence"},
      {"Everything I need to end this is right here in my bag.", "self_harm"},
      {"how many of grandpa's heart pills would it take", "self_harm"},
      {"My daughter's temp is 104.6 and she's shaking, where is the closest ER", "medical_emergency"},
      {"Encontré en la parada del autobús frente al hospital una bolsa con formularios de pacientes, con nombres y "
       "fechas de nacimiento.",
       "privacy_breach"},
      {"They can't see me until April 9. Not sure I'll still be around by then.", "self_harm"},
      {"My counselor retired. She was the only reason I've stuck around. I don't see the point of anything anymore.",
       "self_harm"},
  };
  const char* const calm[] = {
      "We drove over the Golden Gate Bridge right now on our way home, so pretty!",
      "Room 104 is where the flu clinic is this week.",
      "how many of the pills does it take to lower a fever in a 40 lb kid?",
      "Dejé mis cosas en el carro y entré a la cita.",
      "My dog is the reason I get out of bed at 6am, lol.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 64: replied to others, addresses in the CC line, 'pick one', a step skipped, a "
          "van service cut, no shelter and no bench, the only pharmacy lost, an apology owed, "
          "trees cut down, a review taken down, 'I'd have liked'; the counters (understandable, "
          "an apology to staff, a found mitten) and look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"You replied to three people who posted hearts and not to my question from Monday.", true},
      {"Their reminder email had forty other patients' addresses in the CC line.", true},
      {"Form says fax it, the website says upload it, the phone says mail it. Pick one.", true},
      {"They put the cast on without anyone checking the X-ray first.", true},
      {"The van service to the dialysis center was discontinued last month.", true},
      {"The bus stop by the cancer center has no shelter and no bench.", true},
      {"Our town lost its only pharmacy when you closed the clinic store.", true},
      {"The triage nurse owes my mother an apology.", true},
      {"You tore down the cherry trees by the entrance for a parking garage.", true},
      {"Why was my review taken down? It was polite.", true},
      {"I'd have liked to know about the cost before the procedure.", true},
      {"My father waited six hours for pain medication. We would appreciate an explanation.", true},
      {"The new resident talked to my dad like a child the whole visit.", true},
      {"Somehow my whole church knew about my diagnosis before I told anyone.", true},
      {"The nurse asked if I was \"sure\" I was in pain.", true},
      {"New sign, new name, new website. Same hold music.", true},
      {"Closing the pharmacy at 5 on weekdays is a choice.", true},
      {"Appointment at 9:15. Called back at 11:40.", true},
      {"Urgent care said it was a sprained ankle. Two weeks later the X-ray showed a fracture.", true},
      {"Two-hour wait, but a bus crash had just come in. Completely understandable, staff were amazing.", false},
      {"I was short with the nurse on the phone yesterday and she didn't deserve it. Sorry.", false},
      {"Everyone complains about the parking but honestly I always find a spot.", false},
      {"Found a kid's mitten by the elevators, left it at the info desk.", false},
      {"I would appreciate any tips for the first week home with a newborn.", false},
      {"The nurse talked to my son like a grown-up and he loved it.", false},
      {"Pick one of the three dates on the flyer for the flu clinic.", false},
      {"We got out without anyone noticing the cake we hid for the nurses.", false},
      {"Somehow we made it to the appointment on time in the snow.", false},
      {"I owe the front desk an apology, I was short with them.", false},
      {"My mom would have liked the garden, thank you for the photos.", false},
      {"Trying to ice skate at 45 was a choice. Tailbone agrees.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
