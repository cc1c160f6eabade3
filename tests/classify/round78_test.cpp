// Round 78: families written after holdout79 was measured (complaints.rules `c78.*`,
// urgent_broad.rules `ub78.*`, counter.rules `counter78.*`, with new patterns in older homes:
// question.when_will ("is anybody at the clinic ever going to ..."), c45.what_is_it_for ("or is
// it just a pretty decoration?"), c60.says_one_thing ("your highway billboard says"),
// c70.is_a_choice ("is a choice, considering ..."), plain24.nothing_working ("exactly one working
// light"), c59.as_if_absent ("no me miró ni una sola vez", "me sentí como un mueble"),
// c74.called_it_wrong (a quoted "allergies"), plain.clock_elapsed ("got to the ER at 6:10 pm ...
// walked out at 1:45 am"), c48.es_told_refused and ub58.whole_group_knew ("le contó que estoy
// embarazada ... no se lo había dicho a nadie"), ub61.ex_works_there ("my ex's new wife works
// in registration"), ub8.medical_signs ("se le ponen morados los labios"), ub11.legal_actor_intent
// (no longer reads "a consulting firm" as counsel), counter39.awareness_event ("suicide
// prevention (QPR) training"), counter40.story_then_now (Spanish "llegó con un infarto ... hoy ya
// está en casa"), counter56.not_them (no longer reads "Not the hospital. The funeral home." as
// clearing the hospital), counter60.worst_was_leaving, counter45.fairness_defence ("before y'all
// pile on"), spam.money_scheme ("gane $"), spam56 ("by entering your card details") and
// spam48.job_scams (an equipment fee)), checked with sentences written for this test, not taken
// from any data set. The true cases failed before round 78; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 78: a 'you're next' note, no life vest tonight, an ex's new wife in registration, "
          "a Spanish disclosure and blue lips",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Found a card tucked under my wiper in the staff garage: \"you're next, nurse.\"", "threat_of_violence"},
      {"I won't be needing my appointments anymore. Going out on the lake alone tonight without a life jacket.",
       "self_harm"},
      {"My ex-boyfriend's new girlfriend works at the front desk and she texted me about my test.", "privacy_breach"},
      {"La enfermera le contó que estoy enferma a mi cuñada y ya todos lo saben.", "privacy_breach"},
      {"Mi bebé tose sin parar y se le están poniendo morados los labios.", "medical_emergency"},
  };
  const char* const calm[] = {
      "The triage nurse smiled and said \"you're next\" and took us straight back.",
      "Wear a life jacket on the lake this weekend, the ER team asks.",
      "My ex works at the hospital and she loves her job.",
      "Mi hermana le contó a mi mamá que estoy embarazada y todos lloramos de alegría.",
      "Paid a design firm for the new logo the same month the clinic cut Saturday hours.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 78: a QPR training notice and a Spanish heart attack with the husband home today are "
          "called off; a heart attack now is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Free suicide prevention (QPR) training in the cafeteria Thursday at 6pm, all welcome.",
      "Mi papá llegó con un infarto y los doctores no se rindieron. Hoy ya está en casa con nosotros.",
  };
  const testing::UrgentCase live[] = {
      {"Mi papá está teniendo un infarto ahorita, ¿a qué puerta vamos?", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 78: another doctor had to redo it, has anyone noticed, knew before I told, third "
          "time's the charm, never once seen within an hour, a nausea emoji, a death told by the "
          "funeral home, love the people hate the parking, Spanish why ... but closed, ever going "
          "to, a pretty decoration, a billboard, a choice considering, one working light, never "
          "looked at me, a quoted misdiagnosis, clock times; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The walk-in stitched it over the glass, and the surgeon at the big hospital had to open it all back up.",
       true},
      {"Has anybody at the lab noticed that the sign-in kiosk is in the sun?", true},
      {"My cousin knew about my visit before I'd told anyone in the family.", true},
      {"Mailed a 'survivorship' brochure to my house and my daughter opened it. I hadn't told her yet.", true},
      {"Two referrals so far. Third time's the charm I guess.", true},
      {"Lovely doctor. I have never once been seen within an hour of my appointment.", true},
      {"Family lounge bathroom on 4 West 🤢", true},
      {"We learned my grandfather had passed when the coroner called us.", true},
      {"Love the staff at the Main Street clinic, can't stand the phone tree.", true},
      {"¿Por qué hay dinero para un mural nuevo pero no hay pediatra los sábados?", true},
      {"Is anybody at the billing office ever going to explain this statement?", true},
      {"Does the wait-time sign work, or is it just a pretty decoration?", true},
      {"Your airport billboard says \"Care that comes to you.\" Our home visits stopped last year.", true},
      {"Closing the only pharmacy on the east side is a choice, considering who lives there.", true},
      {"The garage has exactly one working light on the third floor.", true},
      {"La doctora no me miró ni una sola vez durante la cita.", true},
      {"Diagnosing my broken foot as \"a sprain\" was a great start.", true},
      {"Got to the walk-in at 9 am for my daughter's ear. Walked out at 1:30 pm.", true},
      {"Worst part of rehab? Having to say goodbye to the therapists.", false},
      {"Before y'all pile on: the nurses didn't set the visitor rules, the state did.", false},
      {"Gane $300 al día desde su casa, escriba por WhatsApp.", false},
      {"Refund notice: claim it by entering your card details at refund-center[.]com today.", false},
      {"Data entry from home, no experience needed, just pay a $40 starter fee.", false},
      {"She got the IV in on the first try with my squirmy toddler. Respect.", false},
      {"The new MRI opens next week. No more three hour drives for my scans!", false},
      {"How dare y'all be so kind to my grumpy grandpa.", false},
      {"Ninety minutes at the walk-in, which is normal for a Saturday.", false},
      {"Has anyone noticed how lovely the new garden by the lobby is?", false},
      {"I found out I was pregnant before I told my husband and the nurse helped me plan the surprise.", false},
      {"Third time's the charm! Our rainbow baby arrived on Tuesday.", false},
      {"Chemo day 🤢 but my infusion nurse had me laughing anyway.", false},
      {"We learned he had passed from his doctor, who sat with us a long time.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
