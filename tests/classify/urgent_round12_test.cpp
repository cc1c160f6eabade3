// Round 12u: urgent posts and calm traps written by the rule author in three fresh passes,
// each written before it was run through the rules (pass 1: 8 urgent posts per reason and 40
// calm posts with alarming words; passes 2 and 3: 4 per reason, 12 calm), then fixed by family
// (urgent_broad.rules `ub12.*`). Not taken from any data set. The sentences the rules still miss
// and the calm posts still flagged are listed in rules/README.md ("Round 12u"), not here.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

using testing::ExpectUrgentAndCalm;
using Urgent = testing::UrgentCase;

TEST_CASE("urgent round 12u: three fresh passes of own sentences", "[classify][urgent]") {
  SECTION("pass 1") {
    const Urgent urgent[] = {
        {"my dad just went really pale and is sweating buckets, says his chest is tight, we're sitting in your parking lot", "medical_emergency"},
        {"mi abuela no puede mover el brazo derecho y habla raro desde hace media hora, qué hacemos", "medical_emergency"},
        {"toddler got into the grandparents' heart pills, maybe 3 gone, he's super sleepy", "medical_emergency"},
        {"is anyone at the front desk?? a lady just fell down the stairs by radiology and she's not moving", "medical_emergency"},
        {"my wife is 36 weeks and bleeding a lot, the on-call line isnt picking up", "medical_emergency"},
        {"her face is swelling up after the antibiotic you gave her this morning and she's wheezing", "medical_emergency"},
        {"husband has diabetes and he's shaky, confused and not making sense, sugar says LO", "medical_emergency"},
        {"son hit his head at soccer, he's throwing up and keeps asking the same question over and over", "medical_emergency"},
        {"i dont see the point anymore. i've saved up enough of my meds. tonight is the night", "self_harm"},
        {"Please tell Dr. Patel thank you for everything. I won't be at my appointment next week or ever", "self_harm"},
        {"no puedo más, ya tengo las pastillas juntas. perdón a todos", "self_harm"},
        {"my sister texted me that she's going to end it and now her phone is off. she's your patient", "self_harm"},
        {"I keep thinking my kids would be better without me around, I've started writing them letters", "self_harm"},
        {"cancel all my appointments, I won't need them where I'm going", "self_harm"},
        {"been staring at the bottle of pills for an hour. nobody at the crisis number picks up", "self_harm"},
        {"i just want everything to stop for good. i'm sitting on the bridge by the hospital", "self_harm"},
        {"that receptionist has no idea who she messed with. i'll be waiting outside when she clocks out", "threat_of_violence"},
        {"a man in the ER lobby just pulled out a knife and is yelling at the triage nurse", "threat_of_violence"},
        {"if my mom dies because of that doctor I swear I will make him pay with his own blood", "threat_of_violence"},
        {"my neighbor keeps saying he's going to bring his shotgun to the clinic that cut off his pain meds", "threat_of_violence"},
        {"el guardia de seguridad me empujó. la próxima vez que lo vea lo voy a dejar en el piso", "threat_of_violence"},
        {"keep ignoring me. i know which nurse was on shift and i know her kids' school", "threat_of_violence"},
        {"tell dr. hanson to watch his back in the parking garage", "threat_of_violence"},
        {"my ex just texted that he's coming to the clinic to find me and he has a gun", "threat_of_violence"},
        {"your nurse posted a photo of my newborn in the NICU on her instagram with his full name", "privacy_breach"},
        {"Received a letter today with another patient's biopsy results and her home address", "privacy_breach"},
        {"the pharmacist told my husband about my birth control when he picked up his own meds", "privacy_breach"},
        {"someone at your office told my landlord I was in rehab", "privacy_breach"},
        {"le contaron a mi jefe sobre mi diagnóstico de VIH, nadie tenía permiso", "privacy_breach"},
        {"My therapy session notes showed up in my teenage son's portal account", "privacy_breach"},
        {"your receptionist is posting screenshots of patient charts in a group chat, my friend saw mine", "privacy_breach"},
        {"my medical records are on a public website, I googled my name and found my MRI report", "privacy_breach"},
        {"my attorney will be contacting your compliance office on Monday regarding my father's fall", "legal_threat"},
        {"We are filing a formal complaint with the medical board and suing for negligence", "legal_threat"},
        {"vamos a demandar al hospital por lo que le pasó a mi hijo en el parto", "legal_threat"},
        {"consulted a med mal attorney today. he's very interested in my case", "legal_threat"},
        {"I have kept every bill and every recording. My lawyer says I have a case", "legal_threat"},
        {"see you in court. you left a sponge inside me", "legal_threat"},
        {"This has been forwarded to the state attorney general's office", "legal_threat"},
        {"expect to be contacted by my legal team regarding the wrongful billing and the injuries", "legal_threat"},
    };
    const char* const calm[] = {
        "this wait is killing me lol, 2 hours for a flu shot",
        "I could murder a coffee after that 6am blood draw",
        "I almost died laughing when the nurse told that joke",
        "last year my husband had a heart attack in your lobby and your team saved him, thank you",
        "my lawyer friend said the new urgent care is nice",
        "I'm a paralegal looking for part-time work, are you hiring?",
        "the bill gave me a heart attack 😂",
        "I'd kill for a decent parking spot",
        "if that nurse leaves I'll cry, she's the best",
        "the stairs by radiology are slippery, someone could fall, please put a mat",
        "I'm dying to know when the new wing opens",
        "my mom fell last month and the ortho team got her walking again",
        "how many ibuprofen can I take for a toothache? the box is confusing",
        "that surgeon is a killer at trivia night lol",
        "me muero de hambre, a qué hora abre la cafetería",
        "please send the records to my new doctor, here's the fax number",
        "my son swallowed a penny two years ago and he's fine, just a funny story",
        "i'm so done with this cold, ready to go home and sleep forever 😴",
        "the security guard helped me find my car, what a gem",
        "the nurse caught my fall when I got dizzy, so grateful",
        "our pastor visited my dad in the ICU last month, thank you for letting him in",
        "Is it normal for the incision to itch a lot after a week?",
        "my coworker recommended your dermatologist, she loved her",
        "the camera footage from the fundraiser gala is online now!",
        "I've made my peace with the parking situation lol",
        "my sister was a patient here and she's been telling everyone how great the nurses are",
        "you all are going to get a great review from me",
        "la doctora me salvó la vida el año pasado, gracias",
        "my baby was wheezing last winter and your respiratory clinic fixed it",
        "I left my gloves in exam room 3, could someone hold them?",
        "the crisis line volunteer talked me through a panic attack last year, forever grateful",
        "I'll be right behind you in line for the flu clinic, Dr. Lee!",
        "my grandma is 90 and still drives herself to dialysis lol",
        "the TV in the waiting room is stuck on the news, can someone change it",
        "we're taking legal guardianship of my nephew, what forms does the clinic need?",
        "my chest x-ray came back clear, such a relief",
        "my friend works at your front desk and told me about the job opening",
        "my kid said he'd kill me if I posted his photo, so here's the nurse instead",
    };
    ExpectUrgentAndCalm(urgent, calm);
  }
  SECTION("pass 2") {
    const Urgent urgent[] = {
        {"my roommate took something at a party and now she's twitching and her eyes wont focus, where do we go", "medical_emergency"},
        {"abuelo se desmayó en la fila de la farmacia y no responde", "medical_emergency"},
        {"4 month old has a rash that doesn't fade when I press a glass on it and she's so floppy", "medical_emergency"},
        {"im on the 3rd floor bathroom and i think my water broke and theres a lot of blood", "medical_emergency"},
        {"tired of fighting. Left my keys and a note for my brother on the counter. Thanks Nurse Joy for everything", "self_harm"},
        {"my psychiatrist retired and I'm out of reasons. I already know how I'll do it", "self_harm"},
        {"mi hija de 15 dice que se quiere morir y se encerró en el baño", "self_harm"},
        {"this is my last refill and I'm taking all of it at once tonight", "self_harm"},
        {"your pharmacist thinks she can treat people like trash. she'll learn real quick what happens", "threat_of_violence"},
        {"guy in the waiting room keeps saying someone here is gonna get stabbed today", "threat_of_violence"},
        {"if they deny my claim again im burning that billing office to the ground", "threat_of_violence"},
        {"amenazaron a la enfermera del turno de noche con una pistola en el estacionamiento", "threat_of_violence"},
        {"a pharmacy tech from your store messaged me on facebook about my prescription. how did she find me", "privacy_breach"},
        {"your front desk gave my new address to my abusive ex when he called pretending to be my brother", "privacy_breach"},
        {"the lab mixed up my kit, I got an envelope with some guy's prostate results", "privacy_breach"},
        {"la recepcionista le enseñó mi expediente a su amiga en la sala de espera", "privacy_breach"},
        {"our family's attorney is already requesting the records, this isn't over", "legal_threat"},
        {"I'll be taking this to small claims and the state board", "legal_threat"},
        {"mi abogado ya tiene todas las fotos de la caída", "legal_threat"},
        {"I've contacted a personal injury firm about the fall in your garage", "legal_threat"},
    };
    const char* const calm[] = {
        "my heart skipped a beat when Dr. Cruz said the tumor was gone, thank you!!",
        "the billing department is going to be the death of me lol",
        "I left a note for the night nurse thanking her, hope she saw it",
        "our doctor is retiring and I'm out of ideas for a good replacement, any suggestions?",
        "my son was so scared of the shot he hid in the bathroom lol, the nurse was a saint",
        "the new pharmacy tech found my prescription super fast",
        "when I was in labor last spring I lost so much blood, your team was amazing",
        "I'm taking all of my vitamins at once now that the doctor said it's fine",
        "the guy at the parking booth told me a funny story about the stabbing scene in a movie",
    };
    ExpectUrgentAndCalm(urgent, calm);
  }
  SECTION("pass 3") {
    const Urgent urgent[] = {
        {"the old man next to me in the waiting area just slid off his chair and his lips are going dark, nobody at the desk", "medical_emergency"},
        {"my 6 yr old ate something with sesame at the birthday party and now hes coughing and covered in welts", "medical_emergency"},
        {"mi esposo dice que ve todo doble y se le duerme la cara, estamos en la sala de espera", "medical_emergency"},
        {"tengo 33 semanas y no siento al bebé moverse desde ayer, me duele mucho la panza", "medical_emergency"},
        {"gonna go for a long drive tonight and not come back. you guys tried, i know", "self_harm"},
        {"I've been researching which bridge is tallest near here. no one at your clinic calls back anyway", "self_harm"},
        {"honestly the world is gonna keep spinning without me and that's fine. deleting everything tonight", "self_harm"},
        {"me despedí de mis hijos hoy. ya no voy a ser una carga para nadie", "self_harm"},
        {"when that nurse gets to her car tonight she's gonna have a surprise waiting", "threat_of_violence"},
        {"I swear to god if I see Dr Morales in the grocery store he's leaving in an ambulance", "threat_of_violence"},
        {"somebody needs to put that receptionist in her place, permanently. and I might be the one", "threat_of_violence"},
        {"hay un tipo en urgencias con un machete gritando que va a buscar al médico", "threat_of_violence"},
        {"the clinic's newsletter went out with everyone's emails visible AND the name of the support group, which is for HIV patients", "privacy_breach"},
        {"my daughter's counselor called her dad, who has no custody and isn't allowed any info, and told him about her sessions", "privacy_breach"},
        {"mandaron los resultados de mi prueba de embarazo al correo de mi esposo", "privacy_breach"},
        {"my husband and I will be seeking damages for what happened during my delivery", "legal_threat"},
        {"everything is documented and has been sent to our counsel", "legal_threat"},
        {"going to the DA about the nurse who stole my mom's pain meds", "legal_threat"},
        {"ya pusimos una queja ante la secretaría de salud y vamos a proceder legalmente", "legal_threat"},
    };
    const char* const calm[] = {
        "the nurse at the desk was so nice when my dad slid off his chair laughing at his own joke",
        "I could have killed for a sandwich after surgery, the volunteers brought me one!",
        "my son's welts from the bug bites are gone, thank you derm!",
        "I'm going for a long drive to see the fall colors tonight, any good routes near the hospital?",
        "the doctor put the fear of god in my husband about his diet lol",
        "we had a scare with the baby last month but the NICU team was unbelievable",
        "deleting my old account on the portal, how do I set up the new one?",
        "la doctora nos salvó, mi esposo ya está en casa",
        "somebody needs to give the cafeteria cook a raise, that soup!",
        "the newsletter was so helpful, loved the recipe section",
        "the old kiosk screen is hard to read, please make the font bigger",
    };
    ExpectUrgentAndCalm(urgent, calm);
  }
}

// When rules of several reasons fire, the reason an agent reads first is the person at risk,
// then a threat, then a lawyer or regulator, then a leak, then a symptom (combine.cpp,
// ReasonRank): a legal threat that cites the leak behind it is a legal threat first.
TEST_CASE("urgent round 12u: the first reason of a post with several", "[classify][urgent]") {
  const Urgent urgent[] = {
      {"you faxed my psych records to my boss, my attorney is drafting a letter", "legal_threat"},
      {"how many of my sleeping pills would it take to not wake up", "self_harm"},
      {"my chest pain was ignored for 9 hours, I spoke to a malpractice firm today", "legal_threat"},
      {"my friend posted a goodbye on her story and isn't answering, she's your patient", "self_harm"},
  };
  const char* const calm[] = {"thanks for the quick flu shot"};
  ExpectUrgentAndCalm(urgent, calm);
}

}  // namespace
}  // namespace turnaround::classify
