// Urgent posts in ordinary words (rules/urgent_broad.rules), written for this
// test by the rule author in several rounds, each round written before the
// rules that catch it: typos, dropped apostrophes, Spanish, third persons,
// and calm posts that use alarming words. Not taken from any data set.
// Sentences the rules still miss are listed in rules/README.md, not here.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include <string>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

void ExpectUrgent(const char* text, const std::string& reason) {
  INFO(text);
  model::Verdict v = testing::ShippedRules()->Classify(text);
  if (reason.empty()) {
    CHECK(v.urgent_reasons.empty());
    return;
  }
  REQUIRE_FALSE(v.urgent_reasons.empty());
  CHECK(v.severity == model::Severity::kUrgent);
}

TEST_CASE("urgent broad: medical emergencies in plain words", "[classify][urgent]") {
  const char* const texts[] = {
      "my husband just fell down in your waiting room and hes not getting up",
      "there's a lady on the floor by the elevators on 3 and nobody is coming",
      "dad hit his head when he fell and now he keeps throwing up",
      "baby is breathing really fast and making grunting noises",
      "my son cant stop shaking and his eyes rolled back",
      "heart is racing and my left arm went numb, is the urgent care still open",
      "my grandpa is confused and cant get his words out since this morning",
      "worst headache of my life came on all of a sudden and my vision is blurry",
      "he got stung by a bee and his face is swelling up fast",
      "my friend took something at a party and wont wake up",
      "the guy in the lobby is turning gray and sweating buckets",
      "mi abuelo se cayó y no se puede levantar, está sangrando de la cabeza",
      "mi bebé tiene mucha fiebre y no deja de temblar",
      "mi hijo se tragó una pila de reloj",
      "my mom is having a hard time breething please somebody answer",
      "cant breath and the triage line isnt moving",
      "blood everywhere, she sliced her hand open and its not stopping",
      "my wife is pregnant and bleeding heavy and the L&D desk put us on hold",
      "my dad's sugar is 40 and he is not making sense",
      "she took a whole bottle of her anxiety pills, what do I do",
      "my kid fell off the monkey bars and his arm is bent the wrong way and he's going pale",
      "the man next to me in the waiting room just went down and is shaking on the floor",
      "I think I'm having a heart attack and they told me to take a number",
      "my husband's speech is slurred and his face looks uneven",
      "baby has been limp and not eating all day",
      "my chest feels like an elephant is sitting on it",
      "mi esposa está embarazada y está sangrando mucho",
      "URGENT my dad is grey and sweating and says his jaw and arm hurt",
      "im at your urgent care and the lady next to me just fainted and hit the floor hard",
      "my son got into his grandmas heart pills we dont know how many",
      "the baby isnt breathing right, its like she forgets to breathe",
      "wife cant stand up, room is spinning, she is puking and cant see straight",
      "my friend is having an asthma attack and her inhaler is empty",
      "a kid just got hit by a car in front of your pediatric entrance",
      "my mom's blood pressure is 220 over 130 and she has a pounding headache",
      "help my husband is choking on food",
      "dad just collapsed in the pharmacy aisle",
      "she stopped breathing for a few seconds in the waiting area",
      "mi papá tiene la boca torcida y no puede hablar bien",
      "mi hija se desmayó en la sala de espera y nadie viene",
      "my grandma just slumped over in her wheelchair in your lobby and won't answer us",
      "Pls someone come to bay 6 my dad is foaming at the mouth",
      "my baby's soft spot is sunken and she hasn't peed since yesterday and is super floppy",
      "wife's lips and tongue are swelling after the new antibiotic",
      "nurse line, my husband is coughing up blood right now what do we do",
      "me duele mucho el pecho y el brazo izquierdo, no puedo respirar bien",
      "my neighbour took a bunch of pills and is really drowsy",
      "my mom is in the parking garage level 2 and she can't get her breath, she's really pale",
      "husband took his insulin twice by mistake and now he's shaky and not making much sense",
      "anyone there? my toddler has a really high fever and is twitching",
      "man outside the ER doors bleeding from his head, no one coming out",
      "mi mamá está muy confundida y no puede mover el lado derecho",
      "grandpa's been talking gibberish since his nap and can't lift his coffee cup with his right hand",
      "ma'am at window 3 is white as a sheet and clutching her chest, get someone out here",
      "son was stung and now he is wheezy and covered in welts",
      "my wife's heart is doing 190 and she's about to pass out",
      "kid fell off his bike no helmet and keeps asking the same questions over and over",
      "my dad is on blood thinners, fell down the stairs and his head is swelling",
      "mi hijo tiene convulsiones y no para, ayuda por favor",
  };
  for (const char* t : texts) ExpectUrgent(t, "medical_emergency");
}

