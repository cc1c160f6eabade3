// Round 50: families written after holdout50 was measured (urgent_broad.rules `ub50.*`;
// urgent_counter.rules `counter50.legal_joke`; complaints.rules `c50.*`; counter.rules
// `counter50.*`, and 50b's `question.opening` and `counter50.laughing`; spam.rules
// `spam50.promo_and_phishing`, 50c's `spam50.chat_app_contact`), checked with sentences written
// for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 50: eye emergencies, loose ends, a car or a street named, a diagnosis reaching the boss", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"A gray curtain came down over my right eye about an hour ago.", "medical_emergency"},
      {"My dad got oven cleaner in both eyes and is screaming.", "medical_emergency"},
      {"LASIK two days ago and tonight my eye is throbbing and I'm throwing up.", "medical_emergency"},
      {"Honestly I don't see the point in sticking around.", "self_harm"},
      {"Been saving up my sleeping pills and I'm not afraid of that anymore.", "self_harm"},
      {"I put my affairs in order last week. Time to stop being a burden on my kids.", "self_harm"},
      {"Tell the billing lady I'll bring something that gets her attention.", "threat_of_violence"},
      {"He said he'd come back with a rifle if they won't see him.", "threat_of_violence"},
      {"You park the silver Honda behind the dumpster. You'll hear from me in person.", "threat_of_violence"},
      {"How did my boss know about my biopsy?", "privacy_breach"},
      {"Enviaron mis resultados a mi ex esposo.", "privacy_breach"},
      {"The whole church knew about my diagnosis before my husband did. Her cousin works at the front desk "
       "and that was not her news to share.",
       "privacy_breach"},
      {"Fix this bill before it's in front of a judge.", "legal_threat"},
  };
  const char* const calm[] = {
      "We hung a dark curtain in the nursery, thanks for the sleep tips.",
      "Keep chlorine tablets away from kids this summer.",
      "Cataract surgery went great, no pain, no nausea.",
      "I don't see why I should stick around for another hour, heading home.",
      "My niece works at the front desk and loves it.",
      "Put my tax papers in order today, feels good.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 50: a lawsuit named as a joke is called off", "[classify][urgent]") {
  const char* const over[] = {
      "Now I can see every wrinkle, might sue you for that 😂",
  };
  const testing::UrgentCase live[] = {
      {"My attorney is filing a lawsuit over the botched surgery.", "legal_threat"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 50: dry complaints, the upsell, manners, and blame that lands elsewhere", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Cancelled. Again. Third time this fall.", true},
      {"You're a pediatric clinic. Why is the waiting room full of sharp corners?", true},
      {"The health talk at the library was one big sales pitch for supplements.", true},
      {"The bathroom sink has been leaking for weeks.", true},
      {"They saw my message and decided to ignore it.", true},
      {"The nurse spoke to my son the whole time like I wasn't in the room.", true},
      {"Why are the physical therapy slots only available during work hours?", true},
      {"Paper-thin walls in exam room 2, I heard everything.", true},
      {"Cita a las 10 y nos atendieron a la 1.", true},
      {"Posting staff party pics while patients wait weeks for a callback.", true},
      {"Everyone was lovely once we got there, the snow was the only problem.", false},
      {"Less than I expected for the crown, pleasant surprise.", false},
      {"Credit where it's due: the new phone system works.", false},
      {"Sad to see Nurse Kim retiring, she was the best.", false},
      {"Best decision I ever made, two years glasses-free.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Herbal eye drops, 40% off today with code EYES40").spam);
  CHECK(shipped->Classify("Your patient portal will be locked tonight. Verify your card details now at this link.").spam);
}

TEST_CASE("round 50b: a question that opens the post, and a laughing face", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Does anyone know if the Elm St lab takes walk-ins? My sister needs bloodwork before Friday.", false},
      {"How early should we get there for a sleep study? First one and I'm nervous.", false},
      {"Do you still take old hearing aids for the donation bin? Grandpa left three.", false},
      {"My toddler thinks the elevator is a spaceship, we rode it four times 😂", false},
      {"Why does nobody pick up at the front desk? I called six times this morning.", true},
      {"Two hours past my appointment and still in the lobby, nobody has said a word 😂", true},
  };
  testing::ExpectComplaintByRules(cases);
}

TEST_CASE("round 50c: a chat app is spam only as the way to reach the seller", "[classify]") {
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Cured my arthritis with roots from Dr. Ade, message him on WhatsApp").spam);
  CHECK(shipped->Classify("Fast loans for medical bills, telegram @quickcash").spam);
  CHECK(shipped->Classify("Gana dinero desde casa, escríbeme por WhatsApp").spam);
  const model::Verdict group = shipped->Classify(
      "Your care coordinator put me in a WhatsApp group with twenty other patients, all our numbers showing.");
  CHECK_FALSE(group.spam);
  CHECK_FALSE(shipped->Classify("Can the clinic text me on WhatsApp instead? I don't have a US number.").spam);
}

}  // namespace
}  // namespace turnaround::classify
