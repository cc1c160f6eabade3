// Round 11u: urgent posts written by the rule author in five passes, each pass
// written before the rules that catch it (typos, Spanish, slang, second-language
// English, third persons, bystanders), and calm posts with alarming words.
// Not taken from any data set. Sentences the rules still miss, and calm posts
// still flagged, are listed in rules/README.md ("Round 11u"), not here.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include <cstddef>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

template <size_t U, size_t C>
void ExpectPass(const char* const (&urgent)[U], const char* const (&calm)[C]) {
  for (const char* t : urgent) {
    INFO(t);
    model::Verdict v = testing::ShippedRules()->Classify(t);
    REQUIRE_FALSE(v.urgent_reasons.empty());
    CHECK(v.severity == model::Severity::kUrgent);
  }
  testing::ExpectCalm(calm);
}

TEST_CASE("urgent round 11u: five passes of own sentences", "[classify][urgent]") {
  SECTION("pass 1") {
    const char* const urgent[] = {
        "my mother in law is slurring and keeps dropping things, were in your lot now",
        "son is wheezing so bad he can't finish a sentence, do we come in or go to the ER",
        "husband's lips look bluish and he's super sleepy after his new pain med",
        "grandma fell getting off the shuttle and can't put any weight on her hip, she's crying in pain",
        "daughter's belly pain is so bad she's curled up and screaming, right side",
        "mi papá está sudando frío y dice que le aprieta el pecho",
        "my friend is seizing in the bathroom of your urgent care",
        "Baby is 3 weeks old and burning hot, she won't feed",
        "I've decided this is my last week. Thank you to Nurse Pam for trying",
        "Don't worry about calling me back, I won't be needing the appointment after tonight",
        "im so tired of being a burden, tonight I'm finally going to rest for good",
        "been looking up how many of my pills it would take",
        "ya no le veo sentido a nada, me quiero ir para siempre",
        "my brother texted me a goodbye and isn't answering his phone",
        "tell that doctor he better not be in the parking lot when I get there",
        "i'm gonna wring that nurse's neck next time i see her",
        "someone in the waiting room just said he's got a gun in his car and he's going to use it",
        "if that billing lady calls me again she'll be picking her teeth up off the floor",
        "The receptionist read my HIV results out loud in front of the whole waiting room",
        "my pharmacy bag had another woman's prescriptions and address stapled to it",
        "Saw your nurse's story on snap and my sons face and name were in it",
        "your billing office emailed my psych notes to my job",
        "I've already spoken to a firm about what happened to my father",
        "expect a letter from our attorneys",
        "We'll be pursuing this through the proper legal channels",
        "Mi hermano es abogado y ya estamos preparando todo",
    };
    const char* const calm[] = {
        "my lawyer friend said your food court is great",
        "this wait is killing me lol",
        "I'm dying to know when you reopen the cafeteria",
        "if the line at the pharmacy is any longer I'm going to scream 😂",
        "Is it normal to feel short of breath after a covid shot? asking for next week",
        "my grandma passed peacefully, thank you hospice",
        "I'd kill for a parking spot closer to the entrance",
        "Love the new HIPAA-friendly check-in kiosks",
        "my son's asthma is so much better since he started the new inhaler",
    };
    ExpectPass(urgent, calm);
  }
  SECTION("pass 2") {
    const char* const urgent[] = {
        "my dads been on the bathroom floor for 20 min, says he cant feel his legs",
        "pls answer, my 4yo swallowed one of those little magnet balls",
        "wife went really quiet and now her words come out wrong, shes 52",
        "theres a guy slumped in a car in your parking deck and he wont respond to knocking",
        "my sister's allergic to nuts and just ate a cookie with them, her mouth is itchy and tight",
        "my husband has a crushing feeling in his chest and is throwing up",
        "mi niña está muy caliente y está como ida, no me contesta",
        "think I'll just stop taking everything and let whatever happens happen",
        "if I'm not here next month please make sure my cat gets a good home",
        "told my therapist im fine but honestly i've got it all planned out for this weekend",
        "my daughter has been cutting and last night she said she wants it to be over",
        "Estoy cansada de ser una carga, mejor me voy y ya",
        "Im gonna be outside that clinic at 5 and that pharmacist is gonna find out",
        "my ex keeps saying he'll come to the maternity floor and drag me out, he has a knife",
        "that receptionist is going to regret the day she met me, i mean it",
        "if they discharge my dad one more time without fixing him, heads will roll, literally",
        "Ese enfermero se va a acordar de mí cuando lo vea afuera",
        "my neighbor works in your records dept and she asked me how my miscarriage recovery was going",
        "the after visit summary I got has a different kid's name and meds on it",
        "someone from your office called my MOM about my birth control refill, I'm 24",
        "a whole stack of patient intake forms was sitting on the bus stop bench outside",
        "Our family has retained counsel regarding my mother's death",
        "I will be contacting the state health department and an attorney tomorrow",
        "consider this your notice to preserve all footage and records from that night",
        "Ya hablé con un licenciado y vamos a proceder",
    };
    const char* const calm[] = {
        "I nearly died laughing at the nurse's jokes",
        "we were on the floor laughing with the PT team",
        "the suspense of waiting for results is killing me",
        "Hope nobody sues me for this bad drawing of the hospital 😂",
        "does anyone know if the pharmacy takes goodrx",
        "Saying goodbye to the old building, so many memories",
    };
    ExpectPass(urgent, calm);
  }
  SECTION("pass 3") {
    const char* const urgent[] = {
        "my moms heart is beating super irregular and she feels like she's gonna faint, on hold 30 min",
        "help, toddler drank some of the dishwasher stuff under the sink",
        "bf took way too many edibles and his heart is pounding and he's freaking out he's dying",
        "dad's incision is gushing and the dressing is soaked",
        "my 80 yo aunt is burning up with fever and doesnt know where she is",
        "mi esposo tiene el brazo dormido y la cara chueca desde hace rato",
        "we're in room 12 and my daughter's oxygen keeps dropping into the 80s and nobody comes",
        "Honestly the world keeps going without me. Tonight I'll make it official",
        "I found my husband's stash of pills and a letter addressed to me",
        "I just want to go to sleep and let it all go quiet. Forever would be fine",
        "thinking about walking into the lake after my shift",
        "me siento un estorbo para todos, ya tengo las pastillas guardadas",
        "Mark my words that nurse won't make it to her car tonight",
        "my brother is in your lobby yelling he's gonna get the surgeon who botched it, and hes armed",
        "Someone needs to give that doctor a taste of his own medicine with a baseball bat",
        "I hope your front desk has good health insurance because they're going to need it",
        "I found my friends ultrasound pic on your employee's public facebook",
        "your patient portal showed me some other guy's colonoscopy report",
        "The nurse texted my boyfriend my pregnancy test result before I even saw it",
        "my medical records showed up in a google search with my name",
        "I've been in touch with a malpractice firm and they're very interested",
        "you'll be hearing from my counsel",
        "we're sending a demand letter next week",
        "Voy a llevar esto hasta las últimas consecuencias con un abogado",
    };
    const char* const calm[] = {
        "the wait at the pharmacy was murder today lol",
        "I'm so dead after that spin class at your wellness center",
        "Shoutout to the nurse who talked me down from a panic attack last month",
        "Where do I get a copy of my own records for my new job?",
        "my attorney friend recommended your dermatology clinic",
        "that flu shot nearly killed me lol (my arm is sore)",
        "bring back the old cafeteria or I riot 😤",
        "She fell and broke her hip last spring, PT has been amazing since",
    };
    ExpectPass(urgent, calm);
  }
  SECTION("pass 4") {
    const char* const urgent[] = {
        "ngl i wanna kms, nobody at the school clinic even looked up from the screen",
        "thinking about unaliving myself tbh. the counselor waitlist is 2 months",
        "I am veteran, I have my pistol and I do not want to live more. VA not answer",
        "gonna drive my rig off the overpass on the next run, tired of all of it",
        "my baby deserves a better mom than me, he'd be better off with someone else. i keep thinking about the bridge",
        "I want to finish my life, the pain is every day and no one help me",
        "night shift again, no sleep in 4 days, honestly would not mind if i just didnt wake up",
        "cleaned my service weapon and wrote to my buddies from the unit. see yall on the other side",
        "I know the road that nurse takes home. Long dark stretch. Just saying",
        "gonna follow that doctor home and have a talk he won't forget",
        "my grandson says he's going to jump the security guard after school tomorrow, please warn them",
        "I drive a 40 ton truck and I know where your clinic manager parks",
        "that triage nurse better hope I never catch her alone",
        "somebody posted the pharmacist's home address in a group and said 'pay him a visit'",
        "trucker here, pulled over at mile 140, chest feels like it's in a vise and my left arm's dead",
        "my grandbaby is 2 months and breathing funny, belly pulling in with each breath",
        "new mom here, soaking a pad every 30 min and feel like im going to pass out",
        "my friend at the party is not waking up and her lips are weird color",
        "the front desk read my whole med list out loud for everyone in line to hear",
        "my teacher knew about my therapy appointment, the nurse called the school office",
        "a photo on your page shows the whiteboard with patients names and rooms",
        "I've filed in small claims and you'll be served next week",
        "I'm requesting that all camera footage from the lobby on the 3rd be kept, my lawyer will follow up",
        "reported your clinic to HHS this morning",
    };
    const char* const calm[] = {
        "kms this calc homework is killing me lol",
        "my truck died on the interstate, anyone know a tow near the clinic?",
        "new mom here, so tired but the lactation nurse was amazing",
        "I'm a veteran and the VA clinic staff treat me like family",
        "night shift nurses are the real heroes 🙌",
        "the security guard is the nicest guy, say hi to Marcus",
        "I could just die, my son's first steps happened in the PT gym!",
    };
    ExpectPass(urgent, calm);
  }
  SECTION("pass 5") {
    const char* const urgent[] = {
        "my uncle just went stiff and fell off his chair at the pharmacy counter, hes making gurgling sounds",
        "pregnant 34 weeks, worst belly pain and my vision has spots, bp machine says 170/115",
        "toddler found grandpas heart pills on the floor, maybe ate 2?? what do i do",
        "he's sweating through his shirt and says it feels like indigestion but it goes to his jaw",
        "mi abuela no puede hablar y se le cae la comida de la boca",
        "Please thank the ICU nurses for me. I won't be seeing them again. I've made my choice.",
        "everyone keeps saying it gets better. it doesnt. tonight im done trying",
        "my roommate has been giving away her clothes and said she won't need a winter coat this year",
        "hoarding my sleeping pills for a month now, just in case",
        "no le encuentro sentido a seguir, perdón mamá",
        "my cousin said if the doctor shows his face at the bar again he's leaving in a bag",
        "your receptionist has a pretty house on Elm street. would be a shame if something happened",
        "I'll be at the ER entrance at shift change with a few friends, let's see who laughs then",
        "a man in your lobby keeps saying the billing lady is \"gonna get hers\" and touching his waistband",
        "got a text with my neighbors biopsy result, your system mixed us up",
        "my pastor asked me about my rehab stay, only your clinic knew",
        "the tech took a selfie at work and my mom's chart is right there on the screen behind her",
        "my brother in law is a malpractice attorney and he's already pulling the records",
        "sending a certified letter to your risk management department today",
        "fui a la procuraduría del consumidor a poner mi queja contra ustedes",
    };
    const char* const calm[] = {
        "my brother is a paramedic and says your ER nurses are top tier",
        "waiting for my biopsy result is killing me, fingers crossed",
        "the new cardiology wing looks amazing, my heart is full",
        "I'm done trying to find parking, I'll take the bus from now on lol",
        "thank you ICU nurses for everything you did for my dad last winter",
        "it'd be a shame if the cafeteria stopped making that mac and cheese",
    };
    ExpectPass(urgent, calm);
  }
}

// The concept + cue rules must not turn idioms or calm mentions into alarms.
TEST_CASE("urgent round 11u: idioms and calm mentions stay calm", "[classify][urgent]") {
  const char* const calm[] = {
      "my lawyer friend said the food here is great",
      "my attorney friend recommended your dermatology clinic",
      "the suspense of waiting for results is killing me",
      "kms this calc homework is brutal lol",
      "see you on the other side of surgery, wish me luck!",
      "consider this a warning to all: the cafeteria closes at 2 now",
      "see you thursday, nurse Amy! thanks for everything",
      "I'm so sorry I missed my appointment, can I rebook?",
      "thanks for trying to fit me in, I just wanted you to know the portal is down",
      "today is my last day at the front desk, thank you for 10 years!",
      "my husband took too many days off for this appointment",
      "my son's wheezing is so much better since he started the new inhaler, thank you",
      "the hold music is excruciating lol",
      "My results showed up in the portal before the doctor called, so I googled the words alone",
      "lunch will be served at the diabetes class",
      "The app keeps seizing up on my phone",
  };
  testing::ExpectCalm(calm);
}

}  // namespace
}  // namespace turnaround::classify
