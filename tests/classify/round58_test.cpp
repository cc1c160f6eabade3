// Round 58: families written after holdout59 was measured (complaints.rules `c58.*`, with new
// patterns in c52.mail_that_hurts and c57.scare_quoted_promise; general.rules gen.sarcastic_thanks;
// counter.rules `counter58.*`; spam.rules spam57.gift_card_payment and a narrower
// "DM me" in spam.promotion; urgent_broad.rules `ub58.*`
// and a pattern in ub43.legal_practices_law), checked with sentences written for this test, not
// taken from any data set.
#include <catch2/catch.hpp>

#include "classify/classifier.h"
#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("round 58: pills set aside, a last thank-you, a rash that stays under a glass, a private "
          "result in a parent's app, staff addresses posted, a congregation that knew, a relative's "
          "law office",
          "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Since the layoff I've been saving up my sleeping pills in a sock drawer.", "self_harm"},
      {"To the oncology nurses: you were good to my wife. I need you to know before I go.", "self_harm"},
      {"Her rash is little red dots that don't fade when I press a glass on them, and she's burning up.",
       "medical_emergency"},
      {"My son's HIV test popped up on my patient portal account before he even knew the result.",
       "privacy_breach"},
      {"Somebody shared the night nurses' phone numbers and home addresses on a community page.",
       "threat_of_violence"},
      {"Within a week the entire bible study knew about my diagnosis. I had told only my doctor.",
       "privacy_breach"},
      {"My uncle practices law downtown. His firm will be in touch about my father's surgery.", "legal_threat"},
  };
  const char* const calm[] = {
      "I'm saving my receipts for the pharmacy so insurance pays me back.",
      "Before I go home tonight, thank you to the recovery nurses!",
      "The bruises from her IV are fading nicely.",
      "His lab results are in my portal now, thanks for linking our accounts.",
      "Please share the names and addresses of the flu clinics this weekend.",
      "Our whole ward knew about our pregnancy before the first scan, we told everyone.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("round 58: a better system, days gone by, wait or leave, a page that answers praise, coats "
          "indoors, 'salt exists', a post that shows a chart, a visit that slid; families staying a "
          "while, pregnancy weeks, lawmakers, road work, anger that spares the staff",
          "[classify]") {
  const testing::ComplaintCase cases[] = {
      {"An hour in line for a flu shot with a newborn. Surely there's a better system.", true},
      {"Left a voicemail for the nurse Tuesday. It's Friday.", true},
      {"By noon the desk said we could wait it out or go home and try again Monday.", true},
      {"Y'all reply to every birthday post within the hour but my question about the surgery bill has "
       "nothing.",
       true},
      {"The lobby at the Elkins clinic is freezing, people waiting in their coats and gloves.", true},
      {"Nobody wiped the exam table between kids. Hand sanitizer exists.", true},
      {"Your new video from the ER shows the patient board, and the names are legible if you zoom in.", true},
      {"Her 4 month check up got moved to 6 months.", true},
      {"We sat through three episodes of cartoons before a nurse came to look at her arm.", true},
      {"The phlebotomist told my shaking daughter to grow up. You work at a pediatric clinic.", true},
      {"The recliner in dad's room is so old you can feel the metal bars through it.", true},
      {"The after-visit summary says 'f/u PRN, hx HTN.' We're not nurses. What does any of it mean?", true},
      {"Sunday the steps to the Beckley clinic were solid ice. Nobody salted.", true},
      {"A $12 parking fee for chemo patients? Really?", true},
      {"Shout out to the receptionist who laughed at my son's stutter. Real professional.", true},
      {"Got a 'time for your annual exam' postcard for my wife who passed away in June.", true},
      {"We're up from Welch for about two weeks while he's in the cardiac unit. Any cheap hotels?", false},
      {"30 weeks and still throwing up. Is that normal? Not blaming anyone.", false},
      {"Lawmakers stalling on the miners' health fund while my grandpa gasps for air.", false},
      {"FYI there's road construction on the way to the cancer center, give yourself time.", false},
      {"Day 15 in the PICU and our boy is sitting up.", false},
      {"We couldn't find one thing to gripe about after his surgery here.", false},
      {"My labor took almost 20 hours and the midwives never left my side.", false},
      {"Angry at the drunk driver, at the weather, at everything except the people who saved my son.", false},
      {"Mi bebé vomitó tres veces esta noche, ¿a qué hora abre la clínica?", false},
  };
  testing::ExpectComplaintByRules(cases);
  const auto shipped = testing::ShippedRules();
  CHECK(shipped->Classify("Billing office notice: your account is past due. Pay now before collections 👉 "
                          "clinic-pay.online")
            .spam);
  CHECK_FALSE(shipped->Classify("I got a collections letter for a bill I already paid. Who do I call?").spam);
  // A bare "DM me" is a patient asking to be contacted privately, not a lure.
  CHECK_FALSE(shipped->Classify("Can someone from the Logan clinic DM me? I've called four times about my refill.").spam);
  CHECK_FALSE(shipped->Classify("Our church is gathering blankets for families in the ICU waiting room. DM me to help!").spam);
  CHECK(shipped->Classify("Selling cheap scrubs, all sizes, DM me for the price list").spam);
  CHECK(shipped->Classify("I earned $4,500 last week from home!! DM me 'START'").spam);
}

}  // namespace
}  // namespace turnaround::classify
