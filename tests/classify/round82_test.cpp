// Round 82: families written after holdout83 was measured (complaints.rules `c82.*`, counter.rules
// `counter82.*`, urgent_broad.rules `ub82.through_the_ice`, with new patterns in older homes:
// ub6.self_harm_not_around (told to wait for a call after a psych word, "don't think I'll be around
// for the call."), ub12.threat_escalation ("coming down there and dragging somebody over that
// counter"), ub58.names_and_addresses (a home address put in the comments), ub33.infant_fever
// (Spanish "tiene 103 de fiebre"), ub35.fever_rigors_confusion (shivering), ub58.before_i_go
// ("Wanted to say it before I go."; "you did everything right, it was me"), counter41.story_then_back
// ("Last Sunday he walked ..."), spam56.verify_or_be_cancelled ("claim yours ... with your card
// details"), counter80.under_estimate ("exactly what the estimate said"), counter81.moved_it_ready
// ("... pharmacy. Ready in 20 minutes."), counter81.love_to_trash ("pile on"),
// counter45.lost_and_found ("LOST: ..."), c59.patronized, c51.on_the_phone, c59.fine_meanwhile,
// c45.would_have_been_nice, c77.listing_out_of_date, c66.reminder_after_cancel,
// plain.schedule_system_wrong, gen.promised_time_passed, plain.deadpan_tail and
// plain.wrong_diagnosis; and one narrowed: ub50.night_after_eye_surgery no longer reads "rolled her
// eyes" as an eye operation), checked with sentences written for this test, not taken from any data
// set. The true cases failed before round 82; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 82: won't be around for the callback, dragging someone over the desk, a home address "
          "in the comments, a Spanish infant fever, a last thank-you, through the ice and confused",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Crisis line said no psych beds and to wait for a callback. Honestly I don't think I'll be around "
       "for the callback.",
       "self_harm"},
      {"Call my mom about that bill one more time and I'm coming over there and dragging someone out from "
       "behind the desk.",
       "threat_of_violence"},
      {"A guy in the neighborhood group posted the pharmacist's home address in the replies and says "
       "she'll pay.",
       "threat_of_violence"},
      {"Mi bebé de 5 semanas tiene 101 de fiebre y casi no come.", "medical_emergency"},
      {"The nurses on 3 South were kind to me all year. Wanted to say thanks before I go.", "self_harm"},
      {"My brother fell through the ice fishing, we got him out but he's shivering and confused.",
       "medical_emergency"},
  };
  const char* const calm[] = {
      "The therapy office said to wait for a callback about my intake. I'm not sure I'll be around for the "
      "callback at work, can they text me instead?",
      "I'm coming over there to pull the car up for Dad at 3, which door do I use?",
      "Can someone put the new clinic's address in the comments?",
      "Mi bebé de 5 meses ya no tiene fiebre, gracias.",
      "Wanted to say thank you before I go on maternity leave!",
      "Ice fishing derby this Saturday, the hospital booth has hot cocoa.",
      "The nurse rolled her eyes at me when I said my son had been vomiting since Tuesday and we'd "
      "already tried the pedialyte.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 82: a past heart attack told to its happy ending is called off; chest pain now is "
          "not",
          "[classify][urgent]") {
  const char* const over[] = {
      "In June my wife had chest pain while we were baling hay and the cath lab had her fixed in an hour. "
      "Yesterday she hiked the whole ridge trail with me.",
  };
  const testing::UrgentCase live[] = {
      {"My wife has chest pain right now and her left arm is numb, which ER is closest?",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 82: arrived at dusk left at dawn, people like you, ask me privately, the pandemic is "
          "over, 10/10 recommend if you like, or do we keep, asked if I was drug seeking, that rule needs "
          "another look, no soy delincuente, found out from a flyer, no dialysis anymore, asking for the "
          "third time, here since 7 it's 1 now, none not one, what's next, guess the kids wait, come "
          "watch it some night, 1 out of 5; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Walked in at dinnertime. Got out at first light.", true},
      {"The nurse told my husband that people like him are the reason the ER is full.", true},
      {"The aide asked about my HIV meds in front of my roommate. Ask me that privately next time.", true},
      {"Half the lobby chairs have been roped off since 2020. The pandemic is over, y'all.", true},
      {"5 stars, would recommend if you want your broken toe called a bruise.", true},
      {"Is the broken ice machine ever getting replaced or do we just keep bringing our own?", true},
      {"The triage nurse asked if I was drug seeking. I had a kidney stone.", true},
      {"Dads can't stay overnight on the postpartum floor anymore. That policy needs another look.", true},
      {"En la entrada solo me revisaron a mí. No soy delincuente.", true},
      {"Our family doctor left and we found out from the newsletter.", true},
      {"No pediatrician in our town anymore. Ninety minutes each way with a sick kid.", true},
      {"When will the parking lot lights get fixed? Asking for the third time.", true},
      {"Sitting in the lab since 7 this morning for a walk-in draw and it's 1 now.", true},
      {"Asked for a blanket for my dad in the ER. None. Not one.", true},
      {"Valet parking only at the main entrance now? What's next, a fee for the elevator?", true},
      {"One speech therapist for three counties. Guess the kids wait.", true},
      {"Whoever designed the new drop-off loop should come sit in it at 5pm some weekday.", true},
      {"Nice nurses, cold food, a bed that wouldn't go down. 1 out of 5.", true},
      {"The nurse called my grandma sweetie the whole visit. She raised nine kids and ran a farm.", true},
      {"Our dentist retired and nobody told us. A phone call would have been nice.", true},
      {"Website still shows Saturday walk-ins at the north clinic. Drove there for nothing.", true},
      {"Got a reminder text for my appointment. Which was yesterday.", true},
      {"Portal says they reply within 2 business days. It's been 12.", true},
      {"Urgent care said it was heartburn and sent him home. Next day it was a heart attack.", true},
      {"The ultrasound tech spent ten of our twenty minutes on her phone.", true},
      {"Final bill was $180, exactly what the estimate said.", false},
      {"The drugstore lost my refill twice, so I switched it to your pharmacy. Ready in 15 minutes.", false},
      {"People love to pile on the ER here, but they saved my son.", false},
      {"LOST: a red mitten with a snowman, maybe by the lab Tuesday.", false},
      {"Not one nurse on 4 East made my mom feel like a burden.", false},
      {"Dr. Ruiz is the first doctor in 8 years who actually listened about my back.", false},
      {"Got there at noon and we were home by one, easy.", false},
      {"The nurse asked me privately if I felt safe at home, which I appreciated.", false},
      {"Glad the pandemic is over and the volunteers are back at the desk.", false},
      {"10/10 recommend Dr. Pike, she's the best.", false},
      {"Do you have a family lounge, or should I keep the kids in the car?", false},
      {"The social worker asked if we had a place to stay and found us a room.", false},
      {"The new policy lets kids visit the cancer floor, thank you.", false},
      {"Revisaron todas las bolsas en la entrada, a todos por igual.", false},
      {"Read in the newsletter that the clinic has a new diabetes class. Great idea.", false},
      {"No more pain in my knee anymore, thanks to the ortho team!", false},
      {"Been up since 6 this morning, it's noon now and the baby is finally asleep.", false},
      {"None of the nurses were anything but kind.", false},
      {"Finished chemo today! What's next is a long nap.", false},
      {"I guess I'll wait until the roads are plowed to come in.", false},
      {"Come see us at the health fair some time, free blood pressure checks!", false},
      {"My pain score went from 8 to 2 out of 10 this week.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
