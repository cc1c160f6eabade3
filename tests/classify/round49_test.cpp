// Round 49: families written after holdout51 was measured (urgent_broad.rules `ub49.*`;
// urgent_counter.rules `counter49.call_911_advice`; complaints.rules `c49.*`; counter.rules
// `counter49.denial_praise_fairness`; spam.rules reads "link in my profile"), checked with
// sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 49: threats of how it ends, signs after a cosmetic procedure, lists and folders", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"He keeps texting that he's coming for me and anybody who gets in the way.", "threat_of_violence"},
      {"Cancel my surgery again and your scheduler won't like how the next visit goes.", "threat_of_violence"},
      {"My brothers are driving over to your office to settle the balance in person.", "threat_of_violence"},
      {"Been thinking about the garage with the engine running a lot this week.", "self_harm"},
      {"Stopped planning anything past next week. I still can't look in a mirror.", "self_harm"},
      {"Le dejé a mi hijo las contraseñas y ya no tiene sentido seguir.", "self_harm"},
      {"About twenty minutes after the Botox my eyesight went blurry on one side.", "medical_emergency"},
      {"Breast reconstruction yesterday, and tonight the flap looks dusky and feels cold.", "medical_emergency"},
      {"Both drains are filling with bright red blood since this afternoon.", "medical_emergency"},
      {"Their holiday email went out with every patient's address in the CC field.", "privacy_breach"},
      {"Encontramos un sobre en el estacionamiento con expedientes de pacientes.", "privacy_breach"},
      {"The courier left a box full of patient files on the curb. Anyone could have taken it.", "privacy_breach"},
      {"Sent the whole thread to my lawyer and she's already drafting something.", "legal_threat"},
  };
  const char* const calm[] = {
      "Coming to get my glasses and my husband's, see you at 3!",
      "You're not going to like how cold the gel is, but the ultrasound is painless.",
      "Park in the garage with the engine off and take the elevator to 2.",
      "My flap healed beautifully, thank you Dr. Ortiz.",
      "Drains out today and barely any fluid, so relieved.",
      "Please put my work email in the To line for my records request.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 49: advice to call 911 is called off", "[classify][urgent]") {
  const char* const over[] = {
      "This page is not an emergency line. For a real emergency, call 911.",
  };
  const testing::UrgentCase live[] = {
      {"Real emergency here, call 911, a man collapsed at the pharmacy window and isn't breathing.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 49: complaint phrasings and praise that reads like one", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Postponed for the flood. The flood was in March. It's July.", true},
      {"Moved my appointment by text at midnight. Thanks for the six hours notice.", true},
      {"Whoever approved the swimsuit contest banner for the cancer clinic... no.", true},
      {"Evening clinic only on Mondays 4-6. I work 7 to 7.", true},
      {"Why can't we check in online without a Florida ID?", true},
      {"The sign-in clipboard asks your procedure and sits facing the whole lobby.", true},
      {"The automatic doors by the garage never open for wheelchairs.", true},
      {"The recovery room smells of burnt popcorn, gave me a headache both times.", true},
      {"The coordinator told me I was being paranoid about the swelling.", true},
      {"Paying for five-star reviews is kinda sketchy.", true},
      {"Three hours in the lobby. Love the doctor, but wow.", true},
      {"Me tuvieron dos horas esperando sin decir nada.", true},
      {"Not happy... THRILLED with how my nose turned out!", false},
      {"Couldn't say a single bad word about the Doral laser team.", false},
      {"The swelling is brutal, but that's healing, not the clinic.", false},
      {"Nothing but love for the recovery nurses.", false},
      {"I thought the deposit was a rip-off until it came off the final bill. Fair enough.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Melt belly fat with this one tea surgeons hate, link in my profile").spam);
}

}  // namespace
}  // namespace turnaround::classify
