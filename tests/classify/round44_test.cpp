// Round 44: families written after holdout45 was measured (urgent_broad.rules `ub44.*`, more
// endings of `counter40.story_then_now`; complaints.rules `c44.*` and "hour 3" in
// `time.duration_mention`; counter.rules `counter44.*`; spam.rules `spam44.comment_keyword`),
// checked with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 44: a Spanish promise to break a face or a window, a story ending on a hike", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Si la recepcionista me vuelve a ignorar le rompo la ventanilla y a ella también.", "threat_of_violence"},
      {"Al enfermero ese le voy a partir la cara cuando salga.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Se rompió la ventanilla de la farmacia con el viento, ¿ya la arreglaron?",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "Back in 2017 I passed out on a scaffold and fell two stories. Today I climbed Table Rock with my grandson.",
  };
  const testing::UrgentCase live[] = {
      {"Back in 2017 I passed out on a scaffold and today I passed out again in your lobby.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 44: complaint phrasings and praise or blame said elsewhere", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The resident treated my mom like she was a drug seeker for asking about her pain.", true},
      {"The surgeon never once looked up from his computer during the consult.", true},
      {"Your ramp is a sheet of ice every morning. You treat broken wrists. Think about it.", true},
      {"Overheard two of your techs in line at the pharmacy talking about a patient from my church.", true},
      {"Bring back the evening walk-in hours!", true},
      {"Plow the clinic lot already, three of us got stuck this morning.", true},
      {"urgent care lobby, hour four, my kid is asleep on the floor", true},
      {"Be kind to the people at the front desk, they are covering two jobs this month.", false},
      {"Blame the insurance company, not the clinic. They fought for my approval.", false},
      {"Not happy about breaking my wrist, but so grateful for the team that set it.", false},
      {"Wasn't disappointed one bit, in and out in forty minutes.", false},
      {"No me quejo para nada, todos fueron muy amables.", false},
      {"Shared from the county page: the clinic road is closed Thursday for paving.", false},
      {"The Senior ER treated my dad like an adult, not like he was a child. Thank you.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Free grant money for families, no repayment ever! Comment YES below to apply.").spam);
}

}  // namespace
}  // namespace turnaround::classify
