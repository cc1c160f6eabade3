// Round 41: families written after holdout42 was measured (urgent_counter.rules `counter41.*`,
// the Spanish patterns added to `urgent.self_harm`, `ub.medical_es`, `ub9.self_harm_farewell_acts`
// and the `licenciado` pattern of round 28's legal rule; complaints.rules `c41.*`, counter.rules
// `counter41.lost_pet_found_thing`, the tightened spam words), checked with sentences written for
// this test, not taken from any data set.
#include <string>

#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 41: Spanish bleeding, farewell letters, 'mejor sin mí' and a lawyer reviewing", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Mi papá se cayó en la obra y sigue sangrando de la cabeza, ¿lo traigo a urgencias o llamo?",
       "medical_emergency"},
      {"Mi hija me mandó un mensaje de despedida anoche y no contesta, no sé qué hacer", "self_harm"},
      {"Otra cita cancelada. Ya me cansé, mi esposa estaría mejor sin mí.", "self_harm"},
      {"Tengo todos los papeles del caso y una licenciada ya los revisó.", "legal_threat"},
  };
  const char* const calm[] = {
      "Dejé una nota de agradecimiento para el doctor en la recepción.",
      "La licenciada en nutrición nos explicó la dieta con mucha paciencia.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 41: a story that ends back at work, at a first race or in thanks is called off",
          "[classify][urgent]") {
  const char* const over[] = {
      "In 2018 I collapsed at the bowling alley and my heart stopped. I'm back at work full time now.",
      "A few years back my daughter had a seizure that would not stop. She finished her first 10K this morning.",
      "Four years ago my husband overdosed in our driveway. Today he's a peer mentor at the recovery center.",
      "Last winter my wife collapsed in the grocery store and wasn't breathing. The ICU nurses never left her. "
      "Thank you to every nurse on that floor.",
      "Told the ER it was the worst headache of my life and got sent home, came back by ambulance with a bleed. "
      "I'm home and recovering, but that first doctor should be reviewed.",
      "Hace dos años tuve un derrame cerebral y llegué casi sin poder hablar. Hoy manejo y llevo a mis nietos a la "
      "escuela.",
      "I'm so anxious about the biopsy I can barely breathe when I think about the results.",
      "Le cosieron la frente a mi hijo y ya no está sangrando, gracias.",
  };
  // Still going on: a past opening, a recovery from something else, fear with a symptom now.
  const testing::UrgentCase live[] = {
      {"In 2019 my mom had a stroke and right now her face is drooping again, please help.", "medical_emergency"},
      {"Last year he collapsed at work and today he collapsed again in your lobby. Thanks.", "medical_emergency"},
      {"He's recovering from his bypass and now his chest is bleeding through the dressing.", "medical_emergency"},
      {"My son can barely breathe and his lips are going blue.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 41: complaint phrasings the written rules read", "[classify]") {
  const testing::ComplaintCase cases[] = {
      // a statement closed by a bare "Really?"
      {"You put the only handicap spots behind the construction fence. Really?", true},
      {"Free flu shots at the Saturday market? Really?! That's great!", false},
      // out of places to turn, or the neglect named as a question
      {"Who do I even complain to when the billing office never picks up?", true},
      {"Is there a bus to the new clinic or do people without cars just not go?", true},
      // a wait told as it happens
      {"Checked in at 8 for an 8:15 and still sitting here at the lab at 10:40.", true},
      // advice given as an imperative, the public hearing staff
      {"Maybe don't discuss patients in the cafeteria line, the whole room can hear you.", true},
      // nothing at the end
      {"Ten years at the front desk as a volunteer and they let us go by email, not even a thank you.", true},
      // spared, then the turn
      {"Not a complaint about the therapists, they're great. But the gym has had no heat for a week.", true},
      // community notices, with failure words that blame nobody
      {"Missing black lab puppy near the east entrance, answers to Bruno, please share.", false},
      {"Someone left a baby blanket on the bench by radiology, I took it to the information desk.", false},
      // "In 2019." as the sarcastic "in this day and age", not a date in a story
      {"The card reader at the pharmacy only takes checks. In 2026.", true},
      {"The tornado took our roof in 2019. Your team kept my kids calm all night.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

TEST_CASE("round 41: gambling and loans named in a complaint are not spam, offers still are", "[classify]") {
  const auto rules = testing::ShippedRules();
  const char* const complaints[] = {
      "Putting a casino's logo on the children's wing while you run the gambling help line. Shameful.",
      "You named the new lobby after a payday loan chain. Really?",
  };
  for (const char* t : complaints) {
    INFO(t);
    const model::Verdict v = rules->Classify(t);
    CHECK_FALSE(v.spam);
    CHECK(v.is_complaint);
  }
  const char* const spam[] = {
      "Best online casino bonus, 200 free spins, link in bio",
      "Fast loans approved today with bad credit, DM me",
      "Your car's extended warranty is about to expire. Press 1 to talk to an agent.",
  };
  for (const char* t : spam) {
    INFO(t);
    CHECK(rules->Classify(t).spam);
  }
}

}  // namespace
}  // namespace turnaround::classify
