// Round 56: families written after holdout57 was measured (complaints.rules `c56.*`; counter.rules
// `counter56.*`; structure.rules `expectation.broken` no longer reads "told me not to ..." as a
// broken promise; spam.rules `spam56.verify_or_be_cancelled`; urgent_broad.rules `ub56.*`),
// checked with sentences written for this test, not taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 56: affairs put in order, leaving in worse shape", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Pain every day, lost the job, lost the house. I've got my affairs in order now. Thanks to the nurses "
       "who tried.",
       "self_harm"},
      {"If they bump my dad's scan one more time somebody in that office is leaving in worse shape than him.",
       "threat_of_violence"},
  };
  const char* const calm[] = {
      "I've put my papers in order for the move, can you send my records to the new clinic?",
      "Went home in better shape than I came in. Thank you, 3 North.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 56: a place that should know better, two clock times, the rest of the staff, a list "
          "nobody checks",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"For a spine clinic you'd think the chairs in the lobby would have backs.", true},
      {"Big thanks to the one friendly scheduler. The rest of the office could take notes.", true},
      {"Raffling off gift cards for reviews is not how reviews work.", true},
      {"My mom passed last spring and the portal still emails her reminders. Please update your records.", true},
      {"Checked in at 1:10 for a 1:15. Got called back at 3:40.", true},
      {"There's nowhere to park a wheelchair van at the new entrance.", true},
      {"I asked the tech to slow down because I'm deaf in one ear. He just kept talking faster.", true},
      {"The trainer told my daughter's coach about her scan results before we saw them.", true},
      {"No Spanish-speaking receptionists at the south clinic, in that neighborhood.", true},
      {"Is it normal to wait three hours for a sling?", true},
      {"Nice new billboard. Maybe next fix the phones.", true},
      {"Pagué la consulta con tarjeta y ahora me llega otra factura.", true},
      {"La clínica no tiene rampa y mi abuela casi se cae en las escaleras.", true},
      {"The school keeps losing the form. Not you guys, the school.", false},
      {"@Rita Lowe not my experience at all, they fixed my bill in a day.", false},
      {"I didn't want the boot, but Dr. Haines was right.", false},
      {"Hated the idea of a brace. Two months later, no pain.", false},
      {"Medicaid said no to the wheelchair. Your staff helped me appeal at least.", false},
      {"6 weeks post-op and back on my bike.", false},
      {"This firm represents a patient seen on March 4. Please treat this as a request to preserve all records.",
       false},
      {"Who was the nurse in recovery Tuesday? We never caught her name and my dad wants to thank her.", false},
      {"Sprained my ankle for the third time playing pickup, see you Monday lol.", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Portal notice: all patients must re-verify insurance and SSN at clinic-portal-verify.com or "
                          "upcoming appointments will be cancelled.")
            .spam);
  CHECK_FALSE(shipped->Classify("Do I need to bring my insurance card to the appointment?").spam);
}

}  // namespace
}  // namespace turnaround::classify