TEST_CASE("urgent broad: self-harm said indirectly", "[classify][urgent]") {
  const char* const texts[] = {
      "i dont think i can do this anymore. im done",
      "no one would even notice if i was gone",
      "i just want everything to stop for good",
      "thinking about taking all my pills tonight",
      "I want to go to sleep and never wake up",
      "I've written letters to my kids in case I'm not around",
      "i keep thinking about driving my car into a wall",
      "if this pain doesnt stop im going to end it",
      "I'm just a burden to everyone, they'd be fine without me",
      "ya no aguanto más, quiero desaparecer",
      "nadie me extrañaría si me muero",
      "i have a plan and i have the pills",
      "im going to hurt myself if nobody calls me back today",
      "the voices keep telling me to hurt myself",
      "my teenager told me she wants to kill herself and the crisis line hung up on us",
      "my son said he doesn't want to live anymore and you want us to wait 6 weeks",
      "there's no point going on like this",
      "I'm not going to be around much longer so it doesnt matter",
      "ive been thinking about ending things",
      "i want to die. nobody helps",
      "mi hija dice que se quiere matar y no nos dan cita",
      "I give up on everything, this is the last time I ask for help",
      "i cant take it anymore i'm going to end it tonight",
      "been planning how to do it. nobody needs me",
      "honestly if i dont wake up tomorrow that would be fine",
      "I've been hurting myself again since they stopped my meds",
      "my wife keeps saying she'd be better off dead",
      "tried to overdose last week and your ER discharged me after 2 hours",
      "im going to jump if someone doesnt help me",
      "life isnt worth living with this pain",
      "no quiero vivir así, mejor me muero",
      "this is my last message to anyone",
      "i keep staring at the bottle of pills in my cabinet",
      "I'm writing goodbye letters tonight",
      "every day I think about not being here",
      "Nobody would miss me if I died tonight",
      "me voy a quitar la vida si nadie me ayuda",
      "i've got the rope ready",
      "I don't see a way out anymore",
      "tonight I'm going to take everything in the medicine cabinet",
      "i just want to sleep forever",
      "sometimes I think my family would be happier if I was dead",
      "I'm so done with everything. tonight's the night",
      "everyone would be relieved if I just disappeared",
      "I wrote my will today and I'm at peace with my choice",
      "can't stop thinking about swallowing everything I have",
      "i am going to hang myself if this pain doesn't stop",
      "estoy pensando en acabar con todo",
  };
  for (const char* t : texts) ExpectUrgent(t, "self_harm");
}

TEST_CASE("urgent broad: threats without the usual verbs", "[classify][urgent]") {
  const char* const texts[] = {
      "if my mother dies in there somebody is going to get hurt",
      "I'll be waiting in the parking lot when that doctor gets off",
      "keep it up and see what happens to your front desk girl",
      "i'm coming down there and i'm not coming alone",
      "your nurse is lucky I didn't break her jaw",
      "that doctor deserves to get shot",
      "I'm going to smash every window in that office",
      "I have nothing to lose, remember that when I walk in tomorrow",
      "somebody should put that surgeon in the ground",
      "le voy a romper la cara a ese doctor",
      "one more rude word and I swear I'll knock her teeth out",
      "somebody's ending up in the morgue and it won't be me",
      "i'm going to beat the hell out of the security guard",
      "that receptionist better hope i never see her outside of work",
      "voy a ir con mis hermanos y van a ver",
      "if anything happens to my baby i will come for that doctor",
      "i'm bringing my pistol next time they disrespect me",
      "she's going to get what she deserves, mark my words",
      "that security guard better sleep with one eye open",
      "I'm gonna make that receptionist bleed",
      "Keep treating my mom like that and I'll end you",
      "we'll see how tough your surgeon is in the parking garage",
      "tell dr. hall to watch himself when he walks to his car",
      "I will put your receptionist through the glass",
      "if they deny my claim again im gonna shoot up the place",
      "you people are going to be sorry when I show up",
      "that doctor is going to catch these hands",
      "I'm going to find out where she lives",
      "bringing a bat next time",
      "that nurse won't see next week if I get my hands on her",
      "I'm going to wait for your doctor by his truck after his shift",
      "keep it up and ur gonna need security for real",
      "I hope the whole place burns with that surgeon inside",
  };
  for (const char* t : texts) ExpectUrgent(t, "threat_of_violence");
}

