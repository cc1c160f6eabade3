// Round 62: families written after holdout63 was measured (complaints.rules `c62.*`, with new
// patterns in demand.fix (a manager asked to call back), c55.facility_for_months ("haven't been
// ... since", a sign on it since a holiday), c59.dismissed_then_proven ("too young for", "months
// of watching", "now it's stage 4"), c41.who_do_i_even ("so who does"), c45.whole_morning ("hire
// more than one"), c41.maybe_dont (staff discussing patients where others hear) and
// c52.mail_that_hurts (mail that told the family first); urgent.rules urgent.medical_emergency
// (spitting bright red blood); urgent_broad.rules ub11.pass5_families, ub50.threat_car_street_bring,
// ub46.threat_veiled_more, ub10.self_harm_said_softly, ub6.self_harm_not_around,
// ub42.self_harm_caption_unreachable, ub9.self_harm_farewell_acts and ub.privacy_broad), checked
// with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 62: payback with a shift, a visit with a shotgun, closing time known, blood after "
          "surgery, scared of oneself, not around in weeks, a thank-you text then silence, things "
          "not needed after Friday, results faxed to the plant",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Someone shared the tech's picture saying he's going to get his, with his schedule.", "threat_of_violence"},
      {"He says he'll pay a visit to that nurse with his pistol.", "threat_of_violence"},
      {"The guy they threw out said she knows what time the nurses walk out.", "threat_of_violence"},
      {"Three days after her surgery she's coughing up fresh blood, do we come in?", "medical_emergency"},
      {"I'm really scared of myself tonight.", "self_harm"},
      {"Not sure I'll still be here in two months for that referral.", "self_harm"},
      {"He messaged me thanks for everything, so sorry and now he isn't answering.", "self_harm"},
      {"Take my fishing gear, won't be needing it after Friday.", "self_harm"},
      {"Enviaron los resultados de mi análisis a mi jefe sin preguntarme.", "privacy_breach"},
  };
  const char* const calm[] = {
      "She's going to get her cast off Monday, so excited.",
      "We went to see the surgeon with my wife's list of questions.",
      "Does anyone know what time the clinic closes Saturday?",
      "He spit up a little milk after the feeding, is that normal?",
      "I was scared before surgery but the team was amazing.",
      "Won't be needing the wheelchair after Friday, walking on my own!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 62: nothing that works, who planned that, disbelief, a manager asked to call, a "
          "right to ask, a person not a machine, an evening left to imagine, a lobby that heard, "
          "'por qué tienen que', money before hello, nobody until Monday, anger at the clinic, "
          "broken since a season, dismissed and proven, nowhere else, staff gossip, mail that told "
          "the family; and their calm look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"My chart lists a surgery I never had. How is that even possible?", true},
      {"Please have a supervisor call me about my mother's discharge.", true},
      {"¿Por qué tenemos que esperar tres horas con los niños enfermos?", true},
      {"Not a single room with a chair that actually reclines.", true},
      {"Wheelchair parking is at the bottom of a hill. Who designed that", true},
      {"I'm allowed to ask what's in my IV.", true},
      {"Two appointments at the same hour. I'm a patient, not a magician.", true},
      {"Canceled at 7pm the night before. I'll let you imagine my evening.", true},
      {"Nobody at that check-in needs to know my weight.", true},
      {"Asked for my insurance card before he even said hello.", true},
      {"Results in the portal, nobody to call until Monday.", true},
      {"I'm angry at the clinic.", true},
      {"Those doors haven't worked since Easter.", true},
      {"She was told she was too old for a stroke and sent home.", true},
      {"They don't take my insurance. So who does?", true},
      {"Nurses discussing patients out loud at the desk.", true},
      {"The letter about my biopsy got mailed home. My kids didn't know yet.", true},
      {"Finally found a pillow that actually fits this recliner, thanks nurses!", false},
      {"Who designed this chapel? It is so peaceful.", false},
      {"How did that happen so fast? Thank you for the quick callback!", false},
      {"Am I allowed to bring my own blanket to infusion?", false},
      {"She's a nurse, not a magician, and she still got him to smile.", false},
      {"Can you imagine how happy we were when she came home?", false},
      {"¿Por qué hay que llegar en ayunas? Gracias.", false},
      {"Before he said goodbye, the surgeon hugged my mom.", false},
      {"I'm not angry at the nurses, they did everything they could.", false},
      {"Six months of watching my grandson grow, so proud.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
