// Round 47: families written after holdout48 was measured (urgent_broad.rules `ub47.*` and a wider
// `ub6.self_harm_not_around`; complaints.rules `c47.*`; counter.rules `counter47.first_and_still`
// and wider `counter45.fairness_defence`, `counter45.without_you_all_good`,
// `counter46.never_happened`; spam.rules `spam47.ask_for_ids`), checked with sentences written
// for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 47: threats to come back, withdrawal that adds up, treatment told to others", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Guy in the waiting room says he'll be back with a knife for the counselor who wrote him up.", "threat_of_violence"},
      {"Una señora dice que va a volver a pegarle a la recepcionista.", "threat_of_violence"},
      {"That caseworker is going to wish she never opened my file.", "threat_of_violence"},
      {"My ex snapped me a picture of my apartment window and wrote 'soon'.", "threat_of_violence"},
      {"Relapsed last night. Wrote my kids letters. I can't face my kids.", "self_harm"},
      {"Thanks for the year anyway. I can't face my wife after this. You tried.", "self_harm"},
      {"Next opening in a month? I don't think I'm gonna be around in a month.", "self_harm"},
      {"A man is passed out in the stairwell and not responding, we can't get the door open.", "medical_emergency"},
      {"Day 3 off the bottle and he's seeing spiders on the wall.", "medical_emergency"},
      {"Lleva dos días sin tomar y está temblando, ¿lo llevo a urgencias?", "medical_emergency"},
      {"The receptionist hollered my full name out to the parking lot where my boss was standing.", "privacy_breach"},
      {"Somebody put a video of the clinic line on Instagram and you can see everybody's faces.", "privacy_breach"},
      {"Someone from the clinic texted my sister about my detox dates.", "privacy_breach"},
  };
  const char* const calm[] = {
      "I'll be back with a plate of cookies for the night staff!",
      "I wrote the nurses a card and left it at the desk.",
      "Two days without alcohol at my cousin's wedding, proud of myself.",
      "I told my husband about my detox dates so he could plan the school runs.",
      "My legs won't stop going at spin class, new record!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 47: complaint phrasings and praise that reads like a complaint", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"'We'll call you Monday.' That was Monday. It's Friday.", true},
      {"My comment asking about the waitlist vanished. Cool. Very transparent.", true},
      {"Group ends at 8, last bus leaves at 7:50. You do the math.", true},
      {"My discharge letter has the wrong year on it. Get it right.", true},
      {"No evening childcare. Tell me who this program is made for.", true},
      {"The pharmacy told me to call the clinic. The clinic told me to call the pharmacy.", true},
      {"Your website says walk-ins welcome. Found out at the door they aren't.", true},
      {"Detox gave him nothing but Gatorade for the shakes.", true},
      {"The refill reminder came on a postcard. No envelope.", true},
      {"Stop sharing patient success photos without blurring faces.", true},
      {"The detox unit's holiday cocktail-party theme was a choice.", true},
      {"Five clinics on the north side. West side gets nothing.", true},
      {"Cuatro llamadas, cuatro respuestas.", true},
      {"Zero problems switching clinics. Zero.", false},
      {"Never once felt judged in two years of group.", false},
      {"She sat with me an hour. I didn't know nurses were allowed to do that.", false},
      {"Day 5 of detox, the worst pain of my life. Hanging in.", false},
      {"day 365", false},
      {"That's federal rules, not them being difficult.", false},
      {"Couldn't find one thing wrong with my stay.", false},
      {"The county jail released him with nothing. That's the system failing, not y'all.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Medicaid renewal approved instantly for a small fee, just DM your case number and SSN.").spam);
}

}  // namespace
}  // namespace turnaround::classify
