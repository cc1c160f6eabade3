// Round 65: families written after holdout66 was measured (complaints.rules `c65.*` and, since
// the second reading, c59.patronized and c59.as_if_absent, with new
// patterns in c60.says_one_thing ("your billboard on Route 9 says"), c60.appointment_clock
// ("Checked in for 9:45 ... Seen at 12:20."), c53.no_interpreter_more (none after 6pm,
// "understood maybe half"), c58.cold_in_coats ("was 57 degrees") and c60.dose_caught ("thank
// god the night nurse caught it"); counter.rules `counter65.*` and patterns in
// counter51.moved_up ("Sooner!"), counter54.not_on_you ("not the clinic's doing"),
// praise.wellwishes ("say a little prayer") and praise23.bystander_report ("posting in case
// security doesn't know"); spam.rules spam.offer and spam54.claim_and_release; urgent_broad.rules
// `ub65.*` and widened ub64.only_reason and ub64.no_point_tonight), checked with sentences
// written for this test, not taken from any data set. The true cases failed before round 65;
// the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 65: back in that same place with the pills, the reason I'm still here, "
          "'call again and I'll come find whoever', a threat keyed into a car",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"The pills from June are back in my drawer. I'm back in that same place tonight.", "self_harm"},
      {"My sponsor moved away. He was truly the reason I'm still here. I don't see the point of a new one. Or of "
       "much else tonight.",
       "self_harm"},
      {"Text this number again and I'll come find whoever is on the other end.", "threat_of_violence"},
      {"Someone keyed 'you're dead' into my wife's car in the hospital garage.", "threat_of_violence"},
  };
  const char* const calm[] = {
      "My pills are all laid out on the counter in the weekly organizer, thanks pharmacy.",
      "I'm back at that same place where I got my flu shot last year.",
      "Call me again and I'll find the forms for you.",
      "My nephew wrote 'you're next' on the dry-erase board at the dentist, so cute.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 65: paid-for reviews, a party while supplies ran out, talked past and talked "
          "down to, a speaker and a letter that told others, turned away for one document, hours "
          "that shut workers out, an app that needs a newer phone, two plans, gossip in the "
          "elevator; the counters (found items, 'stuck with me', kind news, moved sooner) and "
          "look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"Free coffee mugs for anyone who posts a five-star review. Feels a lot like buying reviews.", true},
      {"A rooftop party for donors the same week the NICU ran out of breast pumps.", true},
      {"New mascot for the children's wing. Does it come with more nurses?", true},
      {"The cardiologist spoke only to my daughter and never once looked at me.", true},
      {"The resident talked to my wife instead of to me, and I'm the one with the tumor.", true},
      {"The nurse asked my grandmother very slowly, \"do you understand English?\" She was born in Ohio.", true},
      {"The pharmacy tech read all of my prescriptions over the speaker at the drive-thru.", true},
      {"The letter from the addiction clinic was mailed to my parents' house.", true},
      {"Me dijeron que sin comprobante de domicilio no califico para la tarifa reducida.", true},
      {"The patient app requires a newer phone now, mine is only three years old.", true},
      {"Day nurse said one plan, night doctor said the opposite of what the day nurse said. Please talk to each "
       "other.",
       true},
      {"Two techs were laughing about my biopsy in the elevator.", true},
      {"No Haitian Creole interpreter after 6pm, so my aunt understood maybe half.", true},
      {"The outpatient lobby was 57 degrees this morning.", true},
      {"Your billboard on Route 9 says \"No waits.\" Sure.", true},
      {"Free coffee for anyone who posts a five-star review about the new café? Love the café anyway.", false},
      {"The surgeon talked to me and my daughter together, explained everything twice.", false},
      {"Found: a pink scarf near radiology. Turned it in at the information desk.", false},
      {"Three years cancer free. Infusion nurses, you're stuck with me.", false},
      {"The hardest news of my life, delivered with such kindness.", false},
      {"He never once looked at his watch the whole hour we talked.", false},
      {"They moved my MRI. Sooner! Next week instead of March.", false},
      {"Every time the ambulance goes by I say a little prayer.", false},
      {"The new insurance at work has a $7,000 deductible. Not the clinic's doing, just venting.", false},
      {"Claim your FREE $750 pharmacy allowance card today at senior-benefits-now.info", false},
      {"Your page has been reported for copyright violation and will be disabled within 24 hours.", false},
      {"I closed at 5 but my coworker stayed.", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
