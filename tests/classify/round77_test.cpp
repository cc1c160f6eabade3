// Round 77: families written after holdout78 was measured (complaints.rules `c77.*`,
// urgent_broad.rules `ub77.*`, counter.rules `counter77.*`, with new patterns in older homes:
// c66.rule_as_barrier (a policy that "meant" a family missed something),
// plain23.is_it_normal_for_staff ("is it normal to be told '...'", "is being weighed in the
// hallway part of ..."), staff.quoted_dismissal ("was told to 'quit whining'"),
// gen.sarcastic_thanks (the one "who sighed"), plain.wrong_diagnosis ("sent home with 'a virus'
// ... It was appendicitis."), c76.why_can_i_but ("why can I only ..."), c76.seasons_passed ("got
// to the clinic in daylight"), gen.waited_hyperbole (friends made in the waiting room),
// c74.laid_hands ("yanked by the arm"), c51.service_missing ("no allergist between Bend and
// Burns taking ..."), plain.talks_down ("nos trataron como criminales"), ub12.threat_reported
// (Spanish "va a regresar ... a matar al guardia"), ub58.pills_set_aside (meds "I've been saving
// up", first written as ub77.kept_stockpile), counter45.fairness_defence ("to everyone
// trashing ..."), counter48.own_fault_elsewhere ("(not the hospital's)"), spam.offer (bought
// reviews) and counter37.medical_years_ago ("starts preschool Monday")), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 77; the
// false ones guard the look-alikes. Widenings whose short sentences older rules already flagged
// ("snapped at", "Since when??", "only a curtain between beds", "Only thing I'd say is the ...",
// "stopped ... without any notice", "you don't take ... anymore") are checked by their rules' own
// examples (rule_set_test).
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 77: a staff member named first, 'when she's walking out', a stockpile kept after "
          "discharge, a Spanish threat to come back",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Make us wait one more hour and I'm smashing things, and the front desk is first.", "threat_of_violence"},
      {"The patient's husband told the nurse he'd get her when she's alone.", "threat_of_violence"},
      {"Sent home from psych after two days. Still got all the meds I've been saving up.", "self_harm"},
      {"Mi primo dice que va a regresar a la clínica a matar al guardia que lo sacó.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Breaking news: our charge nurse is first in the state to win the award!",
      "We'll catch her when she's done with her shift and go to dinner.",
      "The nurse laughed and said she'd find her when she's walking out to give her the card.",
      "I still have the pills I was given for the trip, can I take them after surgery?",
      "Mi hijo dice que va a ir a la escuela a golpear la piñata.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 77: a rescue years ago told with a child starting preschool is called off; a child "
          "not breathing now is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Two years ago my son stopped breathing in the pool. Your ER brought him back and he starts preschool "
      "Monday.",
  };
  const testing::UrgentCase live[] = {
      {"My son stopped breathing in the pool and his lips are blue, the ambulance is coming.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 77: a policy that meant missing it, a curtain, told '...', snapped at, quit whining, "
          "sighed at, sent home with a cold, why only, daylight, waiting-room friends, not anymore, "
          "since when, jerked by the wrist, only thing I'd say, no allergist between, stopped without "
          "notice, a bonus, an old listing, a touch cleaner, why sell them, explain why, 'same-day', "
          "worth checking the chart, walked off mid-sentence, getting old, pull that ad, breaks my "
          "heart, a relative who can translate, Spanish told and ignored, no elevator, ¿por qué ... "
          "cuando?, months on the list, praise echoed less, treated like criminals; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The new one-parent policy meant my husband missed our son's surgery.", true},
      {"Is it normal to be told 'you're too young for that' before anyone looks at the lump?", true},
      {"Was told to 'quit whining' after my gallbladder surgery.", true},
      {"Shoutout to the pharmacist who sighed when my mom asked for large print.", true},
      {"Is being weighed in the hallway part of the visit now?", true},
      {"Sent home with 'a virus' from the walk-in on Tuesday. It was appendicitis.", true},
      {"Why can I only get my labs drawn before 10? I work mornings.", true},
      {"Got to the clinic in daylight. Left in the dark.", true},
      {"Made new friends in the urgent care waiting room. Exchanged numbers.", true},
      {"My dad was yanked by the arm out of the wheelchair.", true},
      {"No allergist between Bend and Burns taking new patients.", true},
      {"Was the lecture about my weight included in the physical, or was that a bonus?", true},
      {"Please update your directory. It still lists a pediatrician who left two years ago.", true},
      {"The waiting room could be a touch cleaner. There was a diaper under my chair.", true},
      {"The cafeteria sells sugar cookies next to the diabetes clinic. So why sell them?", true},
      {"Can someone explain why my copay tripled overnight?", true},
      {"Is it still 'walk-in' if it takes three days to get seen?", true},
      {"Might be worth checking the chart before telling my mom she's diabetic. She isn't.", true},
      {"The resident walked off mid-sentence while my wife was asking about the pain meds.", true},
      {"Cancelling my MRI the night before is getting old.", true},
      {"Saw the billboard: 'Your care, on your time.' Please retire that slogan.", true},
      {"It breaks my heart that the clinic stopped home visits for my 90 year old dad.", true},
      {"They told my mother to come back with a relative who can translate. She lives alone.", true},
      {"Me dieron la cita a las 8 aunque les dije que trabajo a esa hora.", true},
      {"No hay elevador en la clínica de la calle 5 y mi esposo está en silla de ruedas.", true},
      {"¿Por qué abren una tienda de regalos cuando no hay pediatra en el pueblo?", true},
      {"Waitlist till next year for the memory clinic.", true},
      {"Appreciate the new valet. Appreciate less that it costs $15.", true},
      {"Nos trataron como criminales en la entrada de emergencias.", true},
      {"Four week wait for the eye doctor, which is about normal for this area.", false},
      {"Bill came, $900 after insurance. Set up a payment plan on the phone in a few minutes.", false},
      {"What's the number for the billing office again?", false},
      {"Any travel nurse contracts in the ICU this spring? Would love 13 weeks here.", false},
      {"To everyone trashing the ER nurses: they saved my son's life tonight. Be kind.", false},
      {"The tow company (not the hospital's) charged me $250.", false},
      {"Buy Google reviews, 500 five-star reviews for $49.", false},
      {"Is it normal to be told to fast before the scan?", false},
      {"Only thing I'd say is thank you.", false},
      {"¿Por qué mi bebé llora cuando tiene hambre?", false},
      {"Please update the website when the new hours start, thanks!", false},
      {"The staff could not be more welcoming.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