TEST_CASE("urgent broad: privacy breaches told as stories", "[classify][urgent]") {
  const char* const texts[] = {
      "I got a letter addressed to me but it had some other guy's test results inside",
      "my coworker works in your lab and now my whole office knows I'm pregnant",
      "someone posted a picture of my chart on tiktok",
      "your nurse told my mother about my STD test without asking me",
      "i got a voicemail about another patient's biopsy",
      "why did my boss get a copy of my psych evaluation",
      "the pharmacy handed my prescription bag to my neighbor",
      "le dieron mis resultados a mi vecina",
      "my ex works there and looked up my address in the system",
      "my mychart shows somebody else's appointments and meds",
      "the nurse discussed my HIV status with my sister without my okay",
      "a stranger called me because your office gave him my lab results",
      "the nurse posted a photo of me sedated on her snapchat",
      "Your staff faxed my HIV results to my job",
      "My neighbor is a nurse there and she knew about my surgery before I told anyone",
      "why could the lady at the check-in desk see my whole psych history on a screen facing the lobby",
      "someone called my parents about my birth control appointment, I'm 19",
      "I got someone else's colonoscopy report in my portal",
      "the tech was telling the other patients what my scan showed",
      "the lab sent my pregnancy test result to my mom's email",
      "I just saw my own chart open on a computer in the cafeteria",
      "my STD results were left on the printer in the hallway",
      "a nurse I know from church messaged me about my diagnosis before my doctor did",
      "the front desk gave my husband a copy of my records without asking me, we are separated",
      "somebody at your clinic shared my ultrasound photo on facebook",
      "I got a bill with another person's name and diagnosis on it",
      "you mailed my biopsy report to my old address where my ex lives",
      "the receptionist took a picture of my ID and insurance card with her own phone",
      "my daughter's therapist told her school counselor everything she said in session",
  };
  for (const char* t : texts) ExpectUrgent(t, "privacy_breach");
}

TEST_CASE("urgent broad: legal threats in other words", "[classify][urgent]") {
  const char* const texts[] = {
      "I'm contacting a lawyer first thing tomorrow",
      "you'll be getting a letter from my attorney",
      "I've documented everything and I'm taking this to court",
      "talked to a lawyer already and he says we have a case",
      "Reporting you to the state health department",
      "voy a demandar al hospital",
      "I'm pressing charges against that nurse",
      "my son in law is an attorney and he's reviewing all of this",
      "see you in small claims",
      "we are pursuing legal options over my father's death",
      "ya hablé con un abogado",
      "my attorney will be contacting your risk management department",
      "we're suing. end of story",
      "I have filed a complaint with the state licensing board against Dr. Patel",
      "this will end up in court if my bill is not corrected",
      "expect to hear from our legal counsel",
      "he is going to pay for this in court",
      "voy a poner una demanda contra la clínica",
      "I'm retaining counsel",
      "malpractice suit incoming",
      "the state medical board is getting a letter from me today",
      "I will be speaking with an attorney about my options",
      "I'm reporting this to the department of health and calling a lawyer",
      "See you in court",
      "already contacted a malpractice firm",
      "you'll be served next week",
      "consulting with legal about what happened to my mom",
  };
  for (const char* t : texts) ExpectUrgent(t, "legal_threat");
}

