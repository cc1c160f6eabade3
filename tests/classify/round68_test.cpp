// Round 68: families written after holdout69 was measured (complaints.rules `c68.*`,
// counter.rules `counter68.*`, urgent_counter.rules `counter68.*`, spam.rules `spam68.*`, with
// new patterns in older homes: ub.threat_broad ("coming down there with my brothers"),
// ub49.threat_how_it_ends ("it won't be a conversation"), urgent.medical_emergency_es ("no se
// mueve"), ub6.self_harm_not_around ("not sure I'll be around by Christmas"),
// ub43.self_harm_how_many_too_many (two words before "pills"), counter37.medical_years_ago,
// counter27.medical_later_outcome, broad.nobody_now ("left on read"), c51.guess_what (an allergy
// on the chart "and they still gave"), plain.repeat_count ("fourth reschedule"),
// c50.broken_for_months, c66.reminder_after_cancel, c52.sources_disagree ("which one is right?"),
// c59.dismissed_then_proven, plain.clock_elapsed (Spanish), counter35.wait_understood and
// counter55.glad_after_all), checked with sentences written for this test, not taken from any
// data set. The true cases failed before round 68; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 68: cousins brought to a conversation, a fall with no movement in Spanish, "
          "not around by Christmas, two words before 'pills'",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"If they turn my dad away one more time I'm coming down there with my brothers and it won't be a "
       "conversation.",
       "threat_of_violence"},
      {"Cancel her again and I'm coming in there myself, and it won't be a conversation.", "threat_of_violence"},
      {"Mi hermano se cayó de la escalera, no se mueve y le sale sangre de la cabeza.", "medical_emergency"},
      {"dont think ill still be around by christmas honestly", "self_harm"},
      {"how many of my dads heart pills would be too many, asking for me", "self_harm"},
  };
  const char* const calm[] = {
      "I'm coming in Tuesday to go over the bill; it won't be a long conversation, promise.",
      "Mi papá ya se mueve mejor después de la terapia, gracias.",
      "How was I supposed to pick an in-network anesthesiologist while I was unconscious?",
      "Clinics close at 5 and my shift gets off at 5:30. When am I supposed to go?",
      "He's back in two days with a pass from school.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 68: an emergency long over (back to an old pastime, remembered every day, home "
          "thanks to the doctors, readmitted days later), gossip quoted, a bill argued from "
          "unconsciousness, a work shift against clinic hours are called off; live ones are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Three years ago I was pulled from the river not breathing. I still think about the paramedics every day.",
      "Mi esposo tuvo un infarto en la obra. Gracias a los doctores hoy está en casa con nosotros.",
      "Last June my wife collapsed at the beach. The ER team got her heart going again. She's dancing again.",
      "The nurses were gossiping in the hallway about 'the guy in 4 who overdosed.'",
      "They sent him home with a fever of 104 and he was back in three days with sepsis.",
      "How was I supposed to pick an in-network anesthesiologist while I was unconscious?",
      "Clinics close at 5 and my shift gets off at 5:30. When am I supposed to go?",
  };
  const testing::UrgentCase live[] = {
      {"Two years ago he had a stroke. I still think about the nurses, and now he can't move his arm again.",
       "medical_emergency"},
      {"Gracias a Dios ya está en casa pero no puede respirar bien, ¿qué hago?", "medical_emergency"},
      {"He passed out in the lobby, how do I check him in while he's unconscious?", "medical_emergency"},
      {"I'll be waiting in the parking lot when that nurse gets off at 7.", "threat_of_violence"},
      {"My roommate is talking about \"ending it\" and just took all her pills.", "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 68: left on read, an allergy on the chart and still given, followed around by "
          "security, a fourth reschedule, a door broken for months, reminders after a cancel, "
          "which one is right, five stars for a leak, slots gone by 8:03, Spanish hours, doses "
          "and swelling; look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Messaged the clinic twice about my refill and got left on read.", true},
      {"The chart said SULFA ALLERGY right on the front and they still gave him Bactrim.", true},
      {"Security trailed my brothers around the whole lobby while we visited.", true},
      {"Nobody followed the white family beside us.", true},
      {"fourth reschedule for my MRI", true},
      {"The handicap door opener at the west entrance hasn't worked in months.", true},
      {"Two reminder calls this morning for the visit y'all cancelled 😂", true},
      {"Could someone clarify the prep? Which one is right?", true},
      {"Five stars for the new waterfall in radiology (the roof has leaked into a bucket since May)", true},
      {"¿Por qué no hay citas los sábados? Trabajo toda la semana.", true},
      {"The front desk told my husband 'you military folks always think you get to cut the line.'", true},
      {"Le dieron a mi niño de dos años la dosis de adulto en la etiqueta.", true},
      {"No le dieron antibiótico y a los dos días tenía la pierna hinchada y con pus.", true},
      {"The triage nurse told me to drink some water and go home. Next day they admitted me.", true},
      {"Llegamos a las 9am y salimos a las 2:30pm con el niño enfermo.", true},
      {"I call at 8:00 on the dot and it's full by 8:03.", true},
      {"So mad at myself I waited ten years to get my hip replaced. Best decision ever.", false},
      {"Got the diagnosis yesterday. Pancreatic. Still can't wrap my head around it.", false},
      {"How am I supposed to complain when every nurse on 3 North is this kind?", false},
      {"Does the clinic take Medicaid for prenatal care? I'm 12 weeks.", false},
      {"My baby girl goin home today after 41 days in the NICU", false},
      {"Not asking for anything, just needed to let it out somewhere.", false},
      {"The volunteer followed us around to make sure we found radiology, so kind.", false},
      {"Doors open at 8 sharp, come early for the flu shots.", false},
      {"Hay citas los sábados en la clínica del centro, gracias.", false},
      {"Five stars for the new garden (its roses are blooming!) and the staff.", false},
      {"Came in ready to fight about my bill and left hugging the financial counselor.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

TEST_CASE("round 68: a look-alike address behind 'confirm' or 'reset' is spam", "[classify]") {
  const auto rules = testing::ShippedRulesWithoutModel();
  CHECK(rules->Classify("Your insurance verification is incomplete. Confirm your details here ➡️ clinic-verify-patients.co")
            .spam);
  CHECK(rules->Classify("Unusual login detected. Reset now at portal-secure-login.net").spam);
  CHECK_FALSE(rules->Classify("Please verify your address at check-in, thanks!").spam);
}

}  // namespace
}  // namespace turnaround::classify
