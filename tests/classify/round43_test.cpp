// Round 43: families written after holdout44 was measured (urgent_broad.rules `ub43.*`,
// urgent_counter.rules `counter43.*` and the wider `counter41.story_then_back`; complaints.rules
// `c43.*` and the named spared ones of `c41.spared_then_but`; counter.rules `praise43.*` and the
// "nobody made me feel dumb" pattern of `praise42.nobody_was_short`; spam.rules
// `spam43.injury_ads`), checked with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 43: health details reaching an employer, giving up, waiting outside, a lawyer by their case",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"The return-to-work form you emailed my supervisor included my psych diagnosis. Now the whole shop knows.",
       "privacy_breach"},
      {"My manager saw my chart on the screen, including the pregnancy I hadn't told anyone at work about.",
       "privacy_breach"},
      {"I've stopped seeing the point of anything lately, even getting up.", "self_harm"},
      {"A ese doctor lo vamos a esperar a la salida, a ver si es tan valiente.", "threat_of_violence"},
      {"The attorney handling my mother's case wants every record from that night.", "legal_threat"},
      {"Cancel my appointments, I won't be needing any more appointments. My cats are with my neighbor now.",
       "self_harm"},
      {"how much of my pain pills would be too much. honestly i'm done with all of it", "self_harm"},
  };
  const char* const calm[] = {
      "Please send the return-to-work note to my employer, they need it by Monday.",
      "My boss saw your flyer for the back class and signed the whole crew up!",
      "Can I check out early from the rehab unit if I'm doing well?",
      "The lady handling my billing question called back the same day, thank you.",
      "I won't be needing any more appointments, the shoulder is fully healed. Thank you all!",
      "The nurses remember every patient's birthday and sing in the hallway, so sweet.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 43: a self-harm story told as over, a long story back at work", "[classify][urgent]") {
  const char* const over[] = {
      "Three years ago I didn't want to be alive anymore. I'm still here. If you're in that place right now, "
      "please tell somebody.",
      "Nineteen months ago I collapsed in the field and my heart stopped until the flight crew got it going. "
      "Months of rehab, a lot of anger, a lot of patience from your team. Last week I went back to work, light "
      "duty.",
  };
  const testing::UrgentCase live[] = {
      {"Two years ago I tried to end it and tonight I want to die again.", "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 43: complaint phrasings, praise said with negations", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"@Rae same therapist told me to toughen up. Glad it's not just me.", true},
      {"They left a voicemail about my biopsy results on the house phone my kids answer.", true},
      {"Funny how fast the billing office found my payment once I posted here.", true},
      {"The 'stay positive' posts are a bit much when the clinic has been closed for a month.", true},
      {"Posted a question about my refund yesterday and now it's gone.", true},
      {"Not blaming the therapists, but the front desk lost my referral twice.", true},
      {"Not complaining about anyone here, the staff were kind. But my sister's insurance won't cover the second "
       "round.",
       false},
      {"No one in that office ever made me feel dumb for asking.", false},
      {"Tenía miedo de la cirugía, pero no me arrepiento para nada.", false},
      {"@Lou the nurses on 4 are not the problem, the insurer is.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Hurt on the job? No fee unless we win. Call our team today!").spam);
  CHECK_FALSE(shipped->Classify("Is the free consultation with the surgeon covered by my plan?").spam);
}

}  // namespace
}  // namespace turnaround::classify
