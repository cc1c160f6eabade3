// Round 48: families written after holdout49 was measured (urgent_broad.rules `ub48.*` and a wider
// `ub9.self_harm_farewell_acts`; urgent_counter.rules `counter48.angry_cant_breathe` and a wider
// `counter37.medical_years_ago`; complaints.rules `c48.*`; categories.rules `cat8.wait_by_clock`
// reading "7pm"; counter.rules `counter48.*` and a wider `praise24.venting_disclaimer`;
// spam.rules `spam48.job_scams`), checked with sentences written for this test, not taken from
// any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 48: threats that name a return or a place, a friend giving things away, records sent astray", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"That pharmacist better not be at the window when I come back tomorrow.", "threat_of_violence"},
      {"Someone's gonna teach that receptionist a lesson, watch.", "threat_of_violence"},
      {"One more eye roll from the tech and I'm sending him through the window.", "threat_of_violence"},
      {"Dijo que si no lo atienden hoy va a haber sangre.", "threat_of_violence"},
      {"I know which car is hers in the staff lot. I'd love to meet her after work.", "threat_of_violence"},
      {"My ex-husband knows where I work. Can someone please call security before my shift?", "threat_of_violence"},
      {"My sister gave away all her jewelry this week and keeps saying goodbye at the end of calls.", "self_harm"},
      {"No aguanto más. Perdónenme por todo. No le veo sentido a seguir.", "self_harm"},
      {"The lab mailed my biopsy results to my former employer's address.", "privacy_breach"},
  };
  const char* const calm[] = {
      "She better be there when I come back, she's the only nurse who finds my veins!",
      "Grandma is going to teach him to knit while his cast heals.",
      "We put the new TV through the door sideways, the waiting room looks great now.",
      "Do you know where the lab is in the new building?",
      "Perdón por escribir tan tarde, ¿mañana abren a las 8?",
      "Faxed my physical to my new job and they got it the same day, thank you.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 48: anger said as breathlessness and a recovery told in Spanish are called off", "[classify][urgent]") {
  const char* const over[] = {
      "Lost my grandpa to a stroke last week and I'm so mad I can't breathe.",
      "Hace dos años mi mamá tuvo un infarto. Hoy está en su casa feliz con sus nietos.",
  };
  const testing::UrgentCase live[] = {
      {"I'm so scared and I can't breathe, my chest is tight, is anyone at urgent care?", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 48: complaint phrasings and praise that reads like one", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Checked in at 5pm. It's 8:45pm now and nobody has called a single name.", true},
      {"Great staff. Love you guys but seriously, two hours?", true},
      {"Second Monday in a row the phones were down and nobody called back.", true},
      {"The pharmacy only answers 7 to 3. I work 7 to 3.", true},
      {"Flu clinic on a Tuesday at noon, when everybody is at work. Brilliant.", true},
      {"Nearest pediatric dentist that takes our plan is 80 miles away.", true},
      {"They ended the Saturday clinic and nothing replaced it.", true},
      {"The bathroom sink has been taped over since last spring.", true},
      {"Two visits about the rash, zero follow-up.", true},
      {"New uniforms. Same waits. Same excuses.", true},
      {"Guess the night shift can just skip their checkups then.", true},
      {"Nobody has ever once explained my test results to me.", true},
      {"She spoke to me in the voice you'd use on a toddler.", true},
      {"Why can I message my doctor but not book a visit in the app?", true},
      {"La recepcionista le contó a mi cuñada... perdón, a mi hermana lo de mis resultados.", true},
      {"No wait, no hassle, no fuss. Best visit ever.", false},
      {"Who are you and what have you done with my old clinic? In and out in 20 minutes.", false},
      {"Whoever fixed the phone tree, give that person a raise.", false},
      {"The late clinic on Thursdays is a game changer for us shift workers.", false},
      {"Wanted to complain about the bill, then realized I paid the wrong account. User error.", false},
      {"The radiology place across town lost my scan. Not on you guys.", false},
      {"Grandpa waited too long with his chest pain last winter. Listen to your body, folks.", false},
      {"Nobody at the hospital did anything wrong, I just miss her. Sorry, venting.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Mystery shoppers needed for clinics, $200 each, we mail you a check first.").spam);
}

}  // namespace
}  // namespace turnaround::classify
