// Rounds 34 to 37. Round 34: urgent families (urgent_broad.rules `ub34.*`) and counters (urgent_counter.rules
// `counter34.*`) written after holdout33 was measured, checked with sentences written for this
// test, not taken from any data set. Each urgent post must be flagged by the written rules alone
// (the models could hide a broken rule); each calm one, which shares the families' words, must
// stay calm with everything shipped; each post told as over must be flagged and then called off.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("urgent round 34: means at hand, a relayed farewell, joining the dead", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Got a brand new bottle of my dad's oxy in my pocket and honestly there's nothing left for me now.", "self_harm"},
      {"Tengo todas mis pastillas juntas aquí en la cama. No sé para qué les escribo esto.", "self_harm"},
      {"My wife passed in your ICU in March. I'm ready to be with her again, tell the nurses thanks.", "self_harm"},
      {"Quiero irme con mi esposo, ya no aguanto. Ya les dejé las llaves de la casa a mis hijos.", "self_harm"},
      {"My sister just messaged me 'I love you all' and her Life360 shows the top of the parking garage downtown.", "self_harm"},
      {"My daughter gave away her cat and her sketchbooks this week and keeps saying she won't need them anymore.", "self_harm"},
  };
  const char* const calm[] = {
      "Bought a full bottle of vitamins at the gift shop, the staff are so nice.",
      "There's nothing else for me to do before surgery but wait, right? Just checking.",
      "I don't know why I'm writing this here, but your cafeteria's soup saved my week.",
      "Me voy con mi mamá a la cita del jueves, a qué hora abren?",
      "My grandson texted me 'I love you all' from camp, made my day.",
      "I gave away my old crutches to a neighbour, PT says I won't need them anymore!",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("urgent round 34: a head injury after a crash, warning signs after a birth", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My dad crashed his motorcycle in the driveway an hour ago and now he's slurring and keeps asking the same question over and over", "medical_emergency"},
      {"Se cayó de la escalera y se pegó en la cabeza, ahora está vomitando y se está quedando dormido", "medical_emergency"},
      {"My brother got knocked out at the rodeo and he keeps dozing off and doesn't know where he is.", "medical_emergency"},
      {"Had my baby four days ago. My vision went blurry this afternoon and I have a pounding headache that won't go away.", "medical_emergency"},
  };
  const char* const calm[] = {
      "Crashed on the couch after my shift and my kids say I kept dozing off during the movie lol",
      "After my c-section the nurses were amazing, I'm seeing my baby smile for the first time.",
      "My headache finally went away after the fluids, thank you ER.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("urgent round 34: patients' data left in public, leaks only the clinic could make, veiled threats",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"There's a printout with patients' names and birthdays taped to the outside of the pharmacy door.", "privacy_breach"},
      {"A computer at the registration desk was left logged in with someone's chart showing, no staff around for half an hour.", "privacy_breach"},
      {"The only ones who knew about my HIV status were your clinic. Now my landlord is asking questions.", "privacy_breach"},
      {"Nobody in my family consented to this, and they posted my son's photo on the NICU graduation wall.", "privacy_breach"},
      {"I know which booth you sit in at the parking garage. See you after your shift.", "threat_of_violence"},
      {"I'm coming back tomorrow with more than words for that doctor.", "threat_of_violence"},
      // "lawyer Friday" was read as "lawyer friend" (urgent.rules) until round 34.
      {"We see a lawyer Friday about my mother's missing records.", "legal_threat"},
  };
  const char* const calm[] = {
      "The list of flu clinic hours is taped to the lobby door.",
      "The doctor pulled my chart up on the screen and walked me through every number.",
      "The only people who knew about the surprise party were the nurses, and they kept it perfectly!",
      "Do you know which window I pay parking at?",
      "I'll come by with more than cookies next time, the night shift deserves pizza.",
      "They posted my son's photo on the NICU graduation wall with our permission, we love it!",
      "My lawyer friend says your billing office was the easiest she has dealt with.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("urgent round 34: counters call off emergencies told as over, live ones stay urgent",
          "[classify][urgent]") {
  const char* const over[] = {
      "Passed out at the county fair last week from the heat. Fluids in the first aid tent, all good now.",
      "Two years ago my brother collapsed at practice, and that's how we found out about his heart.",
      "They sent my dad home saying it was heartburn. He was diagnosed somewhere else after months of choking on his food.",
  };
  // Live emergencies that share words with those counters.
  const testing::UrgentCase live[] = {
      {"My mom collapsed in the kitchen and is not breathing, is everything ok now that the ambulance is called?", "medical_emergency"},
      {"He collapsed at practice and is still not breathing right, please someone call back", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 35: the two false alarms left in rules/README.md (round 33): care given up because the
// writer is moving, and an infant's shots told with "no fever"; and Heaven as the writer's next
// address beside care given up, which no rule read.
TEST_CASE("urgent round 35: moving away and a fever-free vaccine day are called off, Heaven is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Cancel my follow up, I won't be needing it, we're moving back to Texas next week",
      "Please cancel my visits, I won't be needing them, we're moving out of state",
      "My 2 month old had her shots today and no fever at all",
      "Baby got his 4 month vaccines yesterday, fussy but fever-free, thank you Dr. Lee",
  };
  const testing::UrgentCase live[] = {
      {"Cancel everything, I won't be needing it, I'm moving on to a better place", "self_harm"},
      {"I'm moving to Heaven soon, I won't need my appointment", "self_harm"},
      {"I'll be in heaven soon, cancel my chemo, thank the nurses", "self_harm"},
      {"My 2 month old had her shots today and now she has a fever of 101 and won't wake up", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 35: a fresh pass of our own urgent sentences (ub35.*); these ten were unread by the
// written rules before it. The calm ones share their words.
TEST_CASE("urgent round 35: a fresh pass of our own urgent sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"the whole family has headaches and the dog is throwing up, the furnace has been running all night", "medical_emergency"},
      {"my daughter ate something with peanuts at the school fair and her voice sounds hoarse and her lips are getting big", "medical_emergency"},
      {"he's burning up, shaking, confused and his knee where they operated is bright red and hot", "medical_emergency"},
      {"Our toddler got into grandma's purse, there were heart pills in there and now he's really sleepy", "medical_emergency"},
      {"I'm parked outside the ER with a full tank of gas and a lighter, tell Dr. Ames to come out", "threat_of_violence"},
      {"The next time that nurse disrespects my mother there will be consequences she won't walk away from", "threat_of_violence"},
      {"Your receptionist left a voicemail about my HIV results on my parents' home phone", "privacy_breach"},
      {"Been stockpiling my insulin for months. Nobody will miss me.", "self_harm"},
      {"I'm at the top of the parking ramp at your hospital and I just want it to stop", "self_harm"},
      {"Mi hija de 15 se encerró en el baño con las navajas de su papá y no abre", "self_harm"},
  };
  const char* const calm[] = {
      "My dad had a stroke last year and the rehab team got his left arm working again, forever grateful",
      "The furnace guy said our CO detector saved us last winter, please remind everyone to test theirs",
      "Her peanut allergy was scary at first but the allergist's plan has been great",
      "I've written thank-you letters to every nurse on 5 North, how do I drop them off?",
      "Our family retained a lawyer for my grandma's will, does the hospital notarize documents?",
      "Scorpion sting last summer, the urgent care was quick and she was fine by dinner.",
      "The jaundice clinic told us to come back if he's sleepy and not eating, thank you for the handout.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 36: families written after holdout34 was measured (ub36.*), checked with sentences of our
// own: a lethal dose asked as a hypothetical, waiting by a worker's car, a visit promised "and see
// who's laughing", a reported threat in Spanish, pesticide poisoning, another patient's records in
// one's portal, farewell euphemisms. The calm ones share their words.
TEST_CASE("urgent round 36: hypothetical doses, a worker's car, pesticide signs, another patient's portal",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"hypothetically if somebody swallowed a whole bottle of tylenol would they feel anything or just sleep", "self_harm"},
      {"what happens if you take all your mom's blood pressure pills at once, would it be quick", "self_harm"},
      {"I'll be waiting next to that receptionist's blue Camry after closing, she knows why", "threat_of_violence"},
      {"The guy in the lobby said he'd pay the billing office a visit tomorrow and we'll see who's laughing then", "threat_of_violence"},
      {"Un señor dijo en la sala que va a esperar a la enfermera afuera y que trae con qué", "threat_of_violence"},
      {"The crop duster went over the field and now my uncle is drooling, his muscles are twitching and he's not answering right", "medical_emergency"},
      {"My MyChart is showing me another patient's lab results and visit notes, her name and birthday are on them", "privacy_breach"},
      {"Half the guys from my platoon checked out early. I won't have another chance to say it, so thank you to the VA clinic nurses.", "self_harm"},
  };
  const char* const calm[] = {
      "If someone took their meds with grapefruit juice would it be dangerous? Asking for my grandma's new prescription",
      "I'll be waiting by the car for my mom after her infusion, is there a pickup lane?",
      "The therapy dogs will pay the 4th floor a visit on Friday, the kids are so excited!",
      "When does the county spray for mosquitoes this year? The pesticides make my asthma act up",
      "The portal shows someone's name on my message thread, I think it's just the nurse who replied?",
      "My dog is going to my sister's for the week while I'm in for my knee replacement",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 37: "wanted" left the fitted urgent lexicon and "hijos" now shares a rule with "mis", so
// neither opens the urgent model's gate alone. Before, both of these (our own) were flagged as
// self-harm with everything shipped; the same sentence with a plain farewell stays urgent.
TEST_CASE("urgent round 37: a parent's thanks about her children is not self-harm", "[classify][urgent]") {
  const char* const calm[] = {
      "Mis hijos adoran a la doctora de la clínica, gracias por todo.",
      "Gracias por las vacunas gratis, mis hijos ya están listos para la escuela.",
      "I just wanted someone to know how kind the night nurses were to my dad.",
  };
  const testing::UrgentCase urgent[] = {
      {"Ya les dejé una carta a mis hijos, no quiero seguir viviendo.", "self_harm"},
  };
  testing::ExpectUrgentAndCalm(urgent, calm);
}

// Round 37: twins merged. Stockpiling medicines is urgent alone only with a verb that says so
// ("collecting my meds" is picking them up); every "pay X a visit" is evidence, no longer urgent
// alone; knowing which desk a worker sits at is the same rule as knowing which bus she catches.
TEST_CASE("urgent round 37: picking up meds and a kind visit are calm, the threats stay", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"I've been stockpiling my sleeping pills since the funeral.", "self_harm"},
      {"That guard better watch out, we'll pay him a visit after his shift.", "threat_of_violence"},
      {"I know which window you sit at in billing and which door you leave by.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "Collecting my meds from the pharmacy at 3, is the drive-thru open?",
      "I saved my meds list on my phone for the ER, thank you for the tip!",
      "We'll pay the nurses a visit with cookies next week, they were angels.",
      "My grandson wants to pay him a visit to say thank you for saving my hip.",
  };
  testing::ExpectUrgentAndCalm(urgent, calm);
}

// Round 37: families from a fresh pass of our own urgent sentences (ub37.*), checked with other
// sentences of our own: someone up on a structure after a farewell posted, a threat to "every
// last one of you", waiting for a worker "whether she wants to or not", a worker's "last shift"
// beside an unwatched lot, a Spanish threat with a weapon at hand, staff joking about a patient
// in a public place by her full name.
TEST_CASE("urgent round 37: a fresh pass of our own urgent sentences", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My roommate keeps saying nobody will miss her. She has a bottle of her grandma's sleeping pills in her room.", "self_harm"},
      {"my bf wrote on his story that tonight is his last night and he's on the top floor of the hospital parking deck", "self_harm"},
      {"I swear if my mom doesn't make it I will beat every last one of you", "threat_of_violence"},
      {"Some guy has been waiting for the front desk lady to clock out all week. Said she'll hear him out whether she wants to or not.", "threat_of_violence"},
      {"Hope your charge nurse enjoys her last shift. Funny how the staff lot has no cameras at night.", "threat_of_violence"},
      {"Mi tío dice que ya trae la pistola en la camioneta, que se cuiden en urgencias", "threat_of_violence"},
      {"Your two nurses were joking about my sister's HIV test in the lobby, saying her full name in front of everyone", "privacy_breach"},
  };
  const char* const calm[] = {
      "Is the top floor of the parking deck open on Sundays?",
      "My daughter takes her inhaler whether she likes it or not, doctor's orders!",
      "Hope our nurse Jen enjoys her retirement, we'll miss her so much",
      "Tengo una pistola de agua para la fiesta de los niños en el hospital, a qué hora empieza?",
      "The nurses were talking about my son's progress with us in the hallway, so sweet",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 37 counters (counter37.*): a relative whose job is the law, named to praise the provider;
// a farewell to a unit because treatment is finished; an emergency told with how long ago it was
// and that the person is still here. Live ones with the same words stay urgent.
TEST_CASE("urgent round 37: praise from a lawyer relative, finished treatment, an emergency years ago",
          "[classify][urgent]") {
  const char* const over[] = {
      "My son is an attorney and he says your NICU team is the best in the state, thank you!",
      "Mi hijo es abogado y dice que las enfermeras de aquí son las mejores, gracias",
      "Saying goodbye to everyone on the oncology floor, I rang the bell today and I won't be back!",
      "Hace cuatro años a mi esposo le dio un infarto aquí y gracias a ustedes sigue con nosotros",
  };
  const testing::UrgentCase live[] = {
      {"My husband is an attorney and even he says this is the worst billing he has ever seen, expect a letter", "legal_threat"},
      {"I'm done with chemo and done with everything, tell my kids I'm sorry", "self_harm"},
      {"My dad had a heart attack three years ago and now he has chest pain again and can't breathe", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 37, from holdout35 once measured: a veiled threat told as advice to someone whose name
// or plate the writer found out; a diagnosis said out loud in front of others, in Spanish; and
// counters for a symptom in a hypothetical, grief told with how long ago the loss was, a limp as
// a way of walking, an emergency last year with "hoy está sano". Our own sentences.
TEST_CASE("urgent round 37: holdout35's misses and false alarms, as kinds of post", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Whoever keyed my car in your lot: I figured out your plate. I'd watch your back if I were you.", "threat_of_violence"},
      {"El doctor comentó delante de todos en la sala de espera que mi hija tiene una infección, qué vergüenza", "privacy_breach"},
  };
  const char* const calm[] = {
      "The video interpreter kept cutting out during my mom's visit, please fix it",
      "I'd call the nurse line first if I were you, they're great",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "If my dad ever ends up with chest pain again we know where to go, thank you ER team!",
      "It's been two years since we lost our daughter and I still can't breathe when I drive past the NICU",
      "The PT noticed my daughter's limp right away, so grateful",
      "El año pasado mi papá tuvo un infarto en el trabajo. Hoy está sano y ya volvió a trabajar, gracias",
  };
  const testing::UrgentCase live[] = {
      {"I came in with chest pain two hours ago and nobody has seen me", "medical_emergency"},
      {"We lost our son's inhaler and now he can't breathe, please help", "medical_emergency"},
      {"My son is limp and not responding, we're on the way in", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 38, from a fresh pass of our own sentences and from holdout36 and holdout39 once measured
// (ub38.*): a farewell told about someone else with the door kept shut; a question about the
// entrance's screening from someone with a grudge and a "present" that is not one; a relayed
// plan to bring "enough to make a point"; a worker telling friends about a patient's health;
// papers meant for someone else with a stranger's SSN; a Spanish screen left on with a record; a
// complaint filed with the civil rights office; the means gone missing; belongings sorted with
// names and the dark thoughts louder; a Spanish fever of 104 with someone who cannot get up.
TEST_CASE("urgent round 38: kinds of post from a fresh pass and two holdouts", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"My sister texted our mom that she's sorry and loves everyone, and now she won't open her bedroom door", "self_harm"},
      {"Are there metal detectors at the ER entrance? The man who hurt my daughter works there and I have a little present for him that isn't flowers.", "threat_of_violence"},
      {"Someone in our town group says he'll pay a visit to the cancer center Friday with enough to make a point", "threat_of_violence"},
      {"One of your nurses was at the brewery telling her friends about my cousin's abortion, using her name", "privacy_breach"},
      {"This letter was meant for someone else, and it has his social security number on it", "privacy_breach"},
      {"Dejaron la pantalla encendida en el mostrador con el historial de una paciente y todos podían leerlo", "privacy_breach"},
      {"I'm filing with the Office for Civil Rights this week.", "legal_threat"},
      {"my brother is locked in his room and the belt from his closet is missing", "self_harm"},
      {"Packed all my stuff into bags with my friends' names on them. The new pills make the dark thoughts louder.", "self_harm"},
      {"Mi mamá tiene fiebre de 104 y no se puede levantar", "medical_emergency"},
  };
  const char* const calm[] = {
      "I gave my old crib to my neighbor, she's due in May!",
      "My niece posted on her story that she's starting nursing school at your hospital!",
      "Is there a metal detector at the main entrance? I have a pacemaker and wasn't sure.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 38 counters (counter38.*): an emergency placed in the past with how well it ended, one
// that turned out harmless, "she survived," told as over, hyperbole about "one more" of
// something, an awareness walk held in someone's honour. Live ones with the same words stay.
TEST_CASE("urgent round 38: emergencies told as over, hyperbole and memorial walks", "[classify][urgent]") {
  const char* const over[] = {
      "Last summer my husband collapsed at the pool and your team got his heart going. He's back to golf this week!",
      "My chest pain turned out to be just acid reflux, thanks urgent care",
      "She stopped breathing for a minute at the game. She survived, thanks to your EMTs.",
      "If my son asks one more time when we get ice cream I'm going to kill him lol, thanks for the great checkup",
      "Thank you for the suicide prevention walk, we walked in honor of my uncle",
  };
  const testing::UrgentCase live[] = {
      {"Last year he had a stroke and now his face is drooping again and he can't talk", "medical_emergency"},
      {"He survived the crash but he's not breathing on his own now", "medical_emergency"},
      {"My daughter's chest pain turned out to be a heart attack and she's still in the cath lab", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 38: a wish not to wake up is self-harm; the medical reason the words "not wake up" set
// off is called off, and self-harm stays.
TEST_CASE("urgent round 38: asking how many pills it would take to never wake up is self-harm alone", "[classify][urgent]") {
  for (const char* text : {"How many of these pills would it take to never wake up",
                           "how many of the tylenol pm would it take to just sleep and not wake up"}) {
    INFO(text);
    for (const auto& c : {testing::ShippedRules(), testing::ShippedRulesWithoutModel()}) {
      const model::Verdict v = c->Classify(text);
      CHECK(v.urgent_reasons == std::vector<std::string>{"self_harm"});
    }
  }
}

// Round 39 (ub39.*): a person on the floor now, a staff member's home told as near with a
// warning, "everybody there is gonna pay" with "on my way", body bags for the staff, pictures
// of patients posted, another patient's papers in the wrong packet. Our own sentences.
TEST_CASE("urgent round 39: kinds of post from a fresh pass", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"there's an elderly man lying on the floor by the pharmacy window and the line just keeps moving", "medical_emergency"},
      {"the billing lady lives three houses from me. she better remember that.", "threat_of_violence"},
      {"everybody up on the fourth floor is gonna pay. I'm on my way up there", "threat_of_violence"},
      {"hope the morgue has plenty of room in the morgue for the whole front desk after friday", "threat_of_violence"},
      {"the aides are posting videos of residents in their beds on tiktok", "privacy_breach"},
      {"picked up the wrong discharge paperwork and it's another woman's whole chart", "privacy_breach"},
  };
  const char* const calm[] = {
      "my grandson dropped his pacifier on the floor in the lobby, someone turned it in?",
      "my sister lives two streets from your clinic, so she drives me to every visit",
      "they're going to pay for the scan after all, insurance called",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

// Round 39 counters (counter39.*): an awareness walk with how to join, a class asked about, a
// weapons policy asked about, a legal job, a dark time years back; and counter35's other legal
// matters. Live ones with the same words stay urgent.
TEST_CASE("urgent round 39: events, classes, policies and jobs are not emergencies", "[classify][urgent]") {
  const char* const over[] = {
      "Suicide prevention walk on the 9th! Sign up at the front desk, proceeds go to the crisis line",
      "Is the anaphylaxis and EpiPen class for daycare teachers happening again in the spring?",
      "What's the weapons policy for visitors? My dad has a carry permit.",
      "Is the risk management paralegal job posting still open?",
      "Five years ago I was in a dark place and didn't want to live anymore. Your counselors stayed with me and I'm five years healthy today.",
      "The subpoena for my car accident case asks for my x-rays, who do I give it to?",
  };
  const testing::UrgentCase live[] = {
      {"The suicide prevention walk was nice but tonight I'm going to end it", "self_harm"},
      {"I took CPR class but my husband is not breathing right now", "medical_emergency"},
      {"I have a carry permit and that surgeon is going to find out tonight", "threat_of_violence"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

// Round 39b, from holdout40's errors read as kinds of post (our own sentences): a lawsuit told
// without the word, a crisis wait longer than the writer has, Spanish tongue swelling, "sorry
// for the mess I'm about to leave", things not needed where the writer is headed, a quoted
// "pay her a visit" with a gun bought, a Spanish phone left unlocked on a patient list. Told as
// over: a dark time years back with how long sober. Live: a story of recovery then "but tonight".
TEST_CASE("urgent round 39b: kinds of post from holdout40", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"We kept every text and every voicemail, and Monday we sit down with someone who isn't a doctor.", "legal_threat"},
      {"Our counselor's waitlist is into April and honestly I don't think I have until April.", "self_harm"},
      {"Se le está hinchando la lengua a mi papá después de la inyección", "medical_emergency"},
      {"my sister sent a photo of her arms and wrote sorry for the mess im about to leave", "self_harm"},
      {"Gave away my fishing gear today. Won't be needing it where I'm headed.", "self_harm"},
      {"her ex says he'll 'pay her a visit' at the clinic and he just bought a shotgun from his cousin", "threat_of_violence"},
      {"encontré un celular desbloqueado en la sala con una lista de pacientes y sus diagnósticos", "privacy_breach"},
  };
  const char* const calm[] = {
      "How do I get my mom's x-rays sent to the orthopedist in Denver?",
      "the ice by the east entrance is a sheet of glass, somebody's gonna fall and break a hip",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
  const char* const over[] = {
      "Two years ago I was in a really bad place and took a bottle of pills. Sober 20 months now and I'm still here.",
  };
  const testing::UrgentCase live[] = {
      {"It's been three weeks since surgery and he's back to work, but tonight his leg is swollen and he can't breathe",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

}  // namespace
}  // namespace turnaround::classify
