// Round 69: families written after holdout70 was measured (complaints.rules `c69.*`,
// counter.rules `counter69.*`, urgent_broad.rules `ub69.*`, urgent_counter.rules `counter69.*`,
// with new patterns in older homes: ub49.threat_how_it_ends ("find out what happens when you
// push a man"), ub.threat_broad (waiting on a nurse "to get off", circling the staff lot),
// plain.stopped_taking ("no child psychiatrist taking new patients"), c59.dismissed_then_proven
// (sent home, "back by noon and septic"; "drink water and go home", the stone "still in there"),
// c50.broken_for_months (a window that "wouldn't shut all the way"), c65.spend_vs_shortage (a
// donor wall), c51.answers_disagree ("every person we asked gave a different"), c45.care_undone,
// communication.call_back ("it just rings"), plain24.eligibility_restriction, counter68's
// waited-too-long, counter35.wait_understood and counter55.glad_after_all), checked with
// sentences written for this test, not taken from any data set. The true cases failed before
// round 69; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 69: 'find out what happens', a man waiting for a nurse to get off, a leak named "
          "by inference, a Spanish trip to the ER with vomiting",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Cancel on me again and they can find out what happens when you push a man this far.", "threat_of_violence"},
      {"Some guy in a truck is waiting on his ex's nurse to get off work, parked by the back door.",
       "threat_of_violence"},
      {"I haven't told a soul about my surgery. Her sister works at your front desk. How else would she know?",
       "privacy_breach"},
      {"Tengo fiebre y no paro de vomitar. ¿Me voy a urgencias ya?", "medical_emergency"},
      {"Guy has been circling the staff lot for an hour.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Come to the science fair and see what happens when you push a button on the robot!",
      "I'm waiting for the nurse to bring the discharge papers.",
      "I haven't told anyone yet, how would I tell my kids about the diagnosis?",
      "Vamos a urgencias mañana para la cita de control.",
      "Thank you to the nurse who took care of me yesterday!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 69: a collapse before a diagnosis, a past ER wait from start to finish, a symptom "
          "everyone overheard are called off; the same words live are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Nobody followed up on her labs until she passed out at work. Colon cancer.",
      "sat in the ER from 6pm til almost 4 in the morning with my mama and her wrist bent the wrong way",
      "Everybody heard my weight, my blood pressure and why I was peeing blood.",
  };
  const testing::UrgentCase live[] = {
      {"He has leukemia and he just collapsed in the kitchen, until the ambulance comes what do I do?",
       "medical_emergency"},
      {"My wrist is bent the wrong way and I'm sitting in the car outside the ER, is it open?", "medical_emergency"},
      {"I'm peeing blood right now and everybody is asking why I'm here, please help.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 69: no doctor taking new patients, sent home and back septic, a window that won't "
          "shut, a donor wall, a cast too tight, a phone that just rings, training asked about, "
          "the Spanish line, a rule asked back, a leak inferred; look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"No pediatric neurologist taking new patients anywhere in the system till spring.", true},
      {"Sent my dad home at midnight with a fever and he was back by morning and septic.", true},
      {"The window in her room wouldn't shut all the way in February.", true},
      {"Foundation unveiled a donor wall. The ER still doesn't have a room set up for kids.", true},
      {"The ER cured my kidney stone by telling me to drink water and go home. Stone's still in there.", true},
      {"Her cast was wrapped so tight at the urgent care that her fingers were purple by morning.", true},
      {"Tried the phone, it just rings.", true},
      {"Do the techs at the lab get any training on talking to scared kids?", true},
      {"La línea en español te deja esperando una hora mientras la de inglés contesta rápido.", true},
      {"One adult at a time. Where does my other kid go, the parking lot?", true},
      {"I haven't told a soul about my surgery. Her sister works at your front desk. How else would she know?", true},
      {"SO MAD I put off my knee surgery for 5 years when it was this easy. Why did nobody drag me in sooner", false},
      {"Everyone said the new portal would be a disaster but it actually works great.", false},
      {"They caught my thyroid problem when nobody else did.", false},
      {"Mi bebé salió hoy de la NICU después de 40 días, gracias a las enfermeras.", false},
      {"Do the new nurses get any training on the new monitors before they start?", false},
      {"La línea en español abre a las 8, la de inglés también.", false},
      {"Where does my husband park, the parking lot behind the clinic?", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
