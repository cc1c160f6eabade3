// Round 40: families written after holdout41 was measured (urgent_broad.rules `ub40.*` and the
// round-40 pattern of `ub6.self_harm_not_around`, urgent_counter.rules `counter40.*`), checked
// with sentences written for this test, not taken from any data set.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

namespace turnaround::classify {
namespace {

TEST_CASE("urgent round 40: patient lists found in public, not being around for the date", "[classify][urgent]") {
  const testing::UrgentCase urgent[] = {
      {"Picked up a flash drive in the food court and it has patient names and diagnoses on it. Who do I give it to?",
       "privacy_breach"},
      {"A clipboard with a list of patients and their room numbers is sitting on the bench at the bus stop.",
       "privacy_breach"},
      {"Third call about my therapy referral. Honestly I don't think I'll still be around for whatever date you give me.",
       "self_harm"},
      {"i wont be here when you finally call back so dont bother", "self_harm"},
  };
  const char* const calm[] = {
      "Can I bring a flash drive to get a copy of my own MRI images?",
      "I left my binder of recipes at the diabetes class, did anyone find it?",
      "I won't be around for the health fair this year, good luck to the nurses' booth!",
      "I won't be here when you call Tuesday, please leave a voicemail.",
  };
  testing::ExpectFlaggedByRulesAndCalm(urgent, calm);
}

TEST_CASE("urgent round 40: a story that opens long ago and ends well today is called off", "[classify][urgent]") {
  const char* const over[] = {
      "Last winter my son stopped breathing from croup. Your ER had him breathing in minutes. He's six now and never quiet.",
      "Three years ago I collapsed at the county fair with a heart attack. I'm alive because your cath lab team was ready.",
      "Hace un año mi esposo tuvo un infarto en el trabajo. Hoy está en su casa jugando con los nietos.",
  };
  // Still going on: a past opening alone must not call it off.
  const testing::UrgentCase live[] = {
      {"Last year he had a seizure at school and right now he is seizing again and won't stop.", "medical_emergency"},
      {"Two months ago she started passing out and today she passed out again in your lobby, nobody came.",
       "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("urgent round 40: away for a trip or asking to move the visit is called off, a farewell is not",
          "[classify][urgent]") {
  const char* const over[] = {
      "I won't be around for the appointment on the 3rd, we're travelling, can you move it?",
      "I won't be around for my follow up next week, can we reschedule?",
  };
  const testing::UrgentCase live[] = {
      {"Three months on the waitlist, honestly I won't be around by then", "self_harm"},
      {"I won't be around for the appointment, I said my goodbyes already.", "self_harm"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

}  // namespace
}  // namespace turnaround::classify
