// Round 59: families written after holdout60 was measured (complaints.rules `c59.*`, with new
// patterns in c47.that_was_day and plain.deadpan_tail; counter.rules `counter59.*`, with new
// patterns in praise7.negated_bad, counter54.not_on_you and counter56.was_right;
// urgent_counter.rules counter27.medical_resolved; urgent_broad.rules `ub59.*`, a pattern in
// ub8.self_harm_future and a Spanish pattern in the threat rule beside "va a golpear"), checked
// with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 59: seeing a late wife soon, not around by a date, done staying alive, a chart "
          "seen by someone else, medicine handed to a stranger, legs that cannot move, a Spanish "
          "threat of harm",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My husband passed in May. Gave my fishing gear to my grandson today. I'll be with him soon.", "self_harm"},
      {"Surgery got pushed to August. Honestly not sure I'll still be around in August.", "self_harm"},
      {"I'm tired of trying to stay alive for a callback that never comes.", "self_harm"},
      {"The clinic mailed my sister's test results to my ex. Who else has seen her chart?", "privacy_breach"},
      {"La farmacia le entregaron los medicamentos de mi mamá a otro señor.", "privacy_breach"},
      {"Mi tío se cayó del tractor y no puede mover las piernas, ¿qué hacemos?", "medical_emergency"},
      {"Mi ex dijo que va a esperarme en el estacionamiento de la clínica y que me va a hacer daño.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "I'll be seeing her soon at her dance recital, so proud of my granddaughter.",
      "Not sure I'll be here for the holiday party, I work nights that week.",
      "Who else has a good family doctor to recommend near the east side?",
      "Had chest pain Monday and was sure it was my heart. Turns out it was just reflux. Thank you ER team.",
      "Mi papá ya puede mover las piernas después de la terapia, gracias.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 59: a page that answers praise, lovely things beside a failure, supplies and "
          "wheelchairs, 'a choice', a curtain for a wall, a list that never calls, a verdict "
          "without a test, pet names, a little kindness, missed doses, a month gap; an employer, "
          "someone else sued, a student's questions, a cake, a relapse, a symptom's clock, a "
          "friend not answering, bad news, a flood, a distance, a quick line, a wait excused",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Interesting how this page only answers the five-star reviews.", true},
      {"The holiday lights on the tower look amazing I'm sure. Meanwhile the garage stairwell is pitch dark.", true},
      {"Second week in a row they can't keep toilet paper in the family restroom.", true},
      {"Half the wheelchairs at the ER door had no footrests.", true},
      {"Charging patients to park at a cancer center is certainly a choice.", true},
      {"A raffle for people who leave good reviews? Telling on yourselves a bit.", true},
      {"Through the curtain I heard the woman next to me's whole medical history.", true},
      {"Been on the cancellation list two months. Never once got a call.", true},
      {"The urgent care told my son it was a sprain without ever ordering an x-ray. It was broken.", true},
      {"Sent home with 'just anxiety'. Turned out to be a blood clot in her lung.", true},
      {"The nurse called my 76 year old dad 'buddy' all afternoon.", true},
      {"Didn't need the tech lecturing me about my smoking while drawing blood.", true},
      {"The specialist spoke only to my daughter as if I wasn't even in the room.", true},
      {"A little communication would have gone a long way when they moved her floor.", true},
      {"The floor nurses missed two doses of her insulin overnight.", true},
      {"So my mother just gets no home visits because of a gravel road?", true},
      {"Asked for help with his panic attacks and was told they don't do anxiety. That's literally why we called.", true},
      {"First opening in dermatology: November. It's April.", true},
      {"They said the surgeon would call Monday. It's Thursday now.", true},
      {"Solo dan citas entre semana en la mañana y yo trabajo en la planta.", true},
      {"please somebody call us back, my dad's prescription ran out Sunday", true},
      {"Checked in at 6pm. Finally seen at 11:40pm.", true},
      {"The vending machines in the ER have been empty for a week. Bring snacks I guess.", true},
      {"My manager won't let me leave early for my daughter's allergy appointments. Any Saturday hours?", false},
      {"My lawyer is suing the trucking company. How do we request copies of the records from his ER stay?", false},
      {"Could someone in the lab answer a couple of quick questions for my college paper?", false},
      {"The nurses brought my grandma a birthday cake on her 95th.", false},
      {"I relapsed last month. Back at group tonight, day one again.", false},
      {"Her speech got slurred, started about 10 minutes ago, which ER is closest?", false},
      {"Everyone complains about the phone tree but I've never had a problem with it.", false},
      {"My best friend won't answer her phone after a scary text, who do I call?", false},
      {"The CT showed it's back, in his lungs this time. Praying hard.", false},
      {"The creek flooded our road again, thank God nobody got hurt.", false},
      {"We're 5 hours away, is there a family house near the children's hospital?", false},
      {"The flu shot line took like 3 minutes. Didn't even finish my coffee.", false},
      {"We waited a while but a car accident victim came in, glad they got taken care of first.", false},
      {"Just want security to know there's a man in the garage yelling at cars.", false},
      {"My cousin just moved up from Guatemala, how does he find a clinic?", false},
      {"The state still hasn't fixed the bridge on Route 9, so it's a long detour to any clinic.", false},
      {"Biopsy Thursday. The waiting is the hardest part.", false},
      {"Never had a bad experience at the Northside walk-in. Not once in 10 years.", false},
      {"Not the clinic's fault at all, the insurance just won't cover it. I'm just venting.", false},
      {"Didn't want the stitches, but the doc was right and it healed great.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
