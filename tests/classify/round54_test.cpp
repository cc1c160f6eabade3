// Round 54: families written after holdout55 was measured (complaints.rules `c54.*`; counter.rules
// `counter54.not_on_you`; spam.rules `spam54.claim_and_release`; urgent_broad.rules `ub54.*`;
// urgent_counter.rules `counter54.someone_else_came_in`; `ub47.privacy_exposed_treatment` no longer
// takes a screen that faces the line, which two blind sets labelled a complaint, not urgent),
// checked with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 54: a warning, guns and 'make them pay', a password sent, giving up, a result heard first",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Move my surgery one more time and I'm coming in, and it won't be to chat.", "threat_of_violence"},
      {"My cousin keeps saying he'll go to the clinic and make them pay. He has access to guns.",
       "threat_of_violence"},
      {"My friend emailed me all her passwords and told me she's 'done'. She isn't picking up.", "self_harm"},
      {"Honestly it would be easier if I just wasn't here anymore.", "self_harm"},
      {"Desde que murió mi hijo ya nada tiene sentido.", "self_harm"},
      {"The nurse left the results on the home phone and my husband heard it before I did.", "privacy_breach"},
  };
  const char* const calm[] = {
      "I've been warned about the parking garage, I'll take the bus.",
      "Paperless billing made it easier when I gave up my mailbox.",
      "My wife saw the statement before I did and paid it.",
      "The check-in monitor faces the lobby, I saw a name and birthday while I waited.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);

  const char* const over[] = {
      "Waited three hours, but a girl came in having an asthma attack and they went straight to her. "
      "Fine with that.",
  };
  const testing::UrgentCase live[] = {
      {"My daughter is having an asthma attack in your lobby and nobody is coming.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 54: a no-show for a late link, a wrong drug, a clock, lost hours, a page that loves praise",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The link came ten minutes late and they marked me as a no-show.", true},
      {"They filled my dad's bottle with hydralazine instead of hydroxyzine. What if he hadn't noticed?", true},
      {"Got there at 9, got seen at 12:15.", true},
      {"No weekend or evening hours at any clinic, and we all work days.", true},
      {"The shuttle used to run every hour. Now it's twice a day.", true},
      {"This page likes every five-star review and ignores my messages.", true},
      {"La doctora ni me volteó a ver y no me explicó nada.", true},
      {"Sent a birthday card to my mom, who died last spring.", true},
      {"Congress cut the program and now my copay doubled.", false},
      {"Our landlord won't fix the AC. Not your problem, just venting.", false},
      {"CVS lost my refill, so I transferred it to your pharmacy and it was ready the same day.", false},
      {"Quiero agradecer a la doctora Ruiz por todo, nunca lo voy a olvidar.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Usted ha sido seleccionado para un premio. Mande su número de cuenta.").spam);
  CHECK(shipped->Classify("Your order is on hold, pay the $1.99 delivery fee to release it.").spam);
  CHECK_FALSE(shipped->Classify("They charged me a $25 fee to release my own records.").spam);
}

}  // namespace
}  // namespace turnaround::classify
