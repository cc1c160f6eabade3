// Round 63: families written after holdout64 was measured (complaints.rules `c63.*`, with new
// patterns in c57.learned_it_from_a_letter (a postcard, an automated text), c41.who_do_i_even
// ("so who do I ask?"), c42.who_is_it_for ("who exactly is it open for?") and
// plain.schedule_system_wrong (a time changed the night before); counter.rules `counter63.*`
// and patterns in counter57.less_than_feared, counter52.defend_staff and counter54.not_on_you;
// spam.rules ("ask me how I know" is an idiom, not a pitch; "I invested $X and received $Y";
// "got hacked, contact @..."); categories.rules (sponsorships while clinics close, "told to stop
// being dramatic", "nadie nos ha llamado", hours each way, a sprain that was a break);
// urgent_broad.rules `ub63.*` and patterns in ub7.threat_knows_hours, ub8.medical_swallowed,
// ub6.self_harm_not_around and ub14.privacy_found), checked with sentences written for this
// test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 63: CPR under way, a car known, a clock-out time, a pill box, a bridge's edge, "
          "papers with social security numbers, a baby not moving, harm at the counter, a chart "
          "opened, an ex coming to take the baby, a teen at the car door",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Please send someone to the lobby, my dad collapsed and my brother is doing CPR right now", "medical_emergency"},
      {"I know which truck that charge nurse drives. Tell her to enjoy the drive home.", "threat_of_violence"},
      {"I know you clock out at 11 and I'll be waiting.", "threat_of_violence"},
      {"My 3 year old got into grandpa's pill box, we don't know what he swallowed", "medical_emergency"},
      {"Sitting on the edge of the Route 9 bridge. Nobody call.", "self_harm"},
      {"Encontramos papeles en la basura de la clínica con nombres y números de seguro social de pacientes.", "privacy_breach"},
      {"I'm 35 weeks and I can't feel the baby moving since this morning, what do I do", "medical_emergency"},
      {"Somebody at that counter is going to get hurt next time.", "threat_of_violence"},
      {"My sister somehow knows my HIV status. I'd like to know who pulled up my chart.", "privacy_breach"},
      {"Her ex is on his way to the NICU to take the baby away from her, she's terrified", "threat_of_violence"},
      {"My son tried to jump out of the car on the highway on the way to the ER", "self_harm"},
  };
  const char* const calm[] = {
      "I'm doing CPR training next week, where do I park?",
      "My mom's new pill box has alarms, the pharmacist set it up for her.",
      "We walked the bridge at sunset after her last chemo, beautiful.",
      "The baby was moving like crazy during the ultrasound, so fun to watch!",
      "The ice out front is terrible, somebody is going to get hurt.",
      "My husband is coming tonight to take the baby pictures for the nursery wall.",
      "You won't see me again at that clinic, the wait was ridiculous.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 63: news from an automated text, a different story, praise then 'was not', "
          "a missed dose, 'just your age', 'here legally', a quoted shrug, 'so who do I call', "
          "'at least', an ad against the wait, others manage it, conflicting instructions; the "
          "counters (a birthday remembered, less than feared, defending staff) and look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The ER nurses are wonderful. The billing office is a different story.", true},
      {"Lovely garden. The pharmacy line is another story.", true},
      {"They told me my mother's fever was nothing. Nobody gave her her antibiotics until the next morning.", true},
      {"I told her my knees were swelling and she said it's just your age, honey.", true},
      {"The clerk asked if I was here legally before she asked my name.", true},
      {"Asked for anything after school. \"That's all we have.\"", true},
      {"Found out from an automated text that my surgeon retired.", true},
      {"Found out via a portal message that my mom's biopsy was positive.", true},
      {"The surgeon was great. The scheduler who hung up on my dad twice was not.", true},
      {"Walk-in hours are 9 to 3 on weekdays. Who exactly is that for?", true},
      {"If you can't fix the elevator, could you at least put a sign on it?", true},
      {"Your radio ad says you care about every minute. My wait was four hours.", true},
      {"Hay goteras en la sala de espera desde el verano.", true},
      {"The tech announced my weight in front of a crowded hallway.", true},
      {"The discharge sheet says one thing and the nurse line says another. Which one are we supposed to believe?", true},
      {"My colonoscopy was moved at the last minute, after two days of prep.", true},
      {"We keep getting letters for the old address even though I updated my address twice.", true},
      {"My dad would have been 70 today. The hospice nurses made his last week peaceful.", false},
      {"Nowhere near as bad as I was afraid of, the biopsy took ten minutes.", false},
      {"Yelling at the nurses on Facebook won't help, they don't set the visiting rules.", false},
      {"Which one do I follow on Instagram for clinic news, the old page or this one?", false},
      {"The nurse waved to me across the room and I waved back.", false},
      {"Cada vez que llueve me duelen las rodillas, ¿qué me recomiendan?", false},
      {"The doctor said it's normal for my age and explained what to watch for.", false},
      {"Nobody gave me a hard time about my meds, thanks 3 West.", false},
      {"At least you can park for free. Can you tell me where the entrance is?", false},
      {"The interpreter asked my dad which country he came from so she could match his dialect.", false},
      {"I asked if there was anything sooner and she found me a Monday slot, thank you!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

TEST_CASE("round 63: 'ask me how I know' is not a pitch; investment returns and account "
          "recovery handles are",
          "[classify]") {
  const auto rules = testing::ShippedRulesWithoutModel();
  for (const char* t : {"Tore my calf on a trampoline at 45. Ask me how I know it was a bad idea.",
                        "Ask me how I know the nurses on 4 West are the best. Three stays, three angels."}) {
    INFO(t);
    CHECK_FALSE(rules->Classify(t).spam);
  }
  for (const char* t : {"I invested $500 and got $6,000 back, she is the real deal",
                        "If your Instagram got hacked message @getbackfast_recovery, they fixed mine in an hour.",
                        "Invest $300 in forex and get $4,000 in a week, ask me how Mr. James did it"}) {
    INFO(t);
    CHECK(rules->Classify(t).spam);
  }
}

TEST_CASE("round 63: categories for a gala while a clinic shrinks and for a call that never came",
          "[classify]") {
  const auto rules = testing::ShippedRulesWithoutModel();
  CHECK(rules->Classify("A champagne gala downtown while the rural clinic is open one day a week.").category ==
        "other");
  CHECK(rules->Classify("Le hicieron la tomografía a mi mamá hace tres semanas y nadie nos ha llamado con el "
                        "resultado.")
            .category == "communication");
}

}  // namespace
}  // namespace turnaround::classify
