// Round 42: families written after holdout43 was measured (urgent_broad.rules `ub42.*`,
// urgent_counter.rules' singular Spanish anchors and "back out fishing" endings; complaints.rules
// `c42.*`, counter.rules `counter42.*` and the "not one nurse was short" pattern of
// `praise24.negated_problem`, spam.rules `spam42.call_now_number`), checked with sentences
// written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 42: a farewell caption and nobody can reach them, harm promised on a condition",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My brother shared a picture from the overpass captioned 'last time' and he's not answering.", "self_harm"},
      {"mi amiga publicó 'perdónenme' en su historia y tiene el teléfono apagado", "self_harm"},
      {"Move her appointment again and somebody in that billing office is gonna get hurt.", "threat_of_violence"},
      {"Lay a hand on my son like that once more and you'll regret it. That's a promise.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Posted my last time ringing the chemo bell, goodbye infusion chair! Not answering texts today, celebrating.",
      "Someone is going to get hurt on that icy ramp, please salt it.",
      "Next time I'll bring snacks for the nurses, promise!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 42: Spanish half evidence adds up only together", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Me cambiaron la cita con el psicólogo para febrero, yo no aguanto hasta febrero. Ya para qué.", "self_harm"},
  };
  const char* const calm[] = {
      "La cita con la terapeuta es en febrero, no aguanto hasta verla para contarle que ya conseguí trabajo!",
      "¿Ya para qué sirve la tarjeta vieja del seguro?",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 42: stories over with a singular 'hace un año' or back out doing something", "[classify][urgent]") {
  const char* const over[] = {
      "Hace un mes se desmayó mi papá en la iglesia. Ya camina solito al parque.",
      "Last August my wife collapsed at the fair and a nurse did CPR. She's back out gardening every morning.",
  };
  const testing::UrgentCase live[] = {
      {"Hace un mes le dio un infarto y ahora está en su casa con dolor de pecho otra vez.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 42: complaint phrasings and the notices that are not", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Fried chicken buckets at the diabetes walk, same week you posted about cutting salt.", true},
      {"Breastfeeding class only on weekday mornings. Who is this even for?", true},
      {"Cerraron la farmacia del centro y ahora hay que ir hasta el otro lado del pueblo.", true},
      {"Tried the nurse line twice, it just rings and rings.", true},
      {"@Jo the fee isn't the hospital being greedy, that's how insurance bills outpatient visits.", false},
      {"FYI the Main St clinic is closed Friday for the holiday, the lab too.", false},
      {"Not one nurse was short with my dad, even when he was confused and yelling.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("FREE grocery card for seniors on Medicare, call now 1-866-555-0123").spam);
  CHECK_FALSE(shipped->Classify("I called 555-201-3344 now four times and nobody picks up").spam);
}

}  // namespace
}  // namespace turnaround::classify
