// Round 80: families written after holdout81 was measured (complaints.rules `c80.*`, counter.rules
// `counter80.*`, urgent_broad.rules `ub80.*`, with new patterns in older homes: failure39.ever_fixed
// (a longer place before "ever getting fixed"), c55.money_and_moments ("same month the clinic cut
// ..."), c52.way_in (a lot "still wasn't plowed", Spanish "es una pista de hielo", "no le echan
// sal"), c78.knew_before_i_told ("we hadn't told his mother yet"), plain24.eligibility_restriction
// (its home-visit pattern folded to also read "won't come up our road until ..."),
// c46.facility_failing (a light that buzzes or flickers), counter51.moved_up ("moved me up when a
// spot opened"), ub58.whole_group_knew (Spanish "en el trabajo todos saben de mi VIH"),
// ub48.threat_be_there_glass ("the next person who ... is going through that glass"),
// ub10.privacy_spread (a staffer's Snapchat story showing a relative; another child's whole chart
// in the portal),
// ub6.self_harm_not_around (a psychiatrist booked until summer, "not sure I'm going to be around
// for summer"), ub47.threat_return_wish_photo ("whoever made that call is going to wish they'd
// ..."); and one narrowing: counter27.legal_other_matter calls off "legal aid" only beside a
// landlord, housing, custody or immigration matter, not a letter to the hospital), checked with
// sentences written for this test, not taken from any data set. The true cases failed before
// round 80; the false ones guard the look-alikes.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 80: a Spanish whole workplace told, the next one through the glass, a Legal Aid "
          "lawyer's letter, a staffer's story, another child's chart, not around for summer, going "
          "to wish, out on soft ice, the care of Mom handed over",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Mandaron a una intérprete que es vecina de mi suegra. Ahora en el pueblo todos saben de mi embarazo.",
       "privacy_breach"},
      {"Four hours with a broken arm. The next nurse who tells me to be patient is going through that glass.",
       "threat_of_violence"},
      {"Tenemos un abogado de Legal Aid y ya le mandó una carta al hospital por el cobro.", "legal_threat"},
      {"A night nurse's TikTok video shows my mom in the hallway bed with her gown open.", "privacy_breach"},
      {"I opened the portal for my daughter and I see another 7-year-old's whole chart.", "privacy_breach"},
      {"Therapy intake is booked until spring. I doubt I'll be around for spring anyway.", "self_harm"},
      {"Whoever sent my husband's file to his boss is going to wish they'd never been born.",
       "threat_of_violence"},
      {"Lost the job, lost the house. Keep thinking about walking out on the lake ice where it's thin.",
       "self_harm"},
      {"He gave his dog to the neighbors on Sunday and asked me to look after Mom.", "self_harm"},
  };
  const char* const calm[] = {
      "En el trabajo todos saben de mi cumpleaños porque traje pastel.",
      "The next person in line is going through the door on the left for check-in.",
      "The nurse posted an Instagram story of her own kid at the fun run.",
      "We saw a different doctor this time and she had read the whole chart.",
      "First opening is in June. Not sure I'll be here for summer, we might move, can you check Duluth?",
      "You're going to wish you'd brought a jacket, the lobby is freezing.",
      "Thinking about driving out on the ice for the derby Saturday, is the first aid tent going to be there?",
      "My sister asked me to look after the kids while she's at her appointment, back by noon.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 80: a legal aid lawyer in a housing case is called off; one who wrote to the hospital "
          "is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "The legal aid lawyers in the clinic lobby helped us fight the eviction, thank you for hosting them.",
  };
  const testing::UrgentCase live[] = {
      {"We have a legal aid attorney now and she already sent a letter to the hospital about this bill.",
       "legal_threat"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("round 80: handled like garbage, caught before I took it, one of these days, a level 5 "
          "charge, dropped what it used to run, nowhere for parents to sleep, allowed until suddenly, "
          "not his place, only a cream then worse, a little wait long enough, real jobs, ever getting "
          "fixed, same month they cut, not plowed, an ice rink, hadn't told yet, a road until, a "
          "buzzing light; the look-alikes",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"The tech picked up my son's stuffed rabbit with two fingers like it was contaminated.", true},
      {"The pharmacist caught the mix-up before my mom swallowed anything.", true},
      {"That cracked tile by the elevator has been there all winter. One of these days somebody's going to "
       "fall.",
       true},
      {"Level 5 charge for a splinter.", true},
      {"The clinic cut the free blood pressure checks it used to run at the senior center.", true},
      {"Burn unit has no place for parents to sleep.", true},
      {"Prayer shawls were welcome on the unit until last month, then suddenly they're a hazard.", true},
      {"El señor de seguridad me preguntó de dónde soy. Eso no le corresponde a él.", true},
      {"En la clínica nomás me dieron una pomada. A los tres días se me infectó la herida.", true},
      {"Slight wait at the lab today. Long enough to read a whole magazine twice.", true},
      {"The desk lady told my dad some of us have real jobs.", true},
      {"Is the hot water in the second floor family shower room ever getting fixed?", true},
      {"Logo on the hockey boards, same month the clinic cut its evening hours.", true},
      {"A foot of snow overnight and the clinic lot still wasn't plowed at 8.", true},
      {"El estacionamiento de la clínica es una pista de hielo.", true},
      {"The pharmacy called the house about her chemo pills. We hadn't told her father yet.", true},
      {"Hospice said they won't come up our road until it dries out. He is on oxygen.", true},
      {"Fluorescent light in room 4 flickers like a strobe.", true},
      {"Final bill came in $450 under the estimate.", false},
      {"Stitches at the walk-in cost me $0 with Medicaid.", false},
      {"Three hours at urgent care, they were working as fast as humans can.", false},
      {"Two hours at the ER tonight, flu everywhere. Just posting so folks can plan.", false},
      {"The doctor asked if I had tried \"not running on ice.\" Fair.", false},
      {"Dad is in the ICU and every time my phone buzzes I jump.", false},
      {"They moved me up a week when a slot opened.", false},
      {"The new family suites have a place for parents to sleep, thank you donors!", false},
      {"One of these days I'm going to run the half marathon the hospital sponsors.", false},
      {"There was a little wait, but the nurse checked on us often.", false},
      {"Visitors were allowed until 8, now it's 9, thanks for listening to families!", false},
  };
  testing::ExpectComplaintByRules(cases);
}

}  // namespace
}  // namespace turnaround::classify
