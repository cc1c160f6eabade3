// Round 84: families written after holdout85 was measured (complaints.rules `c84.who_gave_access`,
// counter.rules `counter84.doing_it_again`, urgent_broad.rules `ub84.*`, with new patterns in older
// homes: c79.fewer_x_more_y ("How about less X and more nurses?"), c55.facility_for_months ("out of
// service" since a holiday), c79.result_by_portal (a result that "popped up" in the app),
// c50.privacy_complaint (a clipboard with "reason for visit"), c46.anyone_can_read ("everybody in
// the waiting room can read it"), plain24.eligibility_restriction ("past their boundary"),
// c58.cold_in_coats (a room thermometer's number), c52.way_in (holes in the lot, "my alignment says
// hi"), c79.pet_names ("I'd prefer not to be called 'hon'"), c53.confidence_broken (a patient "by
// her real name in the elevator"), c57.booked_months_out (intake "six weeks out"),
// c57.learned_it_from_a_letter (found out "from an automated portal message"; it also took in
// c82.found_out_from_newsletter, its twin), plain.contradiction ("Which one is real?"),
// c52.service_stopped ("the cancer center quit taking ..."), c63.different_story ("The billing
// office is another story"), ub50.threat_half_in_person ("is going to hear from me in person"),
// ub.privacy_broad (a result faxed to a supervisor; "half the church knows"),
// ub83.es_farewell_letter ("Díganle a mi hija que su papá la quiso mucho"; round 85 moved that
// pattern to ub9.self_harm_farewell_acts, a full flag), ub64.only_reason
// ("the only reason I was still trying"), counter39.awareness_event (a gatekeeper class "on the
// 3rd"), counter45.regular_joke_milestone (loyalty cards; "7 lbs 9 oz of pure attitude") and
// counter48.gripes_that_did_not_happen ("tried to find something to complain about")), checked with
// sentences written for this test, not taken from any data set. The true cases failed before round
// 84; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 84: walk to your cars in pairs, we remember faces, a visit they won't like, a note "
          "that they'll be waiting, a result faxed to a supervisor, a Spanish goodbye, pills within "
          "reach",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"ER day shift better start walking to their cars in pairs.", "threat_of_violence"},
      {"Tell the night crew on 3 South we remember faces. You'll hear from me in person.",
       "threat_of_violence"},
      {"Whoever keeps calling my dad about this bill is going to hear from me in person, and they "
       "won't enjoy how that visit goes.",
       "threat_of_violence"},
      {"Somebody left a note in my locker that they know which tech called CPS and they'll be waiting.",
       "threat_of_violence"},
      {"The lab faxed my drug test result to my supervisor instead of to my doctor.", "privacy_breach"},
      {"Now half the church knows about my diagnosis.", "privacy_breach"},
      {"Ya no puedo más. Díganle a mi hija que su papá la quiso mucho.", "self_harm"},
      {"My counselor quit and he was the only reason I was still trying. The whole bottle is sitting "
       "right here next to me.",
       "self_harm"},
  };
  const char* const calm[] = {
      "Security says it's better to walk out in pairs after midnight since the lot lights are out.",
      "The kids at the daycare remember names so easily, it's sweet.",
      "Left a note on my car that my ride will be waiting at the north entrance.",
      "Half the town knew the new clinic was opening before the sign went up.",
      "Ya tengo todo listo para la cirugía del lunes, gracias por las instrucciones.",
      "The pharmacy said my refill is ready, picking it up after work.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 84: a gatekeeper class on a date is an event, not a crisis", "[classify][urgent]") {
  const char* const over[] = {
      "Free suicide prevention gatekeeper training at the senior center on the 3rd. Bring a friend.",
  };
  const testing::UrgentCase live[] = {
      {"I went to the suicide prevention gatekeeper class and now I want to end my life tonight.",
       "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 84: fewer logos more nurses, out of service since Christmas, a result in the app "
          "with no call, reason for visit on a clipboard, everybody in the room can read it, past "
          "their boundary, the room thermometer, holes in the lot, not 'hon', by her real name in the "
          "elevator, intake weeks out after a relapse, found out by automated message, which one is "
          "real, dropped mid-treatment, another story, who gave him access; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"How about less time on the new logo and more nurses on nights?", true},
      {"The only elevator in the garage has been \"temporarily out of service\" since before "
       "Christmas.",
       true},
      {"My scan results popped up in the app saying lesion, and no call from anyone.", true},
      {"The sign-in clipboard has a column for your reason for visit.", true},
      {"Everybody in the waiting room can read it.", true},
      {"Hospice says we're two miles past their boundary, so no visits.", true},
      {"The ICU family room thermometer read 60 all night.", true},
      {"Clinic parking lot 🕳️🕳️ bring a spare", true},
      {"I'd prefer not to be called \"hon\" at the front desk. I'm 70.", true},
      {"Two techs talked about my neighbor's scan by her real name in the elevator.", true},
      {"Relapsed last month and intake is six weeks out.", true},
      {"Found out my surgeon retired from an automated portal message.", true},
      {"Three texts about my MRI: Monday 8, Monday 9, Friday 8. Which one is real?", true},
      {"The cancer center quit taking Blue Ridge in the middle of my radiation.", true},
      {"Loved the nurses. The billing office is another story.", true},
      {"How does my ex have access to my chart?", true},
      {"Maybe less sugar and more veggies, my doctor says lol", false},
      {"Closed for the holiday, reopening Friday.", false},
      {"Biopsy posted to the portal, benign, and the nurse called within the hour.", false},
      {"The thermometer read 61 on the porch this morning, perfect fall day.", false},
      {"Parking lot was full so I parked on the street, my tires are fine lol", false},
      {"Found out from the nurse by phone, and she was lovely about it.", false},
      {"Two reminder texts came, one for me and one for my son. Which one is the fasting lab?", false},
      {"I stopped taking the blood thinner during my pregnancy, as my doctor said.", false},
      {"How do I get access to my mom's chart as her caregiver?", false},
      {"Dad is hiking again!", false},
      {"Mom's walking on her own again, thank you PT!", false},
      {"Third sprained ankle this year, do y'all have loyalty cards yet?", false},
      {"Welcome to the world, Luca! 7 lbs 9 oz of pure attitude.", false},
      {"I tried to find something to complain about after my gallbladder surgery. Nothing.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
