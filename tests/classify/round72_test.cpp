// Round 72: families written after holdout73 was measured (complaints.rules `c72.*`,
// counter.rules `counter72.*`, urgent_broad.rules `ub72.*`, urgent_counter.rules `uc72.*`, with
// new patterns in older homes: c58.cold_in_coats ("sits at 60 degrees", "como a 58 grados"),
// c55.money_and_moments (a survey after a death), c62.nobody_until_monday ("no doctor call until
// Tuesday"), clinical.allergy_error (Spanish "aun así le dieron"), broad.refused_turned_away
// ("stopped taking patients"), plain24.eligibility_restriction ("don't drive past the pavement"),
// c71.one_bar_of_signal ("with what internet?"), c71.only_available_on ("cut to Tuesdays"),
// plain23.wish_held_back ("I just wish someone had checked"), c65.overheard_speaker (a diagnosis
// told to the patient next to me), counter35/52/65, spam60 (a pay-app drive), ub58 (Spanish
// spots that do not fade), ub36, ub8 ("he knows what room she's in"), ub48 (Spanish fax to the
// plant office) and ub9 (a pet given away with other things)), checked with sentences written for
// this test, not taken from any data set. The true cases failed before round 72; the false ones
// guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 72: Spanish spots that do not fade, 'he knows what room she's in', results faxed to "
          "the work office, a rifle and a dog given away, a Spanish menace at the end of a shift",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Mi hija tiene fiebre y unas manchitas moradas en la panza que no se quitan cuando las aprieto.",
       "medical_emergency"},
      {"Her ex keeps texting that he knows what room she's in on the maternity floor.",
       "threat_of_violence"},
      {"Enviaron mi prueba de embarazo a la oficina de mi trabajo en vez de a la clínica.",
       "privacy_breach"},
      {"I gave my rifle to my cousin and my dog to the neighbor yesterday.",
       "self_harm"},
      {"Dice que va a ir a esperar a la cajera cuando salga del turno y que ya va a ver.",
       "threat_of_violence"},
  };
  const char* const calm[] = {
      "Le salieron manchitas rojas del sol pero ya se le quitaron.",
      "Mandaron la receta a la farmacia de mi trabajo como les pedí.",
      "I gave my old car to my grandson and my sewing machine to my niece.",
      "Voy a ir a esperar a la doctora para darle un regalo.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 72: the man-cold joke is called off; a cold with blue lips is not", "[classify][urgent]") {
  const char* const over[] = {
      "Man cold day two. Tell my brother I loved him and he can have my boat.",
      "Mi suegro dice que se está muriendo de la gripa. Ya resucitó cuando llegó la comida.",
  };
  const testing::UrgentCase live[] = {
      {"My husband said it was just a cold but now he can't breathe and his lips are blue.",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 72: a cold infusion room, no call until Tuesday, an allergy given anyway, walk-ins "
          "stopped before closing, a nurse who won't drive past the river, dates counted out, the "
          "nth visit, 'or is that just something y'all say'; the counters' look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The chemo lounge sits at 60 degrees and the warm blankets are always gone.", true},
      {"MyChart posted the biopsy at midnight Friday. No doctor call until Tuesday.", true},
      {"Es alérgico a la aspirina y está en su pulsera. Aun así le dieron aspirina en urgencias.", true},
      {"'Just use the patient portal.' With what internet?", true},
      {"I just wish somebody had checked his feet while he was there.", true},
      {"Third visit, someone finally ordered the x-ray. Fractured.", true},
      {"Is there really a callback list, or is that just something y'all say?", true},
      {"Nice billboard, 40 miles from the clinic you just shut down.", true},
      {"We got there at 4:30 and they weren't taking patients anymore, sign says 6.", true},
      {"Home health says they don't go past the river, and we're just across it.", true},
      {"The visiting nurses don't drive beyond the blacktop, so Grandpa gets no wound care.", true},
      {"Called about my refill on the 2nd, the 11th and the 19th.", true},
      {"In three visits nobody has checked his oxygen.", true},
      {"Still nobody picking up at the Oak Hill office.", true},
      {"I could hear the doctor telling the lady beside me she had a tumor.", true},
      {"Scanxiety is real. Scan Tuesday, results Thursday.", false},
      {"Waited three hours with my ankle because a car wreck came in. That's how it should be.", false},
      {"The nurse didn't ignore you, she was with a code. She was doing her job.", false},
      {"No es justo lo que dicen de la clínica. A mí siempre me atienden bien.", false},
      {"Found a pink mitten in the ER waiting room and left it at the front desk.", false},
      {"Every $10 sent by Cash App enters you in the raffle to win a TV!", false},
      {"My husband has a man cold. Pray for me.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
