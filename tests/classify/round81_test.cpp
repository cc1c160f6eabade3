// Round 81: families written after holdout82 was measured (complaints.rules `c81.*`, counter.rules
// `counter81.*`, urgent_broad.rules `ub81.*`, urgent_counter.rules `counter81.*`, with new
// patterns in older homes: ub43.self_harm_how_many_too_many (antidepressants and other named
// medicines), ub47.threat_return_wish_photo ("he'll need the coroner"),
// counter27.medical_triage ("the ER goes by who's sickest"), spam54.claim_and_release ("Call
// 1-888-... now"), c55.money_and_moments (Spanish: a survey sent the day a mother died),
// demand.fix ("Take it down and call me."), c79.pet_names ("Not 'sweetie,' not 'hon.'"),
// counter80.fair_after_quip ("...': point taken."), counter35.wait_understood ("they were way
// worse off", checked by its own examples) and praise24.venting_disclaimer ("nothing to do with anyone at the clinic")),
// checked with sentences written for this test, not taken from any data set. The true cases
// failed before round 81; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 81: how many of my lexapro, asking for me; won't need the intake anyway; he'll need "
          "the coroner",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"how many of my lexapro would be too many. asking for me.", "self_harm"},
      {"Behavioral health never called back about my referral. Don't think I'll need that intake anyway.",
       "self_harm"},
      {"The psych clinic never called back. It's fine, I've made my own arrangements.", "self_harm"},
      {"When I find the man who did this to my daughter he'll need the coroner, not your ER.",
       "threat_of_violence"},
  };
  const char* const calm[] = {
      "My ex came up to the 4th floor asking for me by name.",
      "The counseling office called back, I won't need the March appointment anyway since my insurance "
      "covers the new place.",
      "Bring your insurance card, you'll need a copy for the front desk.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 81: a magnet swallowed last summer and the ER that goes by who's sickest are called "
          "off; a battery swallowed an hour ago is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "My son swallowed a magnet last summer. The children's ER had it out within the hour. Keep them away "
      "from toddlers.",
      "@Sam the ER goes by who's sickest. My dad came in not breathing and went straight back.",
  };
  const testing::UrgentCase live[] = {
      {"He swallowed a button battery an hour ago and he's drooling and crying, which ER do we go to?",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 81: a Spanish survey after a death, take it down and call me, not 'honey', I'm the "
          "patient, it's for next March, in name only, must be imported, booked when closed, thanks for "
          "the time to finish a novel, nothing for those who work; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Me llegó una encuesta sobre la visita una semana después de que murió mi papá.", true},
      {"Your nurse posted my son's x-ray on Facebook. Take the video down and call me.", true},
      {"I'm 80 and a retired judge. Not 'honey,' not 'dear.'", true},
      {"The surgeon only talked to my son the whole visit. I'm the patient.", true},
      {"Called in March for my two-week follow-up. It's for next March.", true},
      {"The express lane at the lab is express in name only.", true},
      {"$40 for a bag of saline. Must be imported.", true},
      {"The portal let me schedule a Sunday visit. The clinic is closed Sundays.", true},
      {"Thanks to the lab for giving me enough time to finish a whole novel this morning.", true},
      {"¿No hay citas en la noche para los que trabajamos?", true},
      {"Everyone warned me the billing office is a nightmare. Not for me, sorted in one call.", false},
      {"Folks love to bash the clinic but the nurses there saved my dad.", false},
      {"@Ana no es justo lo que dices de los doctores, a mí me trataron muy bien.", false},
      {"@Tom the lady at the desk doesn't set the prices. Yelling at her won't fix a thing.", false},
      {"The chain store lost my refill again. Transferred it to your pharmacy and it was ready in ten minutes.",
       false},
      {"They set me up on a payment plan, no interest, no hassle.", false},
      {"The ER doc told me to 'ride smarter, not softer': point taken.", false},
      {"Nervous about Monday's surgery, but that's got nothing to do with anyone at the clinic.", false},
      {"I'm the patient's daughter and the nurses were wonderful.", false},
      {"Loved the gala, thank you all. And the date for the next one? It's for next June!", false},
      {"The new chapel must be the most peaceful room in the building.", false},
      {"Thank you for giving me time to ask all my questions.", false},
      {"¡Qué bueno que abrieron los sábados para los que trabajamos!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
