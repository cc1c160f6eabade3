// Round 46: families written after holdout47 was measured (urgent_broad.rules `ub46.*`, one more
// ending of `counter40.story_then_now`; complaints.rules `c46.*` and wider `c45.not_just_you`,
// `c45.food_served_cold`; counter.rules `counter46.*`; spam.rules `spam46.inheritance_recovery`),
// checked with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 46: an older person's warning signs, veiled threats, records gone astray", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Grandpa wants me to bring him his old revolver so he can clean it one last time.", "self_harm"},
      {"The aide found my mother stashing her night pills in a tissue box.", "self_harm"},
      {"My dad told the chaplain he'd rather be dead than spend another winter here.", "self_harm"},
      {"Nan asked how many of her heart pills it takes to go to sleep and never wake up.", "self_harm"},
      {"Tell the night girls thank you. I won't be back tomorrow or any day after.", "self_harm"},
      {"Mom made me promise to look after her parrot forever, and she keeps saying she's ready to go be with Dad.", "self_harm"},
      {"Mi papá dice que ya no quiere seguir, y que a los nietos ya no los va a ver.", "self_harm"},
      {"Whoever stole my mother's ring won't be using those hands for much after I find her.", "threat_of_violence"},
      {"Next bill like this and I'm coming down there, and you can explain it to the police after.", "threat_of_violence"},
      {"Some man in the parking lot keeps shouting he'll burn this place down.", "threat_of_violence"},
      {"A resident's son told me he knows what time my shift ends.", "threat_of_violence"},
      {"The welcome packet had another resident's medication list and her son's phone number.", "privacy_breach"},
      {"Picked up an old tablet at a thrift store and it still opens to a list of residents and their diagnoses.", "privacy_breach"},
      {"Heard two of your nurses at the bar talking about my uncle by name.", "privacy_breach"},
      {"My son-in-law is an attorney. Your next letter will be answered on his letterhead.", "legal_threat"},
  };
  const char* const calm[] = {
      "Dad asked me to bring his fishing rod in so he can show the aides one last time before we sell it.",
      "He keeps his pills in a weekly organizer the nurse set up, works great.",
      "Ready to be with my family for Christmas, thanks for the discharge!",
      "Ya no nos va a ver la fisioterapeuta de los lunes, la cambiaron de turno.",
      "The fireworks should light the whole sky up over the river tonight.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "Last winter Mom had a stroke at lunch, her face drooping and she couldn't talk, and your nurse caught it in minutes. She's home now and back to her garden club.",
  };
  const testing::UrgentCase live[] = {
      {"Mom had a stroke at lunch and the nurse hasn't come. Her face is drooping right now.", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 46: complaints in long-term care and posts that only look like them", "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"This page hearts every compliment and has never once answered a question.", true},
      {"No memory care beds in the county, so my aunt has to move to Erie?", true},
      {"They moved his care conference and held it without us. Why invite families at all?", true},
      {"Dad has lost four sweaters and his good watch since spring.", true},
      {"Her laundry comes back with someone else's socks in it.", true},
      {"Mom's door sign lists her diagnosis where everybody walking by can read it.", true},
      {"The night aide talks about my father like he isn't in the room.", true},
      {"He was a judge for thirty years, not 'buddy'. Learn his name.", true},
      {"The nurse sighs at every question I ask.", true},
      {"Her podiatry visit was the 8th. On the 8th they said the 15th.", true},
      {"Four aides, four different stories.", true},
      {"They told us the van doesn't come to our neighborhood anymore.", true},
      {"The radiator in 118 bangs all night.", true},
      {"The whole wing smells of urine.", true},
      {"The day room piano has been out of order since Easter.", true},
      {"Fix the call light in 204.", true},
      {"He's diabetic. I remind them every visit.", true},
      {"I'd appreciate a corrected copy of the November statement.", true},
      {"Our mail arrives already opened.", true},
      {"Sponsoring a slot tournament for seniors. Great look.", true},
      {"No Vietnamese-speaking aides on weekends. My grandmother can't ask for water.", true},
      {"Le contaron a mi jefe lo de la cirugía de mi mamá.", true},
      {"@Rita that's exactly what happened to us in March.", true},
      {"Soup came lukewarm again.", true},
      {"The pain has been awful all week and nothing helps. Just needed to say it somewhere.", false},
      {"First Christmas without Dad. The empty chair is the worst part.", false},
      {"Honestly don't know how they don't get worn down. Never saw one of the aides without a smile.", false},
      {"@Sue respectfully, I've never seen anything like what you're describing. Did you call the director?", false},
      {"Mom went from wheelchair to walker after six long weeks of rehab.", false},
      {"I was wrong to worry. She's thriving.", false},
      {"The state cut the rates again and the aides are underpaid. Not the home's fault, though.", false},
      {"Lost my mother's rosary somewhere between the chapel and the lot. I'm heartbroken, please message me.", false},
      {"Heads up families: the Maple St bridge is closed and the detour adds twenty minutes.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("I am Barrister Okafor. You are next of kin to an unclaimed fund of $3 million. Send your bank details.").spam);
  CHECK(shipped->Classify("Scammed? Recovery Experts got my money back in 48 hours. DM them on Instagram.").spam);
}

}  // namespace
}  // namespace turnaround::classify
