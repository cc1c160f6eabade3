// Round 14: the families that the missed urgent posts of holdout11, holdout12
// and (after it was measured) holdout13 showed (urgent_broad.rules `ub14.*`), checked on sentences written for this
// test, not taken from any data set, with calm posts that share their words.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

using testing::ExpectUrgentAndCalm;
using Urgent = testing::UrgentCase;

// One test case of sections, so that a test process compiles the shipped rules
// once: under AddressSanitizer that alone takes about two minutes.
TEST_CASE("urgent round 14: fresh sentences for its families", "[classify][urgent]") {
  SECTION("named drugs, goodbyes, found papers, legal process") {
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
  SECTION("signs described rather than named") {
    const Urgent urgent[] = {
        {"after the new antibiotic my throat feels swollen and it's getting hard to breathe", "medical_emergency"},
        {"she spilled scalding coffee on herself and the skin is blistering", "medical_emergency"},
        {"he took an elbow to the head in the game and now he's vomiting and confused", "medical_emergency"},
        {"I've been saving my sleeping pills for weeks", "self_harm"},
        {"my family would be better off if I never woke up", "self_harm"},
        {"la señora del 3 dice que es una carga y que ya dejó todo en orden", "self_harm"},
        {"a man in the lobby said he'd be back with his piece for the doctor", "threat_of_violence"},
        {"he messages me that he knows which room I'm in and when I leave", "threat_of_violence"},
        {"mi cuñado dice que se las va a pagar al doctor", "threat_of_violence"},
        {"my therapy notes were faxed to my boss instead of my GP", "privacy_breach"},
        {"someone left a binder of patient records on the bench by the bus stop", "privacy_breach"},
        {"we have retained a malpractice lawyer after what happened to my father", "legal_threat"},
    };
    const char* const calm[] = {
        "my throat was swollen last month but the antibiotics cleared it up, thanks Dr. Ruiz",
        "the skin care class at the clinic was so useful",
        "I keep my pills in a weekly box so I don't miss any",
        "I know which office is yours now, I'll drop the forms off tomorrow",
        "please send the invoice to my employer, they reimburse me",
        "my nephew just signed with a firm as a junior architect",
    };
    ExpectUrgentAndCalm(urgent, calm);
  }
}

}  // namespace
}  // namespace turnaround::classify
