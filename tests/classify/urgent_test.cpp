// Urgent posts written for this test (not taken from any data set): the many
// ways people say a person needs help now, in English and Spanish, direct and
// indirect, and the idioms that only sound alarming and must stay calm.
#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

#include <string>

namespace turnaround::classify {
namespace {

std::shared_ptr<const Classifier> Rules() { return testing::ShippedRules(); }

struct Case {
  const char* text;
  const char* reason;  // "" = must not be urgent
};

void Check(const Case& c) {
  INFO(c.text);
  model::Verdict v = Rules()->Classify(c.text);
  if (std::string(c.reason).empty()) {
    CHECK(v.urgent_reasons.empty());
  } else {
    REQUIRE_FALSE(v.urgent_reasons.empty());
    bool found = false;
    for (const std::string& r : v.urgent_reasons) found |= r == c.reason;
    CHECK(found);
    CHECK(v.severity == model::Severity::kUrgent);
  }
}

TEST_CASE("urgent: medical emergencies in progress", "[classify][urgent]") {
  const Case cases[] = {
      {"My wife has crushing pressure in her chest and the ER desk told her to wait", "medical_emergency"},
      {"Dad is gasping for air in room 12 and the call button does nothing", "medical_emergency"},
      {"my toddler's lips are blue, who do I call at this hour", "medical_emergency"},
      {"Found my brother unresponsive, the nurse line has me on hold", "medical_emergency"},
      {"mom won't wake up and her breathing sounds weird, please answer", "medical_emergency"},
      {"he started seizing in the pharmacy line and nobody came", "medical_emergency"},
      {"Her face is drooping on the left side and she's slurring her words", "medical_emergency"},
      {"He can't move his right arm, is this a stroke??", "medical_emergency"},
      {"I think my sister overdosed, she's not responding", "medical_emergency"},
      {"The cut on his head won't stop bleeding and we've waited 2 hours", "medical_emergency"},
      {"her throat is closing up, we used the epipen, what now", "medical_emergency"},
      {"An older man passed out on the sidewalk by your main entrance", "medical_emergency"},
      {"My 3 month old has a temp of 104 and the after hours line is busy", "medical_emergency"},
      {"my daughter drank some bleach, what do we do", "medical_emergency"},
      {"Mi esposo no respira bien y se puso morado, ayuda", "medical_emergency"},
      {"Mi mamá se desplomó en el estacionamiento", "medical_emergency"},
      {"tengo dolor en el pecho desde hace una hora y nadie me atiende", "medical_emergency"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("urgent: self-harm, direct and indirect", "[classify][urgent]") {
  const Case cases[] = {
      {"honestly I just want to die at this point", "self_harm"},
      {"I have been thinking about killing myself since the diagnosis", "self_harm"},
      {"my kids would be better off without me", "self_harm"},
      {"I can't keep going like this, nobody is helping me", "self_harm"},
      {"I have nothing to live for anymore", "self_harm"},
      {"I've been stockpiling my sleeping pills", "self_harm"},
      {"goodbye everyone, thanks for nothing", "self_harm"},
      {"I'm so tired of being alive", "self_harm"},
      {"started cutting again after they cancelled my therapy", "self_harm"},
      {"I don't want to wake up tomorrow", "self_harm"},
      {"I keep having thoughts of ending my life", "self_harm"},
      {"ya no quiero seguir, me quiero morir", "self_harm"},
      {"a veces pienso en quitarme la vida", "self_harm"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("urgent: threats of violence", "[classify][urgent]") {
  const Case cases[] = {
      {"if that doctor touches my mom again I will hurt him", "threat_of_violence"},
      {"someone needs to teach that front desk girl a lesson", "threat_of_violence"},
      {"I know where your billing manager lives", "threat_of_violence"},
      {"Your surgeon better watch his back", "threat_of_violence"},
      {"You'll regret treating my family this way", "threat_of_violence"},
      {"Next time I come in I'm bringing a gun", "threat_of_violence"},
      {"I should burn this place to the ground", "threat_of_violence"},
      {"te voy a matar si le pasa algo a mi hijo", "threat_of_violence"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("urgent: privacy breaches", "[classify][urgent]") {
  const Case cases[] = {
      {"I opened my portal and it had another patient's lab results", "privacy_breach"},
      {"My biopsy results were mailed to the wrong address", "privacy_breach"},
      {"The receptionist told my coworkers about my pregnancy", "privacy_breach"},
      {"my neighbor who works in your billing office looked through my chart", "privacy_breach"},
      {"Could hear the nurses in the hall laughing about a patient's weight", "privacy_breach"},
      {"this is a clear HIPAA violation and I want answers", "privacy_breach"},
      {"You gave my mental health records to my employer without my consent", "privacy_breach"},
      {"Me mandaron el expediente de otra persona", "privacy_breach"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("urgent: legal threats", "[classify][urgent]") {
  const Case cases[] = {
      {"You'll be hearing from my attorney", "legal_threat"},
      {"We are consulting a malpractice lawyer", "legal_threat"},
      {"I'm going to sue you for every penny", "legal_threat"},
      {"Filing a complaint with the medical board tomorrow", "legal_threat"},
      {"I reported this to the Joint Commission", "legal_threat"},
      {"Expect a lawsuit", "legal_threat"},
      {"mi abogado se va a comunicar con ustedes", "legal_threat"},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("urgent: idioms and calm posts stay calm", "[classify][urgent]") {
  const Case cases[] = {
      {"This wait is killing me", ""},
      {"my feet are killing me after a 12 hour shift, love my team", ""},
      {"I could die of embarrassment, I fell asleep in the MRI and snored", ""},
      {"Dying to know when the cafe reopens", ""},
      {"I'd kill for decent coffee in the cafeteria", ""},
      {"The nurses killed it at the holiday party", ""},
      {"Your new billing system is going to be the death of me lol", ""},
      {"I nearly died laughing at the clown in peds", ""},
      {"Shoot me a message when the flu shots are in", ""},
      {"We will beat this cancer together!", ""},
      {"Is the vaccine going to hurt her?", ""},
      {"I had a heart attack in 2019 and the cardiac team saved me", ""},
      {"Thank you Sue at the front desk for your patience", ""},
      {"How do I get a copy of my records sent to my new doctor?", ""},
      {"Do you accept power of attorney forms by email?", ""},
      {"The portal is not responding again", ""},
      {"That's odd, my appointment disappeared", ""},
      {"I took my medication this morning like the doctor said", ""},
      {"The app keeps seizing up on my phone", ""},
      {"Me muero de ganas de ver a mi bebé, gracias a las enfermeras", ""},
      {"Saying goodbye to our favorite nurse today, happy retirement!", ""},
      {"I filed a claim with my insurance, when will it be processed?", ""},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace turnaround::classify