TEST_CASE("urgent broad: calm posts with alarming words stay calm", "[classify][urgent]") {
  const char* const texts[] = {
      "This wait is killing me, 3 hours in the lobby",
      "Your billing department is going to give me a heart attack",
      "My mom had a stroke last year and your rehab team was amazing",
      "This parking situation makes me want to scream",
      "I'm gonna lose my mind if I get put on hold one more time",
      "someone should be fired for this billing mess",
      "kill me now, another 2 hour wait",
      "I'm dying here, when will the doctor come",
      "the hold music is going to drive me insane",
      "My dad died here last year and the chaplain was so kind to us",
      "Happy to report my son is breathing much better after his asthma visit",
      "I choked up reading this, congrats to the NICU nurses",
      "the doctor killed it at the health fair",
      "we had a bloody long wait but the nurse was lovely",
      "Is it normal to bleed a little after a blood draw?",
      "shout out to the team that saved my life after my heart attack",
      "That bill nearly killed me lol",
      "I'm so sick of this hold music I could scream",
      "Dying to know when the new urgent care opens",
      "my daughter had a seizure last year and your neurology team was wonderful",
      "Is it normal to feel faint after the flu shot?",
      "killing time in the lobby, the fish tank is cool",
      "Your prices are criminal",
      "This app is going to kill me, it logged me out again",
      "What's the policy on sharing results with my parents? I'm 17",
      "We lost dad in March, thank you for the dignity you gave him at the end",
      "Please pray for my mom, surgery tomorrow",
      "No one answers the phone, I'm about to lose it",
      "the bill is highway robbery",
      "I could sleep forever after that night shift, love my unit",
      "The ER was a nightmare but my son is fine now, thanks to nurse Kim",
      "My kid swallowed a penny last year and you were great",
      "What are the visiting hours for the ICU?",
      "I was dying to see my baby after the c-section, the nurses brought her right away",
      "I'll wait for the doctor in the lobby, no rush",
      "The ER team saved my husband when he had a stroke, forever grateful",
      "that workout class at the wellness center killed me lol",
  };
  for (const char* t : texts) ExpectUrgent(t, "");
}

TEST_CASE("urgent broad: round 7, written before the round-7 rules", "[classify][urgent]") {
  // The round-6 rules found 8 of these 30 (rules/README.md, Round 7).
  const char* const urgent[] = {
      "my mother keeps saying her chest is heavy and she cant catch her breath, we are in your parking garage level 2",
      "grandpa just went really quiet and his lips look kind of purple, nurse line wont pick up",
      "the kid in the seat next to us is having some kind of fit and his mom is screaming",
      "my wife is 34 weeks and bleeding a lot, which entrance do we use",
      "my dad's left side went weak all of a sudden and he is drooling, is the ER open",
      "mi mamá no puede hablar bien y se le cayó un lado de la cara",
      "nobody at the crisis number picked up and I'm not safe by myself tonight",
      "I don't know how much longer I can keep pretending I'm fine. the therapist waitlist is 4 months",
      "honestly my kids would be better off with the insurance money than with me",
      "I keep thinking about the bottle of sleeping pills in my nightstand",
      "I've been counting how many of my pills it would take",
      "I gave away my dog and wrote letters to my sisters, I'm ready",
      "no me siento segura conmigo misma esta noche y nadie contesta",
      "tell your receptionist I know what time she leaves and where she parks",
      "if anything happens to my dad I swear somebody on that floor is going to get hurt. not kidding",
      "I'll be outside by his truck when his shift ends, he can explain it to me there",
      "that orderly better pray I never see him off the clock",
      "keep laughing, we'll see who is laughing when I come back up there with my cousins",
      "ya sé a qué hora sale esa enfermera, la voy a estar esperando",
      "my landlord got a call from your clinic about my appointment. why does he even have my info",
      "my manager knew about my surgery before I'd told anyone at work. her sister works at your front desk",
      "your wrong fax number means I've been receiving other people's medical records at my business for a week",
      "I logged into the portal and it showed me x-ray results for a man named Gerald. I am not Gerald",
      "your nurse posted a selfie and the screen behind her shows patient names and their room numbers",
      "there are boxes of patient files sitting by the recycling bins behind the clinic, anyone can grab them",
      "someone sent the whole clinic schedule with everyone's names and reasons for visit to my email",
      "mi exjefe recibió una llamada de la clínica sobre mis resultados",
      "my brother-in-law handles med mal cases and he's very interested in what happened",
      "we've requested the full chart and will be talking to someone who does this for a living",
      "you'll be hearing from our attorneys, this is not over",
  };
  for (const char* t : urgent) ExpectUrgent(t, "any");
  const char* const calm[] = {
      "I got a call about my appointment time change, thank you for the heads up",
      "She knew I was nervous before I even said anything, best nurse ever",
      "The nurse asked for my name and date of birth twice, very careful",
      "I'm not safe to drive after the procedure so my son will pick me up, is that ok?",
      "Somebody is going to get hurt on that icy ramp by the garage, please salt it",
      "I keep thinking about the amazing care my dad got, thank you",
      "We counted the pills together at discharge, so helpful",
      "Tired of trying to reach billing, called 6 times this week",
      "The whiteboard in the room with the nurse's name and the plan for the day was so helpful",
      "My manager knew I had surgery because I told her, she sent flowers to the ward",
      "Dropped off my records request form, who do I call for an update?",
      "I'll be waiting outside by the entrance for my mom's discharge, can someone let her know",
  };
  for (const char* t : calm) ExpectUrgent(t, "");
}

