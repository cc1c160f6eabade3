// Round 53: families written after holdout54 was measured (complaints.rules `c53.*`; counter.rules
// `counter53.*`; spam.rules `spam53.verify_and_diet`; urgent_broad.rules `ub53.*`;
// urgent_counter.rules `counter53.story_now`; `failure.state` no longer takes a bare "late"; the
// infant rule in urgent.rules takes "turning blue", not any "blue"), checked with sentences written
// for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 53: a shift end, arrangements for a child, a thought that is no longer one, a cord, a soft spot",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"To the tech who mocked my mother: I know when your shift lets out.", "threat_of_violence"},
      {"Si esa enfermera me vuelve a gritar no respondo de lo que le haga.", "threat_of_violence"},
      {"Please make sure her dad knows where the birth certificate is, I won't be around to do it.",
       "self_harm"},
      {"Le escribí una carta a mi esposo. Es mejor así para todos.", "self_harm"},
      {"I drive past the bridge every night and it doesn't feel like just a thought anymore.", "self_harm"},
      {"36 weeks, my water broke and there's something hanging, I think it's the cord.", "medical_emergency"},
      {"Mi niño de dos semanas tiene la mollera hundida y casi no come.", "medical_emergency"},
  };
  const char* const calm[] = {
      "I know what time the shift change is, so I'll visit after seven.",
      "I won't be around Saturday, can grandma bring her to the shot clinic?",
      "Is cord blood banking something you offer?",
      "Storm took half the roof and the baby's room has a blue tarp over it now.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);

  const char* const over[] = {
      "My brother fainted at the birth and needed stitches. It's a family legend now.",
      "Last winter my daughter swallowed a coin and your ER had her fixed within the hour.",
  };
  const testing::UrgentCase live[] = {
      {"My son swallowed a coin ten minutes ago and he's drooling and can't swallow.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 53: a body remark, a nickname, a confidence broken, a long bill for a short visit, a look",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"I came in for a sprained ankle and got a weight lecture.", true},
      {"The aide kept calling my dad 'the grumpy one' to the other nurses.", true},
      {"My son asked for his questions to stay private and the doctor repeated them to me in the hall.", true},
      {"Statement says 'comprehensive visit', the doctor was with us maybe eight minutes.", true},
      {"Why does a nonprofit hospital need a billboard on every corner?", true},
      {"Dads change diapers too. Not one table in the men's room.", true},
      {"We waited until 2:30 for a 12:45 appointment.", true},
      {"My rash was called 'just dry skin' twice before anyone looked closely.", true},
      {"No sign language interpreter at my delivery.", true},
      {"Congrats to the billing department for charging us twice 👏", true},
      {"El guardia se burló de mí en la entrada. No tenía por qué humillarme.", true},
      {"Everyone complains about the new phone system but honestly I like it.", false},
      {"The ER was slammed, a crash came in and they went first. Totally fine with that.", false},
      {"My papa always said the only thing worse than a toothache is two toothaches.", false},
      {"The clinic filed everything on time, the insurance keeps saying no.", false},
      {"Is the cafe in the lobby open late on weekends?", false},
      {"Our anatomy scan at the 20 week visit is Friday, so excited.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Your account will be suspended. Confirm your payment details at pay-clinic-now.com").spam);
  CHECK(shipped->Classify("Lost 25 lbs in 3 weeks, the tea doctors don't want you to know about.").spam);
  CHECK_FALSE(shipped->Classify("My account was locked and nobody at the desk could reset it.").spam);
}

}  // namespace
}  // namespace turnaround::classify
