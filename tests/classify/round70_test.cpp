// Round 70: families written after holdout71 was measured (complaints.rules `c70.*`,
// counter.rules `counter70.*`, urgent_broad.rules `ub70.*`, with new patterns in older homes:
// counter30.medical_recovered ("he's 7 now", "remember when my"), plain.clock_elapsed ("got
// there 7:15 ... left at 10:30", Spanish "nos atendieron a la una"), plain.stopped_taking ("you
// dropped <plan>"), praise30.zero_and_nothing_but ("nothing but good") and
// counter55.glad_after_all (a bill dreaded, then small), the last two taken over from
// counter69.praise_said_plainly, which held four kinds and is gone), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 70;
// the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 70: a patient board behind a staff video, someone else's notes in the portal, a "
          "hot draining incision, a caller who knew the surgery date",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"A tech keeps posting TikToks from the nurses station with the patient board right behind her.",
       "privacy_breach"},
      {"logged into the app this morning and I'm reading some other kid's visit notes, not my son", "privacy_breach"},
      {"Home two days after my c-section and the incision is hot and draining, I'm shaking and can't even stand",
       "medical_emergency"},
      {"Someone called my dad saying they're your billing office, rattled off his surgery date and "
       "asked for a card. How would they know that?",
       "privacy_breach"},
  };
  const char* const calm[] = {
      "Posted photos of the new lobby, so pretty!",
      "Logged in to pay my bill, easy as pie.",
      "My incision was leaking a little last week but the nurse said it's healing fine.",
      "The clinic called and read off my appointment time, so helpful.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 70: a rescue told years later, an awareness vigil, a prevention walk are called "
          "off; the same words live are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Remember when my daughter swallowed a magnet and your ER team got it out in an hour? She's 9 now.",
      "Overdose awareness vigil on the courthouse lawn Friday at dusk.",
      "Did the suicide prevention walk downtown in October with my cousins, the counseling team had a table and "
      "were so kind. Join us next year.",
  };
  const testing::UrgentCase live[] = {
      {"My son swallowed a magnet and he's vomiting right now, which ER is open?", "medical_emergency"},
      {"I'm at the vigil and my brother just overdosed, he's not breathing", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 70: staff in the patient spots, years of telling, a chaplain preaching, 'is a "
          "choice', 'not even a phone call', unread orders, an anti-shoutout, 'good luck if', a "
          "drive across the state, no smartphone, a name called aloud, a room moved untold, mail "
          "for a grown child, a plan dropped, no bloodwork; the counters' look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Staff always park in the patient spots by the door and we walk from the far lot.", true},
      {"Three years of telling my doctor about the cough. New doctor, one x-ray, pneumonia scar.", true},
      {"The night chaplain kept preaching his faith to my dad, who is Jewish.", true},
      {"Raises for the executives while cutting the night nurses is a choice.", true},
      {"Twenty years volunteering in the gift shop, ended with a group text. Not even a phone call.", true},
      {"Does anybody read the orders? Physical therapy had him walking on the bad leg.", true},
      {"Shoutout to the nurses on 4. Anti-shoutout to the resident who called my mom dramatic.", true},
      {"They cut the Saturday hours. Good luck if your kid gets sick on a weekend.", true},
      {"The closest dermatologist who takes my plan means I have to drive across the state.", true},
      {"The app is the only way to check in now. Not everyone has a smartphone.", true},
      {"Gritaron mi nombre y el nombre de mi medicina en la sala. Todos voltearon a verme.", true},
      {"They switched his room overnight and didn't tell a soul, we walked in on a stranger.", true},
      {"The clinic mailed my grown daughter's lab results to my house.", true},
      {"Llegamos a las 9 y nos atendieron a la una.", true},
      {"Y'all dropped Prairie Mutual at the north clinic but kept it downtown?", true},
      {"The urgent care didn't do any bloodwork, just 'rest and fluids'. Next day the ER found the infection.", true},
      {"Nothing but good to say about the birth center team.", false},
      {"Came in angry, left with a nurse who sorted out the refill. Thank you Dana.", false},
      {"I was not thrilled at first, until they said the surgery moved up a week. Thank you!", false},
      {"I don't get all the complaining, the clinic has always been good to us.", false},
      {"Copay went up, that's my employer's new plan, not the clinic.", false},
      {"Just needed to say it somewhere. Chemo week is rough.", false},
      {"The nurses are so annoying, always checking on her and remembering her dog's name.", false},
      {"The pharmacy down the road lost it again. Thank goodness your pharmacy filled it.", false},
      {"The sirens Saturday morning are a planned drill at the hospital. Don't panic.", false},
      {"Don't be like me, I waited a year with that lump. Go get checked.", false},
      {"They found my heart problem when nobody else could.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