TEST_CASE("urgent broad: round 7, second and third passes", "[classify][urgent]") {
  // Each pass was written before the rules that catch it: the rules of the
  // pass before found 1 of 20 and 4 of 15 (rules/README.md, Round 7).
  const char* const urgent[] = {
      "my son ate something with peanuts at the cafeteria and his face is puffing up, where do we go",
      "husband says it feels like someone is standing on his chest and he's sweating through his shirt",
      "she's been throwing up for two days and now she won't stay awake, is this an ER thing",
      "my dad is breathing really weird, like gasping every few seconds, we're in your lot",
      "baby girl is 3 weeks and feels super hot and won't eat, the after hours line keeps beeping",
      "i wrote everyone a note tonight. thank you to the one nurse who listened",
      "what's the point of booking a follow up, I won't need it",
      "honestly I'm done. done with the pain, done with the bills, done with all of it. goodnight",
      "does your crisis team still come out at night? my brother locked himself in the bathroom with a knife",
      "if that doctor discharges my mother again he will regret it personally, I'll make sure",
      "a man in the ER waiting room just said he's got a knife and he's going to use it on the next nurse who ignores him",
      "I'm done talking. next time I see the billing manager it won't be words",
      "tell dr. walsh to check under his car before he drives home",
      "my daughter's school nurse called me to ask about her therapy appointment at your clinic. how does she know",
      "I got a text thread with another family's discharge instructions and their kid's name",
      "the front desk laptop was facing the waiting room with someone's chart wide open",
      "my cousin who does billing for you told half of thanksgiving about my miscarriage",
      "I've got every voicemail saved and a consult booked with a firm on friday",
      "we are pursuing this through the proper legal channels",
      "my little brother got stung and now he's wheezing and covered in red bumps, we're 5 min from you",
      "mom took a fall down the porch steps, there's a lot of blood from her head and she keeps asking what day it is",
      "he's sweating buckets, gray color, says his left arm feels dead, what do we do",
      "my daughter swallowed one of those little magnets an hour ago",
      "I've been looking up how much of my insulin would be too much",
      "tired of being a problem for everybody. won't be a problem much longer",
      "the only thing keeping me here is my cat and she's getting old",
      "i'm bringing a bat next time and we'll see if your security guard is still laughing",
      "someone ought to rough up that receptionist, maybe i will",
      "I know that nurse's kids go to my son's school",
      "the pharmacist told my mother-in-law what I pick up every month",
      "your billing company emailed my full statement with diagnosis codes to my work address without asking",
      "found a clipboard with patient names and dates of birth on a chair in the parking garage",
      "my niece is in law school and says this is textbook negligence, we're not letting it go",
      "expect papers from us soon",
  };
  for (const char* t : urgent) ExpectUrgent(t, "any");
  const char* const calm[] = {
      "my dad is breathing much better since the new inhaler, thank you",
      "I wrote a thank you note to the whole maternity team",
      "I'm done with chemo!!! rang the bell today",
      "is the cafeteria peanut free? my son has an allergy",
      "the front desk laptop had a cute sticker of the hospital mascot",
      "tell dr walsh thank you from all of us at the food pantry",
      "I've been looking up how to prep for my colonoscopy, any tips?",
      "the receptionist laughed at my joke about the parking, so nice",
      "found my dad's reading glasses on a chair in the lobby, who do I give them to?",
      "my niece just started nursing school here, so proud",
  };
  for (const char* t : calm) ExpectUrgent(t, "");
}

}  // namespace
}  // namespace turnaround::classify
