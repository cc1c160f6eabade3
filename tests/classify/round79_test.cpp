// Round 79: families written after holdout80 was measured (complaints.rules `c79.*`, with new
// patterns in older homes: c70.is_a_choice ("Interesting priorities."), c62.who_designed_that
// ("whose idea was this?", "who decided that was fine?"), c70.no_tests_run ("without a single
// ultrasound"), plain24.eligibility_restriction (home health "won't drive up our dirt road"),
// c78.knew_before_i_told ("my kids didn't know yet"), c49.dismissed_blamed ("said I was being
// 'dramatic'"), c45.what_is_it_for ("connected to anything real?"), c66.rule_as_barrier (a longer
// rule before "meant"), ub9.self_harm_farewell_acts (a new home for the dog and the bills paid
// off), ub58.whole_group_knew (Spanish: a call to the boss, "ahora todo el equipo lo sabe"),
// ub14.privacy_found (a printout with someone's name and results), counter39.awareness_event ("at
// St. Paul's hall"), counter35.wait_understood ("the ER isn't first come, first served", "I'd have
// waited ten more for that kid"), spam48.job_scams (a recruiter on WhatsApp asking for an SSN) and
// spam54.claim_and_release (a "Flex Card gives you $2,900 ... call now"); and one narrowing:
// counter51.medical_past_ended_well no longer calls off a live emergency told after "Last spring
// he was fine."), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 79; the
// false ones guard the look-alikes. Forms whose short sentences older rules already flagged ("Nice
// touch ...", a "mass" in the portal with no call, "Interesting priorities.", a printout found with
// someone's results) are checked by their rules' own examples (rule_set_test).
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 79: a new home for the dog with the bills paid off, a Spanish call to the boss",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Found a new home for my dog and paid off my bills. Thank you all for everything.", "self_harm"},
      {"Alguien de la clínica llamó a mi jefe para confirmar mi diagnóstico. Ahora todo el equipo lo sabe.",
       "privacy_breach"},
  };
  const char* const calm[] = {
      "Found a good home for my dog before the move to Denver, thank you vet clinic!",
      "Llamé a mi jefe para avisar que tengo cita, y todo el equipo me mandó flores.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 79: a suicide prevention training at St. Paul's hall is called off; a plan tonight "
          "and a stroke after 'last spring he was fine' are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Suicide prevention training at St. Paul's hall Thursday at 7pm, everyone welcome.",
  };
  const testing::UrgentCase live[] = {
      {"I have the pills counted out and I'm going to take them all tonight.", "self_harm"},
      {"Last spring he was fine. Tonight his face is drooping and he can't lift his arm.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 79: not 'sweetie', invite whoever wrote it, fewer X more Y, a gut punch, items "
          "crossed out, cmon, whose idea, didn't know yet, being 'dramatic', a rule that meant, "
          "without a single scan, home health won't drive up, hooked up to anything; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"My grandfather is 91 and flew bombers. He is not \"sweetie.\"", true},
      {"I'd invite whoever wrote \"walk right in\" to try walking right in on a Monday.", true},
      {"Less marketing, more nurses on the night shift please.", true},
      {"Finding out from a form letter that our doctor retired was a gut punch.", true},
      {"Clinic restroom 🧻❌ 🧼❌", true},
      {"the portal still lets you book sundays and the clinic is closed sundays. cmon", true},
      {"The family lounge is now a storage room. Whose bright idea was that?", true},
      {"Got a postcard from your cancer center at the house. My husband didn't know yet.", true},
      {"The night doc said she was being \"dramatic\" about her ankle.", true},
      {"The new rule that kids under 14 can't visit the NICU meant my son couldn't hold his sister.", true},
      {"They watched the lump for a year without a single scan.", true},
      {"Home health refuses to drive up our gravel road in the spring.", true},
      {"Is the wait clock on the website hooked up to anything at all?", true},
      {"@Dan the ER isn't first come, first served. They see the sickest first.", false},
      {"Hiring remote coordinators, no experience needed. Message our recruiter on WhatsApp with your date of "
       "birth and SSN.",
       false},
      {"Your new Flex Card gives you $2,900 for groceries. Call now before your benefits expire!", false},
      {"My granddaughter is my sweetie and the nurses adored her.", false},
      {"Nice touch, the handwritten card from the nurses made my mom cry happy tears.", false},
      {"Flu shot ✅ Covid booster ✅ Anxiety ❌", false},
      {"C'mon in, the flu clinic is open till 7!", false},
      {"We'd love to invite the person who designed the healing garden to our book club!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
