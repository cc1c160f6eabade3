// Round 67: families written after holdout68 was measured (complaints.rules `c67.*`, with new
// patterns in c58.cold_in_coats ("keep the unit at 58 degrees"), c51.service_missing ("no
// urgent care open overnight"), c60.dose_caught ("caught it, not y'all"),
// c57.learned_it_from_a_letter ("saw it pop up in the app before any doctor called"),
// c66.crises_after_hours ("the message says call back Monday"), c66.sensitive_label ("names
// facing out") and c65.overheard_speaker ("everybody in that room knows"); urgent_broad.rules
// `ub67.*` and ub12.threat_reported ("he'd 'see her in the parking lot'")), checked with
// sentences written for this test, not taken from any data set. The true cases failed before
// round 67; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 67: 'see her in the parking lot', a knife promised in Spanish, a photo with "
          "another baby's crib card, a chest tight since lunch, a pistol in a parked truck",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"A visitor told the nurse he'd 'see her in the parking lot' tonight.", "threat_of_violence"},
      {"Dice que va a ir a mi trabajo con un cuchillo.", "threat_of_violence"},
      {"Someone posted a photo from the NICU and you can read the crib card of the baby beside hers.",
       "privacy_breach"},
      {"His chest has been tight since lunch.", "medical_emergency"},
      {"Been sitting in my truck by the river with my old pistol a while now.", "self_harm"},
  };
  const char* const calm[] = {
      "My brother said he'd see you in the parking lot after the game, he's got your jacket.",
      "Do you know when they change shifts? I want to thank the night nurse.",
      "Va a ir a mi trabajo con una torta para mi cumpleaños.",
      "They posted a photo of the new playground, showing the name tag design on the benches.",
      "My jaw is sore from the dentist, and I'm sweaty from the gym, lol.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 67: no urgent care overnight, caught by the pharmacist, read in the app first, "
          "call back Monday, names facing out, a survey too soon, smoke at the door, a door on a "
          "wheelchair, accessible spots taken, dentures lost in a move; look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"No pediatric urgent care open overnight anywhere in the county now.", true},
      {"Discharged with the drug I'm allergic to, it's in my chart in red. The pharmacist caught it, not y'all.",
       true},
      {"Everybody in that room knows about my rash now.", true},
      {"Saw \"metastatic\" pop up in the app at midnight before any doctor called.", true},
      {"The after-hours message says call back Monday. It's Friday night.", true},
      {"The pickup bags sit on the counter with names facing out.", true},
      {"Nurses smoking right by the oncology entrance every morning.", true},
      {"The elevator door closed on my mom's wheelchair twice today.", true},
      {"Contractor vans parked in the handicap spots again this morning.", true},
      {"Keep the leftovers at 40 degrees or below, says the dietitian.", false},
      {"The door greeter caught my arm when I slipped, so kind.", false},
      {"Staff asked a visitor to stop smoking by the door, thank you.", false},
      {"Mi hija le contó a toda la familia que ya salí del hospital.", false},
      {"Se me perdió el boleto del estacionamiento, ¿dónde pago?", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
