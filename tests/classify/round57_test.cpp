// Round 57: families written after holdout58 was measured (complaints.rules `c57.*`, with new
// patterns in c51.guess_what, c51.on_the_phone, c54.wrong_drug, c55.facility_for_months,
// c56.list_never_updated, c56.arrived_then_left and c56.no_one_speaks_it; counter.rules
// `counter57.*` and patterns in counter50.not_on_you and counter55.glad_after_all; spam.rules
// `spam57.gift_card_payment`; urgent_broad.rules `ub57.*`, patterns in ub7.self_harm_unsafe and
// "when mom goes I go too" in ub14.self_harm), checked with sentences
// written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 57: giving things away, not caring to wake, fever on chemo, a policy that pays, "
          "a patient in the provider's video, an insider who told",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My daughter keeps saying 'when dad goes I go too' and she knows where the pills are.", "self_harm"},
      {"Quit caring whether I wake up anymore since the diagnosis.", "self_harm"},
      {"Mi hermano anda regalando todas sus cosas desde que lo despidieron.", "self_harm"},
      {"Third day after my chemo infusion, 102.4 and shaking chills, should I wait for the clinic to open?",
       "medical_emergency"},
      {"My life insurance pays off the mortgage and the hospital bills. Starting to think that's the way out.",
       "self_harm"},
      {"There's a video of the waiting room on your page and you can see my son in the background, face clear "
       "as day.",
       "privacy_breach"},
      {"My neighbor knew about my pregnancy test results. Her sister works at the front desk.", "privacy_breach"},
  };
  const char* const calm[] = {
      "When she goes to her chemo I go too, I drive her every week.",
      "I don't care if I wake up at 5, I'm getting that flu shot.",
      "Estamos regalando ropa de bebé, ¿alguien la quiere?",
      "She finished chemo last spring; this week a cold, no fever, no chills.",
      "Does my life insurance cover the ambulance ride?",
      "Loved the video of the nurses dancing, my mom's favorite nurse is in it!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 57: who approved that, a scare-quoted promise, details read out, an allergy in the chart, "
          "a lump found at home, a visit months out; warnings, fears that did not come true",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Saw the new ad with the cheerful bald lady and the slogan. Who approved that?", true},
      {"Your chemo-brain coffee mugs aren't funny from where we sit.", true},
      {"The \"same-day\" clinic gave me a slot for next Thursday.", true},
      {"The home health nurses won't drive out past the county line, and we're six miles over.", true},
      {"The tech called out my whole medication list in front of the waiting room.", true},
      {"The scheduler phoned my mom's house looking for me and said what the biopsy was for.", true},
      {"He got the contrast dye even though he's allergic, and it's right there on his wristband.", true},
      {"I was the one who noticed the wrong dose, not the pharmacy.", true},
      {"They called my ultrasound normal in May, then in August I felt the lump in the shower.", true},
      {"The triage nurse asked if she'd been drinking. She had a stroke.", true},
      {"We found out from a stranger in the lobby that our surgeon had left.", true},
      {"The pediatrician was looking at her phone the whole visit.", true},
      {"The parking attendant growled at my mother for asking where to go.", true},
      {"Next available with the rheumatologist is nine months out.", true},
      {"I know you hand out free coffee and thank you for that, but I was there five hours.", true},
      {"Nobody at the clinic speaks Spanish, no hay nadie que hable español, my mom had to guess.", true},
      {"The back door buzzer hasn't worked since last winter. Try opening that door with a walker.", true},
      {"Your photo of the support group is on the billboard. Did every one of them agree to that?", true},
      {"Please warn the front desk staff: a man in the lot was shouting that he'd find the surgeon.", false},
      {"Couldn't have picked a better team for my husband's surgery.", false},
      {"Folks grumble about the app. Honestly it's never given me a lick of trouble.", false},
      {"The biopsy wasn't the ordeal I imagined. Quick and done.", false},
      {"Everyone told me to brace for a long day. Didn't happen, out by noon.", false},
      {"Five years ago the doctors told us he might never walk. He ran a mile today.", false},
      {"Bill was less than we were dreading, the counselor found a grant.", false},
      {"Bring snacks, it's a six hour infusion. The chairs are comfy.", false},
      {"Mother Nature keeps moving my appointments, stay warm everyone.", false},
      {"The airline broke his wheelchair. Never flying them again.", false},
      {"My appointment ran late because of an emergency. I'd want them to drop everything for me too.", false},
      {"Insurance companies are the real problem here, the clinic did all it could.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Overdue balance notice: pay now with Google Play cards to keep your appointment.").spam);
  CHECK(shipped->Classify("Want a free gift? Claim your reward 👉 bit-gift.info").spam);
  CHECK_FALSE(shipped->Classify("Can I pay my bill with a credit card at the front desk?").spam);
}

}  // namespace
}  // namespace turnaround::classify
