// Round 55: families written after holdout56 was measured (complaints.rules `c55.*`; counter.rules
// `counter55.glad_after_all`, and `praise.quality` no longer reads the hedge "kind of" as praise;
// spam.rules `spam55.easy_certificates_and_gift_cards`; urgent_broad.rules `ub55.*`;
// urgent_counter.rules `counter55.story_closed`, merged in round 56 into `counter41.story_then_back` and
// `counter55.when_it_could_be_anyone`), checked with sentences written for this test,
// not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 55: an appointment of my own, a goodbye and a phone off, a chart passed on, the state",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Push my mom's surgery back again and I'll make my own kind of appointment with that scheduler.",
       "threat_of_violence"},
      {"Someone on the buy-and-sell page says the methadone clinic ought to be burned down.",
       "threat_of_violence"},
      {"My son texted 'tell dad I'm sorry' and then turned his phone off. Can anyone check on him?",
       "self_harm"},
      {"A tech at the front desk has been sending my ex things out of my medical record.", "privacy_breach"},
      {"The guard shoved my father and it's all on camera. We're taking this to the state board and anyone "
       "who will listen.",
       "legal_threat"},
      {"Mi tío se puso pálido en el trabajo y dice que le duele el pecho, no puede respirar bien.",
       "medical_emergency"},
  };
  const char* const calm[] = {
      "I turned my phone off during the appointment like the sign asked.",
      "Could you send my records from the old clinic to the new one?",
      "The old wing should be torn down and rebuilt, it's from 1962.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);

  const char* const over[] = {
      "Back in 2021 I overdosed in my truck and your medic brought me back. Four years sober today.",
      "People trash this place, but when your baby is choking at 3am it's the only place within an hour.",
  };
  const testing::UrgentCase live[] = {
      {"My baby is choking and turning blue, we're in the parking lot.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 55: hours for a short visit, a deleted question, a sign-in sheet, a banner, not mad at you",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Four hours for a five-minute recheck on my wrist.", true},
      {"We were at the clinic at 6am and got called at 1:30.", true},
      {"Asked here why the Saturday clinic closed and my question was deleted.", true},
      {"The only ramp at the side door has had an out of order sign on it since March.", true},
      {"The sign-in sheet asks for your birthday and it's sitting on the counter for everyone to read.", true},
      {"You hung a nurses week banner the same month you cut their raises. Real appreciated.", true},
      {"Towing patients' cars out of the clinic lot? Kind of a bad look for a clinic.", true},
      {"Pedí en la tarde y me dijeron que no hay, solo a las 9.", true},
      {"That's why we drive an hour to see Dr. Ames.", false},
      {"Waited a while, but they took the man with chest pain first, and that's how it should be.", false},
      {"Thought the bill would be terrible. It was $15 after the discount.", false},
      {"Our landlord won't fix the heat, the clinic nurse wrote a letter for us.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Earn your medical coding certificate in 10 days online, no exams, 100% pass rate!").spam);
  CHECK(shipped->Classify("We're giving gift cards to the first 200 people who share this post and comment DONE!").spam);
  CHECK_FALSE(shipped->Classify("How long does the medical assistant certificate take at the college?").spam);
}

}  // namespace
}  // namespace turnaround::classify
