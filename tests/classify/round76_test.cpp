// Round 76: families written after holdout77 was measured (complaints.rules `c76.*`,
// counter.rules `counter76.*`, with new patterns in older homes: plain23.is_it_normal_for_staff
// ("part of training for ... to", "or is that just a ... thing?"), failure39.ever_fixed ("? Should
// we bring blankets", now weight 3), c62.who_designed_that ("Who decided to ..."), c57 (Spanish
// "¿quién aprobó esos ...?"), c74.called_it_wrong (appendicitis "diagnosed as gas"),
// c47.that_was_day (a date sent, then "today is" a later date), plain.talks_down ("me habló
// feísimo"), plain.rhetorical_tail ("why does every form"), framing.reluctant ("how about picking
// up"), plain.clock_elapsed (appointment time, then roomed and seen times), c43.voicemail_named_it
// (voice mails, plural), c51.place_and_things (buckets under a roof leak),
// counter48.own_fault_elsewhere ("(not the hospital)"), ub6.self_harm_not_around (done, and "won't
// be around for an April appointment anyway"), ub70.wound_infected_now (fever told before the
// wound), ub11.privacy_fact_audience (a neighbour who knew, a relative who works there, never
// told), counter27.legal_other_matter (our estate attorney is no longer called off; a talk with an
// attorney is), counter39.awareness_event (a class with a date; symptoms shared "it could save
// a life"), uc75.without_fainting ("nearly turned into a passing-out contest") and
// counter37.medical_years_ago ("saved him with minutes to spare")), checked with sentences written
// for this test, not taken from any data set. The true cases failed before round 76; the false
// ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 76: done and not around for the appointment anyway, a fever before a draining "
          "wound, a neighbour who knew, the next request from our estate attorney",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"they moved my psych follow-up to april. i'm done. i won't be around for an april appointment anyway.",
       "self_harm"},
      {"Sent home yesterday after my hernia repair, now chills and a 102 fever and the incision is draining.",
       "medical_emergency"},
      {"My neighbour mentioned my miscarriage at the mailbox. Her husband works in your OB office. I hadn't "
       "told anyone.",
       "privacy_breach"},
      {"Fourth letter asking for Dad's chart. The next request comes from our estate attorney.", "legal_threat"},
  };
  const char* const calm[] = {
      "I won't be around for the April appointment anyway, we're moving to Tulsa, please cancel it.",
      "I had chills and a 101 fever last week; the incision is healing nicely now.",
      "My neighbour asked about my surgery at the mailbox, sweet of her. Her son works at your front desk.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 76: a class with a date, stroke signs shared to save a life, a passing-out joke, a save "
          "with minutes to spare, a talk with an attorney are called off; the live ones are not",
          "[classify][urgent]") {
  const char* const over[] = {
      "Free QPR suicide prevention class for youth pastors, Oct 3 at the church hall.",
      "Stroke signs: face drooping, arm weakness, slurred speech. Please share, it could save a life.",
      "My son went into anaphylaxis at a picnic last spring and the Ridgeview ER saved him with minutes to spare.",
      "Free talk with a personal injury attorney on your rights after a crash, Thursday at the library.",
  };
  const testing::UrgentCase live[] = {
      {"My son is going into anaphylaxis at a picnic right now and the EpiPen isn't working.", "medical_emergency"},
      {"Our estate attorney will be filing suit over what your ICU did to my father.", "legal_threat"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 76: training that includes gossip, blankets for a broken heater, who decided, a "
          "appendicitis called gas, dates, a curt reply, every form, how about, appointment "
          "times, voicemails, buckets, absurd when, a heads-up never given, seasons, not ideal, "
          "or do we just, could be friendlier, bad timing, a thank-you from those who cut, a "
          "slammed window, a status that never moves, why can I ... but; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Is it part of training for techs to chat about patients in the elevator? Or is that just a weekend thing?",
       true},
      {"Is the heat in the infusion room ever going to be fixed? Should we bring blankets?", true},
      {"Who decided to move the pharmacy to the basement with no elevator", true},
      {"Le dieron gelatina con azúcar a mi papá diabético. ¿Quién aprobó esos menús?", true},
      {"Urgent care diagnosed my appendicitis as gas. Appendix came out the next morning.", true},
      {"Referral faxed Sept 4. Today is Nov 19.", true},
      {"El guardia me habló feísimo.", true},
      {"Why does every form want my whole life story", true},
      {"how about picking up the phone", true},
      {"Appt 2:00. Roomed 3:45. Seen 4:30.", true},
      {"Please quit leaving voice mails with my results.", true},
      {"Love the buckets catching the roof leak in the lobby.", true},
      {"Printing the parking map in tiny gray type seems silly when most of your patients are over 65.", true},
      {"Learned my clinic closed from a sign on the door. Thanks for the heads up.", true},
      {"Arrived in summer, seen in fall. The ortho walk-in keeps its own calendar.", true},
      {"Not ideal that the only wheelchair in the lobby has a flat tire.", true},
      {"Is there a pediatric dentist anywhere in the county that takes Medicaid? Or do we just pray?", true},
      {"The gentleman at the lab desk could be a little friendlier to people who don't speak English.", true},
      {"Announcing the layoffs on a Friday afternoon wasn't the best timing.", true},
      {"A thank-you email from the hospital that just cut our cafeteria hours.", true},
      {"Asked the clerk one question and got a sigh and a slammed window.", true},
      {"Claim submitted in June and the portal still says 'processing'.", true},
      {"Why can I order pizza at midnight but can only book a flu shot by phone?", true},
      {"El médico no tuvo ni tantito de paciencia con mi mamá.", true},
      {"Not happy to be back in the ER again, but happy it's this one. Best crew.", false},
      {"Didn't expect much from an urgent care in a strip mall and I was completely wrong. Best stitches ever.",
       false},
      {"Three hour wait at the ER, brought snacks, got stitches. Good day overall.", false},
      {"It's so unfair. Cancer doesn't care how young you are.", false},
      {"Scary diagnosis, but the oncology team made me feel like a person, not a chart.", false},
      {"The ambulance company (not the hospital) billed me $1,900 for a six mile ride.", false},
      {"Why can I take ibuprofen but not aspirin before surgery?", false},
      {"Sounds silly, but the warm blankets made my day.", false},
      {"Thanks for the heads up about the road closure, we found another way in.", false},
      {"The staff could not be friendlier.", false},
      {"Le tuvieron mucha paciencia a mi hijo, ni un poco de prisa.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
