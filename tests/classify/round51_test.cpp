// Round 51: families written after holdout52 was measured (complaints.rules `c51.*`; counter.rules
// `counter51.*` and `question51.opening`; spam.rules `spam51.reply_with_details`; urgent_broad.rules
// `ub51.es_how_many_pills`; urgent_counter.rules `counter51.medical_past_ended_well`), checked with
// sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 51: pills asked about in Spanish; a story that ended well is called off", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"¿Cuántas pastillas de la tiroides hacen falta pa' no despertarme? Es curiosidad.", "self_harm"},
  };
  const char* const calm[] = {
      "¿Cuántas pastillas de hierro me tomo al día? La receta no dice.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);

  const char* const over[] = {
      "Two years ago my daughter swallowed a coin. Your ER got it out in time, she's doing great now.",
      "Dad doesn't recognize me anymore. Dementia took him slowly.",
  };
  const testing::UrgentCase live[] = {
      {"My daughter swallowed a coin ten minutes ago and is drooling and gagging.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 51: the turn of the story, a phone at the desk, answers that disagree, services missing",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The ER said my chest pain was just anxiety. It turned out to be a clot in my lung.", true},
      {"The lady at registration was texting the whole time I tried to check in.", true},
      {"I told them I can't take codeine, it's in my chart. Guess what they gave me.", true},
      {"The portal says the lab opens at 7, but the phone line said 9. Which is it?", true},
      {"The new visitor rule makes zero sense for a dying patient's family.", true},
      {"There's no child psychiatrist in the whole county network.", true},
      {"You shut down the Westside pharmacy and now we drive 40 minutes.", true},
      {"Four floors, one working elevator, and a line of wheelchairs.", true},
      {"Somebody at your clinic talked, my neighbor knew before I did.", true},
      {"Llevo desde mayo tratando de conseguir cita con el dermatólogo.", true},
      {"Envié cinco mensajes por el portal y nadie contestó.", true},
      {"El elevador de la entrada lleva dos semanas dañado.", true},
  };
  testing::ExpectComplaintByRules(cases);
}

TEST_CASE("round 51: a switch, blame elsewhere, no problem, a quick visit, staff defended", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"My old clinic never called back. Switched to you and it's night and day.", false},
      {"Car broke down on the way, so I called and they slotted me in Thursday, no problem.", false},
      {"My landlord won't fix the heat and I'm sick again. Not the clinic's fault, just me venting.", false},
      {"Out in an hour with a splint and a lollipop for the little one.", false},
      {"Be mad at the hospital budget, not the nurses running double shifts.", false},
      {"They moved my knee surgery up two weeks, not mad about that.", false},
      {"Anybody know if the Oak St clinic does sports physicals? Trying to plan for August.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Your account is owed a refund. Reply with your DOB and bank details to receive it.").spam);
  CHECK(shipped->Classify("Free roof inspection this week only! Comment YES and we'll call you.").spam);
  CHECK_FALSE(shipped->Classify("The front desk asked for my date of birth out loud in a full waiting room.").spam);
}

}  // namespace
}  // namespace turnaround::classify
