// Round 83: families written after holdout84 was measured (complaints.rules `c83.*`, counter.rules
// `counter83.never_got_to_thank`, urgent_broad.rules `ub83.*`, with new patterns in older homes:
// c70.anyone_read_the_orders ("Does anyone in billing read the card?"),
// ub6.self_harm_not_around ("don't think I've got 7 weeks in me" after a relapse or an intake),
// ub67.knows_shift_change ("one said he knows what time she locks up"), ub12.threat_reported
// (talking about 'taking care of' someone), spam.money_scheme ("Invested $500 and got $6,800
// back"), counter81.love_to_trash ("Everybody on here hates the app but"), praise.quality ("Zero
// complaints"), counter35.wait_understood ("the sicker folks went first"), counter45.lost_and_found
// ("Found ... left them with the receptionist", "Gave it to the front desk"),
// plain.wrong_diagnosis (a fever "called 'the flu'", "sent him home with antacids ... heart
// attack"), c79.pet_names ("not 'sweetie' and 'buddy'"), privacy.exposed ("read ... over the
// speaker") and c81.nothing_for_those_who_work ("¿De veras no hay nada ...?")), checked with
// sentences written for this test, not taken from any data set. The true cases failed before round
// 83; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 83: weeks I haven't got in me, he knows when she locks up, 'dealing with' the doctor, "
          "a diagnosis mailed to work, a door nobody answers after a giveaway, a Spanish farewell",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Relapsed again. Rehab intake is a month out and I don't think I've got a month in me.",
       "self_harm"},
      {"A man in the parking lot told my cousin he knows what time the night pharmacist walks out.",
       "threat_of_violence"},
      {"Guys at the diner were talking about 'taking care of' the nurse who called CPS on them.",
       "threat_of_violence"},
      {"Your reminder about my psych follow-up was mailed to my job and my supervisor read it.",
       "privacy_breach"},
      {"My brother is giving away his guns and his dog to our uncle and now he won't answer the door.",
       "self_harm"},
      {"Ya no puedo más. Le dejé a mi mamá las llaves del carro y una carta.", "self_harm"},
  };
  const char* const calm[] = {
      "35 weeks along and honestly I don't think I've got five more weeks in me lol",
      "My mom knows when the pharmacy closes, she'll grab it tomorrow.",
      "Please send my work note to my employer, my boss needs to see it.",
      "Nobody at the front desk would answer my question about parking.",
      "Le dejé una carta de agradecimiento a la enfermera Rosa.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 83: who approved this policy, the plan for those of us "
          "without a car, do I just give up, enjoyed the blaring TV, = not, the whole hallway heard, a "
          "fax number, how much did the mural cost, we kind of need it, does anyone in billing read, "
          "they don't take it anymore; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"No flowers allowed in any patient room now. Who approved this policy?", true},
      {"The Elm Street clinic is closing in March. What's the plan for those of us without a car?", true},
      {"My plan stopped covering the infusions. Do I just give up on treatment?", true},
      {"Thoroughly enjoyed the TV blaring game shows at 3am in the ICU waiting room.", true},
      {"Surgeons = wonderful. Parking garage = not.", true},
      {"The curtain was open and the whole hallway heard my test results.", true},
      {"The after-hours number on my discharge papers rings to a fax.", true},
      {"How much did the new mural in the lobby cost? The elevators have been broken all month.", true},
      {"No microwave on the family floor. When you live here for weeks you kind of need one.", true},
      {"Billed again for a visit my Medicaid covers. Does anyone in billing read the card?", true},
      {"The clinic in town doesn't take my insurance anymore. Now it's an hour each way.", true},
      {"My mother is 88, not 'sweetie' or 'honey.'", true},
      {"The drive-through pharmacist read my meds over the speaker with cars behind me.", true},
      {"Her blood clot was called 'anxiety' at urgent care.", true},
      {"Everyone on here hates the new portal but it works great for me.", false},
      {"Zero complaints about the sleep study.", false},
      {"The ER paramedics saved my dad last winter. We never got to properly thank them.", false},
      {"Long wait in the ER, but the sicker patients went first, as they should.", false},
      {"Found a toddler's shoe in the cafeteria, gave it to the front desk.", false},
      {"Who came up with the new family lounge? It's lovely.", false},
      {"What's the plan for people like me who want a flu shot, walk in or book?", false},
      {"Before the colonoscopy, do I just stop eating at noon?", false},
      {"Really enjoyed the choir at the chapel on Sunday.", false},
      {"Nurses = angels. Doctors = angels too.", false},
      {"We sang happy birthday to my dad and the whole floor joined in.", false},
      {"What's the fax number for medical records?", false},
      {"How much does the shingles shot cost without insurance?", false},
      {"I kind of hope the snow holds off for my appointment.", false},
      {"Does anyone in the support group know a good dentist?", false},
      {"My son doesn't take his reflux meds anymore, he outgrew it!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
