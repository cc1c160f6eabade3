// Round 60: families written after holdout61 was measured (complaints.rules `c60.*`, with new
// patterns in c52.mail_that_hurts (mail to the dead), c52.way_in (dark lots, potholes),
// c51.guess_what (a drug given despite an allergy), c53.called_just (sent home with a verdict),
// c41.who_do_i_even ("where do you suggest I go"), c54.es_hours_and_language ("no tienen nada"),
// c57.read_out_in_front (over the speaker), c49.dismissed_blamed (a quote before "being
// dramatic"), broad.staffing (one on duty), and "thanks for not ..." narrowed to failures in
// sarcasm.thanks_for_nothing and sarcasm.mention; counter.rules `counter60.*`, with new patterns
// in counter45.fairness_defence, counter45.lost_and_found, praise24.negated_manner,
// counter59.employer_not_us and counter58.lawmakers; spam.rules `spam60.*`; urgent_broad.rules
// `ub60.*`, with new patterns in ub14.legal_process and ub39.self_harm_wont_be_needing), checked
// with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 60: no reason not to, told them I was not safe, a farewell that needs nothing "
          "more, armed and done with the police, papers to serve",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Honestly I can't come up with a single reason not to.", "self_harm"},
      {"Worked 30 years at the mill and now I can't think of one reason to keep going.", "self_harm"},
      {"I told the nurse I wasn't safe and they discharged me anyway. I'll take care of it myself tonight.",
       "self_harm"},
      {"Gave my tools to my nephew and paid off the loan. Won't be needing them anymore. Forgive me, everyone.",
       "self_harm"},
      {"I have a shotgun at home, and next time that man shows up at her unit I'm not calling the police.",
       "threat_of_violence"},
      {"I have papers to serve on the hospital. Where is your registered agent?", "legal_threat"},
  };
  const char* const calm[] = {
      "I can't think of a reason not to recommend the sleep clinic, they were great.",
      "I won't be needing a ride after all, my son is driving me.",
      "Studying to become a process server, any tips on courthouse parking?",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 60: a raffle paid by app and a login asked for in the comments are spam", "[classify]") {
  const auto rules = testing::ShippedRules();
  CHECK(rules->Classify("Holiday raffle! Tickets $25 each via Cash App to $WinATruck. Share to enter!").spam);
  CHECK(rules->Classify("Security notice: reply to this post with your username and password to keep your "
                        "patient account.")
            .spam);
  CHECK_FALSE(rules->Classify("I forgot my portal username and password, who do I call to reset it?").spam);
}

TEST_CASE("round 60: the booked time against the clock, mail to the dead, news heard elsewhere, a "
          "dark or broken lot, a listed allergy, a dose caught by the patient, staff having fun, a "
          "shrug, 'así no se puede', papers left sitting, a list read aloud, one on duty, sent home "
          "with a verdict, born on the way, the provider's own words, 'being dramatic', thanks for "
          "not calling; thanks for not rushing, a surgery wished sooner, a commenter answered, "
          "others' gripes, leaving, lost and found, a doubter converted, an unhurried doctor, an "
          "employer, lawmakers",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Here at 2:40 for a 3:00 appointment. It's 5:25.", true},
      {"Another birthday card from your clinic addressed to my wife. She died on your cancer floor last winter.",
       true},
      {"The potholes in the parking lot at the women's clinic are a hazard for wheelchairs.", true},
      {"They gave my son the antibiotic even though his allergy band said penicillin.", true},
      {"The pharmacy filled 25 mg instead of 2.5. I only caught it because the pill was the wrong shape.", true},
      {"Asked if they had anything closer to home. Got a shrug.", true},
      {"Ten pages of discharge instructions and nobody went over any of them with my mother.", true},
      {"You sent my father home saying it was heartburn. He had a heart attack the next morning.", true},
      {"Sent home from triage at 5 cm. My daughter was born in the car in the parking lot.", true},
      {"Your website says you take my plan. The billing office says otherwise.", true},
      {"Another new logo on the trucks. Pay your nurses.", true},
      {"The surgeon told me I was 'being dramatic.' It was appendicitis.", true},
      {"Why did I have to find out from the pharmacy that my surgery was cancelled?", true},
      {"My scan results showed up in the app on a Saturday night. No call from a doctor.", true},
      {"My mom's call light on for an hour while the nurses filmed a dance video. Glad someone's having fun.", true},
      {"Dos horas esperando con fiebre en la sala. Así no se puede.", true},
      {"My prior authorization request has been sitting with your office since October.", true},
      {"The receptionist read my diagnosis out loud in front of the whole waiting room.", true},
      {"Forty people in the lab line and one phlebotomist working.", true},
      {"Thanks for not calling to say the clinic was closed. Drove an hour for nothing.", true},
      {"Thank you for not rushing us the day we said goodbye to Mom.", false},
      {"Dreaded my cataract surgery for a year. Should have done it sooner!", false},
      {"I get that you're frustrated, but the front desk has zero say over your insurance.", false},
      {"Be mad at the insurance company, not the nurse who stayed late with your dad.", false},
      {"The parking app everybody complains about? Worked fine for me today.", false},
      {"Only bad part of my stay was leaving. The night nurses spoiled me.", false},
      {"Found a little stuffed lamb in the elevator and left it at the front desk for its owner.", false},
      {"I was wrong about that place. They saved my husband's leg.", false},
      {"The oncologist sat with us for an hour and never once looked at her watch.", false},
      {"My employer at the plant won't give me light duty after surgery. Any evening hours?", false},
      {"Congress still hasn't extended the telehealth waiver, so my video visits may end.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
