// Round 14: the families that holdout11's and holdout12's missed urgent posts
// showed (urgent_broad.rules `ub14.*`), checked on sentences written for this
// test, not taken from any data set, with calm posts that share their words.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

using testing::ExpectUrgentAndCalm;
using Urgent = testing::UrgentCase;

TEST_CASE("urgent round 14: named drugs, goodbyes, found papers, legal process", "[classify][urgent]") {
  const Urgent urgent[] = {
      {"my brother downed a bottle of his benadryl an hour ago and he's talking nonsense", "medical_emergency"},
      {"her heart keeps pounding and she's dizzy and sweating, we're in the car outside your ER", "medical_emergency"},
      {"3 days after my c-section and I've soaked through two pads in an hour", "medical_emergency"},
      {"my uncle has been vomiting what looks like coffee grounds since this morning", "medical_emergency"},
      {"mi bebé está respirando rápido y tiene la boquita morada", "medical_emergency"},
      {"my son texted take care of mom for me and turned his phone off", "self_harm"},
      {"the nurse found out he's been stashing his pills in a sock drawer", "self_harm"},
      {"I've planned out when. I just wanted to say thank you to the night staff", "self_harm"},
      {"there's a girl sitting on the ledge of your garage staring down, is security there", "self_harm"},
      {"I opened my mail and it was somebody else's visit summary with their meds", "privacy_breach"},
      {"the records for the gentleman in bed 4 ended up in my mother's bag", "privacy_breach"},
      {"la enfermera le contó a mi jefe que tengo cáncer", "privacy_breach"},
      {"I was served with a subpoena about my sister's surgery, who do I talk to there", "legal_threat"},
      {"we have filed a civil rights complaint with the office for civil rights", "legal_threat"},
      {"next time, whoever picks up that phone is getting what's coming", "threat_of_violence"},
  };
  const char* const calm[] = {
      "I took my tylenol and a nap and feel much better, thank you",
      "my heart is racing with excitement, my first grandbaby arrives tomorrow!",
      "when she goes back to work I'm going to watch the baby",
      "can you take care of my billing question for me, I'm on hold",
      "I've figured out how to book online, thank you for the video",
      "the screen in the lobby shows the wait time, so helpful",
      "my dad's attorney will be at the care conference on Monday, is that OK?",
      "the view from the top floor of the garage is pretty at sunset",
  };
  ExpectUrgentAndCalm(urgent, calm);
}

}  // namespace
}  // namespace turnaround::classify
