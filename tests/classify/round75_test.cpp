// Round 75: families written after holdout76 was measured (complaints.rules `c75.*`,
// urgent_broad.rules `ub75.*`, urgent_counter.rules `uc75.*`, counter.rules `counter75.*`, with
// new patterns in older homes: plain.clock_elapsed ("at 1am ... now it's 6am"),
// c50.broken_for_months (curtains that "don't close all the way"), c59.patronized ("'we don't do
// walk-ins, sweetie.'"), plain7.deleted_review (Spanish "borran los comentarios"),
// c64.es_no_longer_accepts ("ya no atiende embarazos"), c51.service_missing ("no hand therapist
// closer than ..."), c52.talked_over ("asked her to stop and she kept right on"),
// c56.es_billed_after_paying ("tengo el recibo"), plain7.care_not_given ("hasn't once examined
// me"), c47.runaround_found_out ("pointing at each other") and counter39.self_harm_years_since ("ten years
// ago tonight I walked into the ER ... still here, still grateful")), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 75; the
// false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 75: finding out where a doctor lives, 'find out what I'm about', a fax of "
          "someone else's lab reports, a result seen on a cousin's screen",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Someone posted that he'd find out where Dr. Hale lives and pay him a visit.", "threat_of_violence"},
      {"The next nurse who walks past her is gonna find out what I'm about.", "threat_of_violence"},
      {"Our office fax keeps getting lab reports meant for your Eastside clinic.", "privacy_breach"},
      {"Mi vecina vio mi resultado en la computadora de la clínica.", "privacy_breach"},
  };
  const char* const calm[] = {
      "Find out where the doctor parks so we can meet her for lunch.",
      "Come to the 5k and find out what it's about!",
      "The fax machine got a new toner, reports print fine now.",
      "El doctor vio mis resultados y me explicó todo.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 75: a blood draw 'without fainting' and an anniversary of surviving are called off; "
          "a faint now and the same plan tonight are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Made it through my first blood draw without fainting!",
      "Eight years ago tonight I walked into the ER with a plan to end my life and walked out weeks later "
      "with a plan to live. Still here. Still grateful.",
  };
  const testing::UrgentCase live[] = {
      {"She fainted again without warning and hit her head, she is not waking up.", "medical_emergency"},
      {"Ten years ago tonight I walked into the ER with a plan to end my life. Tonight I have the same plan.",
       "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 75: clock times, curtains, a quoted 'sweetie', deleted Spanish comments, a service "
          "dropped, distance to the nearest therapist, a prayer that would not stop, a receipt, "
          "'less so', hours mocked, a family left without a doctor, cold meals, never examined, "
          "'shouldn't somebody have', a stone passed in the chairs, blame passed back and forth, "
          "'isn't ideal', time past the appointment, '¿cómo le hace?'; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Got to the ER waiting room at 11pm and now it's 4am.", true},
      {"The curtains in the ER bays don't close all the way.", true},
      {"The clerk told my grandmother 'we don't do that here, sweetie.' She is 84.", true},
      {"Siempre borran los comentarios en español de esta página.", true},
      {"La clínica del pueblo ya no atiende embarazos.", true},
      {"There's no hand therapist closer than Chattanooga.", true},
      {"We asked her to stop and she kept right on going.", true},
      {"Me mandan a cobranza por el mismo copago. Tengo el recibo.", true},
      {"The surgeon was great. The billing office, not so much.", true},
      {"Open Monday to Thursday, nine to four. Ear infections definitely keep those same hours.", true},
      {"Dropping our insurance in January leaves my whole family without a doctor.", true},
      {"La comida de mi mamá llegaba fría todos los días.", true},
      {"My oncologist hasn't once examined me.", true},
      {"Shouldn't somebody have checked her neck before sending her home?", true},
      {"Passed the stone in the waiting room before anybody called my name.", true},
      {"Billing and the insurer keep pointing at each other.", true},
      {"The cafeteria closing at 2 isn't ideal for families waiting on surgery.", true},
      {"Great doctor. Ninety minutes past my appointment time though.", true},
      {"La máquina no acepta efectivo y mi suegra no tiene tarjeta, ¿cómo le hace?", true},
      {"Check-in opens at 7am; now it's easier to book online.", false},
      {"My husband calls me 'honey' and the nurses think it's cute.", false},
      {"No place closer than home, glad to be back.", false},
      {"Sore after surgery, less so today. Thank you nurses!", false},
      {"Our kids keep the same hours as the clinic, school ends at 3.", false},
      {"Dr. Lee retiring leaves big shoes to fill, congratulations!", false},
      {"Dr. Patel has examined me every visit and explained it all.", false},
      {"The twins were pointing at each other in the photo, so cute.", false},
      {"Why isn't anyone talking about how kind the night nurses are?", false},
      {"¿Cómo le va a mi tía después de la cirugía?", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
