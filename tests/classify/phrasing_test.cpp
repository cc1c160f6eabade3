// Phrasing families of rules/general.rules, checked with sentences written for
// this test (not taken from any data set, and not the rules' own examples):
// how people other than the rule authors complain and ask for help, and the
// look-alikes that must stay calm.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

#include <string>

namespace turnaround::classify {
namespace {

// The written rules alone: each sentence checks the rule family it was written
// for. The fitted word model (rules/complaint.model) is added in the shipped
// verdict and measured on the labelled sets instead; on these short sentences
// it disagrees both ways (rules/README.md, round 25).
std::shared_ptr<const Classifier> Rules() { return testing::ShippedRulesWithoutModel(); }

struct Case {
  const char* text;
  int complaint;  // 1 complaint, 0 not, -1 not checked (urgent posts may be either)
  const char* category;  // "" = not checked
  const char* urgent;    // "" = must not be urgent
};

void Check(const Case& c) {
  INFO(c.text);
  model::Verdict v = Rules()->Classify(c.text);
  if (c.complaint >= 0) CHECK(v.is_complaint == (c.complaint == 1));
  if (std::string(c.category).size() > 0) CHECK(v.category == c.category);
  if (std::string(c.urgent).empty()) {
    CHECK(v.urgent_reasons.empty());
  } else {
    bool found = false;
    for (const std::string& r : v.urgent_reasons) found |= r == c.urgent;
    CHECK(found);
  }
}

TEST_CASE("phrasing: indirect complaints without negative words", "[classify][phrasing]") {
  const Case cases[] = {
      {"Front desk said the nurse would ring me before lunch. That was Monday. It's Thursday", 1, "communication", ""},
      {"per my last 4 voicemails, still need that prior auth", 1, "", ""},
      {"My records request has been \"processing\" for 6 weeks", 1, "", ""},
      {"is anyone at the Elm St office gonna call back about my sleep study", 1, "", ""},
      {"We sat in the lobby so long my son finished his entire homework packet", 1, "wait_time", ""},
      {"my appt was at 9:15 and I got called back at 11", 1, "wait_time", ""},
      {"The dentist pulled the wrong tooth and now I need an implant", 1, "clinical_care", ""},
      {"His stitches came apart the next morning and we had to go back to get it redone", 1, "clinical_care", ""},
      // A barrier to a wheelchair is access in every labelled set (round 7); a broken lift is facilities.
      {"The wheelchair ramp at the side entrance is too steep to push up alone", 1, "access", ""},
      {"Elevator to the parking deck has been out of order all week", 1, "facilities", ""},
      {"That new scheduler talks to patients like we are children", 1, "staff_attitude", ""},
      {"Your billing reps need some customer service training", 1, "", ""},
      {"Closed the only urgent care on the south side. Thanks for looking out for the community", 1, "", ""},
      {"nice work canceling my surgery the night before", 1, "", ""},
      {"They charged us for a level 5 visit for a stubbed toe", 1, "", ""},
      {"My MRI keeps getting rescheduled", 1, "", ""},
      {"Is there any way to talk to a live person in billing? The phone menu sends you back to the start", 1, "", ""},
      {"Dejé varios mensajes desde el martes y nadie contesta", 1, "", ""},
      {"No estamos contentos con la atención que le dieron a mi abuela", 1, "", ""},
      {"are y'all just not returning calls these days?", 1, "", ""},
      {"Does someone there even check the voicemail", 1, "", ""},
      {"The ER said it was only constipation. It turned out to be appendicitis", 1, "clinical_care", ""},
      {"Had to remind the night nurse twice about his insulin", 1, "", ""},
      {"You guys misplaced my referral paperwork again", 1, "", ""},
      {"oh perfect, another busy signal", 1, "", ""},
      {"apparently my kid's health doesn't matter", 1, "", ""},
      {"Got charged twice for the same ultrasound", 1, "billing", ""},
      {"Fuimos a urgencias y nos mandaron a casa sin revisarla", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: urgent said indirectly", "[classify][phrasing][urgent]") {
  const Case cases[] = {
      {"Found a stack of patient charts in the recycling bin by the loading dock", -1, "privacy", "privacy_breach"},
      {"my explanation of benefits letter had some other patient's diagnosis on it", -1, "privacy", "privacy_breach"},
      {"The pharmacy faxed my results to my ex-wife", -1, "privacy", "privacy_breach"},
      {"Keep ignoring my son and see what happens", -1, "", "threat_of_violence"},
      {"she's gonna regret laughing at my mother", -1, "", "threat_of_violence"},
      {"Grandpa slipped and hit his head on the tile and the aide walked away", -1, "", "medical_emergency"},
      {"my daughter is breathing so fast and the nurse line won't pick up", -1, "", "medical_emergency"},
      {"got my meds stockpiled, nobody would notice if I was gone anyway", -1, "", "self_harm"},
      {"I really don't trust myself tonight", -1, "", "self_harm"},
      {"a veces siento que sería mejor no despertarme", -1, "", "self_harm"},
      {"Please preserve the security footage from the ER on Saturday night", -1, "", "legal_threat"},
      {"Expect a letter from my attorneys", -1, "", "legal_threat"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: look-alikes stay calm", "[classify][phrasing]") {
  const Case cases[] = {
      {"Five stars, the infusion nurses are the best", 0, "", ""},
      {"Not a single complaint, the surgery center ran like clockwork", 0, "", ""},
      {"oops wrong page, sorry!", 0, "", ""},
      {"We'll wait and see what happens after the next scan, fingers crossed", 0, "", ""},
      {"I hit my head on the car door lol, all good", 0, "", ""},
      {"This wait is killing me but the staff are sweet", 0, "", ""},
      {"My results were sent to my cardiologist, thank you for the quick turnaround", 0, "", ""},
      {"Great! Another healthy baby born on the 5th floor today", 0, "", ""},
      {"Are you still doing walk-in flu shots on Fridays?", 0, "", ""},
      {"Worst week of my life, my dad's cancer is back. The oncology nurse called me herself and it meant the world.", 0, "", ""},
      {"I hate this illness so much but the rehab team made those months bearable", 0, "", ""},
      {"I don't have a single complaint, the ortho clinic fixed my knee in one visit", 0, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: venting with the blame placed elsewhere", "[classify][phrasing]") {
  // Round 9: anger at an insurer, another business or a disease, said to be
  // nobody here's doing, is not a complaint; a complaint that only mentions
  // fault still is. Strong anger still outweighs the disclaimer (rules/README.md,
  // Round 9).
  const Case cases[] = {
      {"The insurer said no to my MRI again. Not your fault, you all tried.", 0, "", ""},
      {"The lab across the highway (not this one) lost my samples twice, what a mess", 0, "", ""},
      {"The gym by the clinic charged me twice, not related to the hospital, just venting", 0, "", ""},
      {"Whose fault is it that my bill went to collections? Nobody answers the billing line", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: the bad news belongs to someone else", "[classify][phrasing]") {
  // Round 22 (counter.rules praise22.*): the writer names who failed and it is
  // not the provider (a plan, an employer, a disease). The first three were
  // complaints before those rules; the last two blame the provider and stay
  // complaints whatever insurer they mention.
  const Case cases[] = {
      {"Our health plan dropped the pediatric dentist from the network this month. The plan, not the office, the front desk tried everything.", 0, "", ""},
      {"My employer changed carriers and now physical therapy needs a referral every six visits. Nothing the clinic can do about it.", 0, "", ""},
      {"Parkinson's is cruel. Dad can't button his shirt anymore.", 0, "", ""},
      {"My insurance denied the scan because your office sent the wrong code, and nobody will fix it", 1, "", ""},
      {"The clinic's billing office is the problem, not my insurance. Third bill with the wrong amount.", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: told to stop feeling it", "[classify][phrasing]") {
  // Round 22 (complaints.rules staff.quoted_dismissal): a patient or relative told
  // to calm down, stop complaining or the like, with or without quotes, and
  // Spanish reported speech in quotes. The first two were calm before those patterns;
  // instructions and advice stay calm.
  const Case cases[] = {
      {"At the check-in window the clerk told my grandmother to calm down and wait her turn", 1, "staff_attitude", ""},
      {"Los de la farmacia nos dijeron que 'no es nuestro problema'", 1, "staff_attitude", ""},
      {"The nurse told me to stop eating after midnight, easy enough", 0, "", ""},
      {"Dr. Ruiz told us that we should go home and rest, and she was right", 0, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: a judgement asked for, a wish held back", "[classify][phrasing]") {
  // Round 23 (plain.rules plain23.*): asking whether staff behaviour or a provider's act is
  // "normal" or "standard" asks the page to judge a failure; a thank-you that holds one wish
  // back carries its complaint at the end; "no shoutout to" is sarcasm. The first three were
  // calm before those rules. Questions about one's own body stay calm.
  const Case cases[] = {
      {"Is it standard to cancel a surgery the morning of by voicemail?", 1, "", ""},
      {"The dermatologist was thorough. I only wish the front desk hadn't sent us to the wrong building twice.", 1, "", ""},
      {"Shoutout to radiology, no shoutout to the valet stand.", 1, "", ""},
      {"Is it normal to be this tired two weeks after a c-section?", 0, "", ""},
      {"Is it normal for a newborn to hiccup after every feed?", 0, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: a bystander raising the alarm", "[classify][phrasing]") {
  // Round 23 (counter.rules praise23.bystander_report): someone warning the provider about
  // a danger on its premises is urgent but not a complaint. Both were complaints before the
  // rule; the urgent flag stays. A patient's own complaint with an alarm in it stays one.
  const Case cases[] = {
      {"Heads up to the ER: an older lady fainted in the garage on level 3 and she's not responding, please send someone out", 0, "", "medical_emergency"},
      {"Heads up to the pharmacy staff, a guy in the drive-thru line keeps saying he'll be back with his gun for the pharmacist", 0, "", "threat_of_violence"},
      {"Your ER left my mother on a stretcher in the hall for nine hours and now she is slurring her words, please send someone", 1, "", "medical_emergency"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: urgent signs said sideways (round 23u)", "[classify][phrasing]") {
  // Round 23u (urgent_broad.rules ub23.*, two extended medical and privacy patterns): a child
  // who may have swallowed pills, stroke signs told as "went slurred" and a hand that cannot
  // hold, harm promised as not walking out the way one walked in, a height looked up with no one
  // to notice, a child handed on with things given away, a private visit showing on a
  // relative's account. Each of the first six had no urgent reason before; the last two stay calm.
  const Case cases[] = {
      {"my son is 4 and might have swallowed a couple of my sleeping pills, he is acting dizzy", -1, "", "medical_emergency"},
      {"Grandma's speech went slurred at dinner and her right hand can't hold a fork", -1, "", "medical_emergency"},
      {"Tell that billing manager nobody's walking out of there the way they walked in next time", -1, "", "threat_of_violence"},
      {"I looked up how tall the hospital garage is. I don't think anybody would care.", -1, "", "self_harm"},
      {"He'll do better by her than I ever did. Giving away my things today.", -1, "", "self_harm"},
      {"My abortion follow up popped up on my mother-in-law's mychart", -1, "", "privacy_breach"},
      {"I'll be waiting in the parking lot for my wife after her scan", -1, "", ""},
      {"I looked up how far the new urgent care is, only ten minutes!", -1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: trouble said not to have happened, feelings aimed elsewhere (round 24)", "[classify][phrasing]") {
  // Round 24 (counter.rules praise24.*, billing24.denied): staff-manner and problem words
  // negated ("never rushed", "never had an issue"), anger at oneself or at an illness, and a
  // denial by an insurer alone are not complaints; each of the first five was one before
  // (checked). The look-alikes with the blame on the provider stay complaints.
  const Case cases[] = {
      {"The allergist never once rushed my grandfather, even when he told the same story twice.", 0, "", ""},
      {"Been coming to the foot clinic for six years and never had an issue with billing.", 0, "", ""},
      {"Furious with myself for skipping my checkups for five years.", 0, "", ""},
      {"Lupus sucks. Steroids suck. The rheumatology nurses do not.", 0, "", ""},
      {"My insurer denied the sleep study again. I am so done with them.", 0, "", ""},
      {"Nobody rushed to help when my dad slid out of his wheelchair in the lobby.", 1, "", ""},
      {"Never had a problem with this pharmacy until the new manager started.", 1, "", ""},
      {"Paid the copay at the desk and still got a statement saying I owe it.", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: a rule of who may be seen, a pointed last line (round 24)", "[classify][phrasing]") {
  // Round 24 (plain.rules plain24.*): an eligibility rule told as a fact, who could read a
  // private detail, a pointed closing line, sarcasm in the closing words or in praise said three
  // times. None of the first six was a complaint before (checked); the look-alikes stay calm.
  const Case cases[] = {
      {"The hand therapy clinic only sees patients whose surgeon is on your staff. Mine retired.", 1, "access", ""},
      {"The sleep center doesn't take Tricare anymore.", 1, "access", ""},
      {"The sign-in sheet sits on the counter by the door. Anybody can read who came in for what.", 1, "privacy", ""},
      {"The nurse at the window told me to read the sign. ok then", 1, "", ""},
      {"The tech told my son to hush. Real mature.", 1, "", ""},
      {"Love the online forms. Love filling them in twice. Love it.", 1, "", ""},
      {"The walk-in clinic takes patients of every age, even on Sundays.", 0, "", ""},
      {"Everyone can see how much work went into the new garden, thank you!", 0, "", ""},
      // Narrowed on review: gushing praise said three times, "anyone can see why", and "only
      // takes" before a duration were complaints with the first version of these rules.
      {"Love the nurses. Love the doctors. Love this place.", 0, "", ""},
      {"Anyone can see why this hospital is rated number one.", 0, "", ""},
      {"The hand clinic only takes adults now, so my son has to drive two hours.", 1, "access", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: only venting, counted attempts, left outside the lines (round 24b)", "[classify][phrasing]") {
  // Round 24b (counter.rules praise24.venting_disclaimer; plain.rules plain24.repeated_attempts,
  // plain24.es_no_interpreter, the district forms of plain24.eligibility_restriction): a post that
  // says it is only venting is not a complaint; a count of attempts at a procedure, a missing
  // interpreter said in Spanish and a home just outside the district are. Each verdict was the
  // other way before (checked).
  const Case cases[] = {
      {"Day four of this migraine and the meds aren't touching it. Just needed to vent somewhere.", 0, "", ""},
      {"Broke my wrist skiing, everything hurts. Rant over.", 0, "", ""},
      {"Five tries at my daughter's blood draw before anyone got a vein.", 1, "clinical_care", ""},
      {"No hay intérprete en la sala de emergencias después de las ocho.", 1, "access", ""},
      {"The school clinic says we live one street outside the district.", 1, "access", ""},
      // A promise of a review and a "not once" after praise (framing.reluctant, failure24.not_once,
      // praise24.negated_rudeness): each was a complaint before.
      {"I never leave reviews but I had to for the hand clinic.", 0, "", ""},
      {"I don't usually post, but I have to for the infusion nurses.", 0, "", ""},
      {"Dr. Osei never once talked down to my mother. Not once.", 0, "", ""},
      {"Not once did anyone call back about my biopsy like they promised.", 1, "", ""},
      // The provider said to have done its part (praise24.provider_did_its_part): a complaint before.
      {"Cigna denied the scan AGAIN. Your office did everything right. I could scream.", 0, "", ""},
      // Pests named in a patient area, a clinic closed to new patients (plain24.pests, the
      // "isn't taking new patients" form of plain24.eligibility_restriction): calm before.
      {"Vi cucarachas en el baño de la clínica.", 1, "facilities", ""},
      {"The only sleep clinic in the county isn't taking new patients.", 1, "access", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: the room's temperature, broken equipment, a judgement on the unit (round 24c)", "[classify][phrasing]") {
  // Round 24c (plain.rules plain24.temperature, plain24.nothing_working, the unit nouns and
  // "part of the training" of plain23.is_it_normal_for_staff; counter.rules
  // praise24.feeling_elsewhere's "X is brutal/hell"): each verdict was the other way before
  // (checked); egg freezing stays calm.
  const Case cases[] = {
      {"The chemo suite is a meat locker. Bring two sweaters.", 1, "facilities", ""},
      {"Is it normal for the ICU to move a patient at 3am without calling the family?", 1, "", ""},
      {"Is hanging up on callers part of the scheduling training?", 1, "", ""},
      {"The rehab gym has one working treadmill out of five.", 1, "facilities", ""},
      {"Dialysis is brutal. Radiation was hell. My care team is not.", 0, "", ""},
      {"My cousin asked about egg freezing at the fertility clinic, any tips?", 0, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: urgent signs said sideways (round 24u)", "[classify][phrasing]") {
  // Round 24u (urgent_broad.rules ub24.*): harm promised in person or ammunition bought "for"
  // the staff, another child's record under one's account, self-harm as a decision about how it
  // ends or a plot picked out with treatment given up. The first five had no urgent reason
  // before (checked); the last two stay calm.
  const Case cases[] = {
      {"He's telling folks at the feed store he'll get even with that surgeon face to face.", -1, "", "threat_of_violence"},
      {"A guy at the gun counter was buying a box of shells and said they were for the nurses on 4 West.", -1, "", "threat_of_violence"},
      {"There's a different little girl's allergy history under my son's account.", -1, "", "privacy_breach"},
      {"I've already decided how this ends for me.", -1, "", "self_harm"},
      {"I picked out my plot today. I won't be making my infusion next week.", -1, "", "self_harm"},
      {"I need to settle up with the billing office about my copay.", -1, "", ""},
      {"I won't be at Thursday's appointment, can someone call me to rebook?", -1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: negative words counted once, own slips and grief", "[classify][phrasing]") {
  // Round 10a: words of plain negative feeling count through the sentiment only,
  // words of dissatisfaction still make a complaint; one's own slip and a loss told
  // as remembrance are not complaints, a loss told with blame still is. Known limit:
  // strong personal distress alone ("so worried ... a horrible month") still scores
  // as a complaint through the sentiment.
  const Case cases[] = {
      {"Worst week of my life, my dad is in the ICU, please keep him in your prayers", 0, "", ""},
      {"Feeling terrible with this flu, awful night, but the urgent care doc was lovely", 0, "", ""},
      {"I accidentally booked two flu shot slots for Friday, can someone cancel the second one?", 0, "", ""},
      {"We lost our grandma last spring. The hospice nurses made her last days peaceful.", 0, "", ""},
      {"Heads up, the east car park is closed today for resurfacing, use the garage", 0, "", ""},
      {"Really disappointed that nobody called back about my biopsy", 1, "", ""},
      {"The worst service I've had at any clinic, two hours and no apology", 1, "", ""},
      {"We lost our dad because nobody checked on him for six hours", 1, "", ""},
      {"I accidentally found out from the portal that my surgery was cancelled", 1, "", ""},
      {"Your billing office is a joke", 1, "", ""},
      {"Fed up with being put on hold every single time I call", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: an age or a pregnancy is not a wait (round 34)", "[classify][phrasing]") {
  // Round 34 (counter.rules counter34.age_or_term, spanish.rules es.duration): any number of
  // weeks or months counted as time spent waiting, so a baby's age or a stage of pregnancy read
  // as a complaint ("tengo 7 meses", "my son is 3 months old today"). A wait told in the same
  // words stays a complaint.
  const Case cases[] = {
      {"Our daughter is 4 months old today, thank you to the NICU team who got her here!", 0, "", ""},
      {"I'm 6 months along, do you have a prenatal yoga class on weekends?", 0, "", ""},
      {"Estoy de 8 meses, ¿dónde son las clases para papás primerizos?", 0, "", ""},
      {"Mi niña de 3 semanas tiene su primera cita el viernes, ¿qué llevo?", 0, "", ""},
      {"We waited 3 months for this appointment and it got cancelled the day before", 1, "", ""},
      {"Ya van dos semanas y nadie me regresa la llamada", 1, "", ""},
      {"Le quitaron el yeso tres semanas tarde y ahora camina chueco", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("phrasing: attention on a screen, blame on the county, a wait understood (round 35)", "[classify][phrasing]") {
  // Round 35 (plain.rules plain35.attention_elsewhere, "says a lot" in plain.deadpan_tail,
  // counter.rules praise22.third_party_failed and counter35.wait_understood), sentences of our own.
  const Case cases[] = {
      {"The surgeon spent more time on his phone than talking to my dad", 1, "staff_attitude", ""},
      {"Three calls to billing, three different answers about my deductible. Says a lot.", 1, "", ""},
      {"The city cut the shuttle to the clinic and my aunt can't get to chemo now. Call your council members.", 0, "", ""},
      {"Two hours in the waiting room but they were swamped after the pileup on 95, totally understand", 0, "", ""},
      {"I understand they were slammed but nobody told us anything for two hours", 1, "", ""},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace turnaround::classify
