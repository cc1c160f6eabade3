// Round 85: families written after holdout86 was measured (complaints.rules `c85.wrong_diet_tray`,
// counter.rules `counter85.*` (mock outrage, "where have you been all my life", a found toy
// "someone is missing", "without missing a dose"), urgent_broad.rules `ub85.wont_need_follow_up`, with new patterns in
// older homes: c65.night_before_seen (a night "on a stretcher in the corridor"),
// c50.broken_for_months (shades that "don't close all the way"), plain.deadpan_tail ("Pack a
// lunch. Maybe two."), c47.mail_gives_away ("a postcard, no envelope, about ..."),
// c52.mail_that_hurts (Spanish: mail that reached someone "que falleció"),
// c82.since_morning_now ("since 1130 ... its 245 now"), c51.guess_what (Spanish: allergic "y aun
// así me lo pusieron"), c81.nothing_for_those_who_work ("Is there nothing after work?"),
// plain.schedule_system_wrong (moved "while I was already halfway through the prep"),
// ub.privacy_broad (results "emailed to the camp HR inbox"), ub50.threat_car_street_bring ("answer
// for that one way or another"), ub10.threat_knows_person ("I know she drives the red Jeep in the
// employee lot"), ub6.privacy_told_audience (Spanish: told someone "lo que hablé con la
// psicóloga"; a name band "facing the camera"), ub6.self_harm_not_around ("I don't really plan
// on needing it by then" of counseling), ub9.self_harm_farewell_acts (Spanish "Díganle a mi hija
// que su papá la quiso mucho", moved from ub83.es_farewell_letter's half), counter80.under_estimate
// ("right about what the estimate said") and praise22.blame_named_elsewhere ("That's Granite
// State Mutual, not the clinic")), checked with sentences written for this test, not taken from
// any data set. The true cases failed before round 85; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 85: results sent to HR, answer for it one way or another, the car in the staff "
          "lot, told what I said to the psychologist, a name band on camera, not planning on "
          "needing counseling, a session I won't need after thanks long past, a Spanish goodbye",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My husband's physical, with his depression meds listed, got emailed to the camp HR inbox.",
       "privacy_breach"},
      {"That nurse is going to answer for that one way or another.", "threat_of_violence"},
      {"I know she drives the red Jeep in the employee lot.", "threat_of_violence"},
      {"La intérprete le contó a mi cuñada lo que hablé con la psicóloga.", "privacy_breach"},
      {"The cath lab posted a reel and my dad's name band is facing the camera.", "privacy_breach"},
      {"Counseling moved me to March. I don't really plan on needing it by then.", "self_harm"},
      {"The ER nurses were kind to me last year. I don't think I'll be needing my next session.",
       "self_harm"},
      {"Díganle a mi hija que su papá la quiso mucho.", "self_harm"},
  };
  const char* const calm[] = {
      "Please send the fit-for-duty form to HR, not the results.",
      "I'll get an answer on this bill one way or another, even if I have to call daily.",
      "We know the staff lot is full, we parked on the street.",
      "Therapy is booked for March and I don't plan on needing it more than twice.",
      "Knee feels great, I don't think I'll need the brace anymore.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 85: a night on a stretcher in the corridor, shades that don't close, pack a lunch "
          "maybe two, a postcard with no envelope, mail for a husband who died, since 1130 its 245 "
          "now, allergic and given it anyway, nothing after work, moved mid-prep, a cheeseburger on "
          "a liquid diet; the look-alikes, a found toy someone is missing, care without missing a dose",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Spent the whole night on a stretcher in the corridor. He said the people-watching was great.",
       true},
      {"The blackout shades in the family room don't close all the way.", true},
      {"Infusion at 8 means the chair at 11. Pack a lunch. Maybe two.", true},
      {"Got a postcard, no envelope, about my 'weight loss surgery consult.'", true},
      {"A mi esposo, que falleció en marzo, le llegó un recordatorio para su cita.", true},
      {"sitting in the er lobby since 1130 with my son its 245 now", true},
      {"Soy alérgico al látex, lo dice mi pulsera, y aun así me lo pusieron.", true},
      {"I work 7 to 4 and they only offer 10am. Is there nothing after work?", true},
      {"They texted to move my scope while I was already halfway through the prep.", true},
      {"Dad is on a clear liquid diet and dietary sent up a tray with a cheeseburger.", true},
      {"Slept all night on a cot in her room so she wouldn't be alone, the nurses brought me a "
       "pillow.",
       false},
      {"Bring a book, the kids' area is closed. Or two if you're a fast reader and the wait runs "
       "long.",
       false},
      {"A mi papá, que murió en mayo, lo cuidaron muy bien en el hospicio.", false},
      {"Mom is on a soft diet and the kitchen brought her a lovely tray of soup and pudding every "
       "day.",
       false},
      {"$212 after insurance, right about what the estimate said.", false},
      {"My deductible reset in January. That's Granite State Mutual, not the clinic.", false},
      {"I'm mad it took me 30 years to find a dentist this gentle.", false},
      {"New dermatologist in Dover, where have you been all my life.", false},
      {"Found a pink bunny by the lab. Some little one is missing her.", false},
      {"The home health nurse got Dad through the blizzard without missing a dose.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
