// Round 45: families written after holdout46 was measured (complaints.rules `c45.*`, counter.rules
// `counter45.*` and wider `counter44.*`, urgent_broad.rules `ub45.*` and a wider
// `ub6.self_harm_not_around`, urgent_counter.rules `counter45.*` and one more ending of
// `counter40.story_then_now`, spam.rules `spam45.pay_app_goods`; staff.rude no longer reads a
// cold season or cold medicine as rudeness), checked with sentences written for this test, not
// taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 45: threats reported to warn staff, leaks by attachment, quiet resignation", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Can security walk the pharmacist to her truck tonight? The guy she refused said he'd be waiting for her.", "threat_of_violence"},
      {"Mi ex me dijo que me va a estar esperando en el estacionamiento de la clínica.", "threat_of_violence"},
      {"Somebody shared a story saying 'see you at the clinic Monday' with a picture of a shotgun.", "threat_of_violence"},
      {"The newsletter went out with a file attached listing other patients' names and medications.", "privacy_breach"},
      {"The survey email went to everyone in the program with all the addresses showing.", "privacy_breach"},
      {"They offered me an intake in January. I don't know if I'll still be around by then.", "self_harm"},
      {"Three weeks of calling. I'm done hoping for anything.", "self_harm"},
      {"Ya no le veo sentido a nada, ni a la cita.", "self_harm"},
      {"My brother posted 'sorry for everything' last night and nobody can reach him.", "self_harm"},
      {"Si no me devuelven el dinero, mi abogado va a meter la demanda el lunes.", "legal_threat"},
  };
  const char* const calm[] = {
      "My wife said she'd be waiting for me in the cafeteria after my MRI.",
      "Took the bandage off myself this morning, the cut looks great.",
      "Our gun safety class posted a photo of a pistol lock you can get free at the desk.",
      "The clinic emailed me a list of the forms to bring on Tuesday.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "A year ago I collapsed at the track and your team got my heart going. I'm fine, I coach the relay now.",
      "Got a call that my grandma's cancer is back and I can't stop shaking. Just needed to say it somewhere.",
  };
  const testing::UrgentCase live[] = {
      {"I collapsed at the track an hour ago and my chest still hurts, is the clinic open?", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 45: complaint phrasings and kind posts that look like complaints", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Flu shots on weekday mornings only. Some of us work.", true},
      {"Night-shift nurses are patients too, you know.", true},
      {"I told them twice I'm allergic to latex.", true},
      {"He said I need a cardiologist and that was it, no referral, no number.", true},
      {"Then what's the kiosk for?", true},
      {"Told me my cough was 'probably allergies.' The next day it was pneumonia.", true},
      {"Is the hour on hold part of your patient experience package?", true},
      {"My aunt works in billing and already knows why I went in.", true},
      {"She called my name and my procedure across the lobby.", true},
      {"No hay ni un doctor que explique las cosas en español.", true},
      {"Would of been nice to know.", true},
      {"@Kim not just you, same here on Tuesday.", true},
      {"That's my son on your flyer. We never gave permission.", true},
      {"My grandson can't be seen because his card is from another county.", true},
      {"A callback sometime this century would be lovely.", true},
      {"Physical was Monday, then Wednesday, then 'next month.'", true},
      {"Be nicer to the teenagers who come in alone. They're scared.", true},
      {"The nurse talks to parents like they're in trouble.", true},
      {"Don't get me wrong, I like the staff. But Tuesday was something else.", true},
      {"Cold eggs and cold toast for my dad at noon.", true},
      {"Is it normal to diagnose strep over the phone without a swab?", true},
      {"Me pareció una falta de respeto cómo le hablaron a mi abuela.", true},
      {"La enfermera comentó mis resultados en la sala enfrente de todos.", true},
      {"Won't hear a word against the lab techs, no matter how long the line gets.", false},
      {"Lost my badge near the waiting room, been looking all day. If anybody finds it, please leave it at the desk.", false},
      {"Dreaded the biopsy for weeks and it wasn't nearly as bad as the internet said.", false},
      {"Two doctors missed it and your NP was the one who caught my celiac.", false},
      {"Two years sober this week, after a lot of bad nights.", false},
      {"In fairness to the nurses, the computer system crashed for the whole county.", false},
      {"Worst month of my life, couldn't have gotten through it without your nurses.", false},
      {"Be nicer to the nurses, people. They're short staffed and doing their best.", false},
      {"FYI from the county: the clinic road is closed Friday for repairs, use the back entrance.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Study guides for every class $20 each, Cash App only.").spam);
  CHECK_FALSE(shipped->Classify("The flu season is here and the cold medicine aisle at the campus store is stocked.").is_complaint);
}

}  // namespace
}  // namespace turnaround::classify
