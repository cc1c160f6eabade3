#include "replies/lint.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace turnaround;
using namespace turnaround::replies;

namespace {

LintOptions Options() {
  LintOptions o;
  o.allowed_phones = {"(555) 010-2000", "+1 555 010 3000"};
  return o;
}

std::vector<std::string> Codes(const std::vector<Finding>& findings) {
  std::vector<std::string> codes;
  for (const Finding& f : findings) codes.push_back(f.code);
  return codes;
}

std::string Spanned(std::string_view reply, const Finding& f) {
  return std::string(reply.substr(f.begin, f.end - f.begin));
}

}  // namespace

TEST_CASE("[replies] good replies pass the PHI guard", "[replies]") {
  const char* kComment = "Waited 5 hours in the ER with my diabetes acting up, nobody cared!! Dr. Patel was rude";
  const char* kGood[] = {
      "Hi Maria, we're sorry to hear about the long wait. We'd like to learn more; please contact "
      "our patient relations team at (555) 010-2000 or care@example.org.",
      "If this is a medical emergency, please call 911 or go to the nearest emergency room.",
      "Please call or text 988 to reach the 988 Suicide & Crisis Lifeline, available 24/7.",
      "Thank you for the kind words! We'll share them with our team.",
      "We're open 8-5 on weekdays; call 555-010-2000 or 1 (555) 010-3000, or 010-2000 locally.",
      "Please don't post account numbers or other personal details here.",
      "Hola Ana, lamentamos mucho la larga espera. Por favor, comuníquese con nuestro equipo de "
      "atención al paciente al (555) 010-2000. Su privacidad es importante.",
      "Thank you for your patience while our teams look into your concerns.",
      "Our doctors and nurses work hard, and we'd like to learn more about your experience.",
      "We have served our community for 125 years.",
      "",
  };
  for (const char* reply : kGood) {
    CAPTURE(reply);
    auto findings = LintReply(reply, kComment, Options());
    CHECK(Codes(findings).empty());
  }
}

TEST_CASE("[replies] bad replies are flagged with code, span and severity", "[replies]") {
  struct Case {
    const char* reply;
    const char* comment;
    const char* code;
    const char* span;  // the text the finding must point at
    FindingSeverity severity;
  };
  const Case kCases[] = {
      // confirming a patient relationship
      {"We're sorry about your visit last week.", "", "confirms_patient", "your visit", FindingSeverity::kBlock},
      {"We reviewed your recent ER visit.", "", "confirms_patient", "your recent ER visit", FindingSeverity::kBlock},
      {"Sorry about your mother's surgery.", "", "confirms_patient", "your mother's surgery", FindingSeverity::kBlock},
      {"When you were here we should have done better.", "", "confirms_patient", "When you were here", FindingSeverity::kBlock},
      {"Our records show you were seen twice.", "", "confirms_patient", "Our records show", FindingSeverity::kBlock},
      {"Your records show no missed calls.", "", "confirms_patient", "Your records show", FindingSeverity::kBlock},
      {"As your doctor, I apologize.", "", "confirms_patient", "As your doctor", FindingSeverity::kBlock},
      {"Your procedure was rescheduled.", "", "confirms_patient", "Your procedure", FindingSeverity::kBlock},
      {"You were admitted on a busy night.", "", "confirms_patient", "You were admitted", FindingSeverity::kBlock},
      {"We treated you as fast as we could.", "", "confirms_patient", "We treated you", FindingSeverity::kBlock},
      {"Lamentamos lo de su cita de ayer.", "", "confirms_patient", "su cita", FindingSeverity::kBlock},
      {"Revisamos su expediente.", "", "confirms_patient", "su expediente", FindingSeverity::kBlock},
      {"Cuando estuvo aquí lo atendimos bien.", "", "confirms_patient", "Cuando estuvo aquí", FindingSeverity::kBlock},
      // health information
      {"We hope your diabetes is under control.", "My diabetes got worse after waiting",
       "repeats_health_info", "diabetes", FindingSeverity::kBlock},
      {"Sorry to hear about the seizures.", "she had a seizure in the lobby",
       "repeats_health_info", "seizures", FindingSeverity::kBlock},
      {"Esperamos que la quimioterapia vaya bien.", "Mi quimioterapia se retrasó",
       "repeats_health_info", "quimioterapia", FindingSeverity::kBlock},
      {"Our chemotherapy unit is very busy.", "the wait was awful", "health_info", "chemotherapy", FindingSeverity::kWarn},
      {"Nurse Kelly was out sick that day.", "", "staff_health_info", "Nurse Kelly was out sick", FindingSeverity::kBlock},
      {"Dr. Patel has had COVID this week, sorry.", "", "staff_health_info", "Dr. Patel has had COVID", FindingSeverity::kBlock},
      // dates, record numbers, phone numbers
      {"About the appointment on 3/14, we apologize.", "", "date", "3/14", FindingSeverity::kBlock},
      {"We see a note from 2024-03-14.", "", "date", "2024-03-14", FindingSeverity::kBlock},
      {"Sorry about March 3rd, 2024.", "", "date", "March 3rd, 2024", FindingSeverity::kBlock},
      {"Sorry about the 3rd of March.", "", "date", "3rd of March", FindingSeverity::kBlock},
      {"Lo sentimos por lo del 3 de marzo.", "", "date", "3 de marzo", FindingSeverity::kBlock},
      {"Please confirm your date of birth.", "", "date_of_birth", "date of birth", FindingSeverity::kBlock},
      {"We found MRN 00123456 in the system.", "", "record_number", "MRN 00123456", FindingSeverity::kBlock},
      {"Account #A1234 has been credited.", "", "record_number", "Account #A1234", FindingSeverity::kBlock},
      {"Reference 88812345 has been updated.", "", "record_number", "88812345", FindingSeverity::kBlock},
      {"Call Dr. Lee directly at 555-867-5309.", "", "phone_number", "555-867-5309", FindingSeverity::kBlock},
      {"Text me at (212) 555 0199.", "", "phone_number", "(212) 555 0199", FindingSeverity::kBlock},
      // template leftovers
      {"Hi {{author.first_name}}, sorry!", "", "unfilled_placeholder", "{{author.first_name}}", FindingSeverity::kBlock},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.reply, c.code);
    auto findings = LintReply(c.reply, c.comment, Options());
    auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.code == c.code; });
    REQUIRE(it != findings.end());
    CHECK(Spanned(c.reply, *it) == c.span);
    CHECK(it->severity == c.severity);
    CHECK_FALSE(it->message.empty());
    CHECK(HasBlocking(findings) == (c.severity == FindingSeverity::kBlock || Codes(findings).size() > 1));
  }
}

TEST_CASE("[replies] findings come back in text order", "[replies]") {
  std::string reply = "Call 555-867-5309 about your surgery on 3/14.";
  auto findings = LintReply(reply, "", Options());
  REQUIRE(findings.size() >= 3);
  CHECK(std::is_sorted(findings.begin(), findings.end(),
                       [](const Finding& a, const Finding& b) { return a.begin < b.begin; }));
  for (const Finding& f : findings) {
    CHECK(f.begin < f.end);
    CHECK(f.end <= reply.size());
  }
}

TEST_CASE("[replies] over-long replies are blocked for the platform", "[replies]") {
  CHECK(PlatformMaxChars("instagram") == 2200);
  CHECK(PlatformMaxChars("facebook") == 8000);
  CHECK(PlatformMaxChars("generic") == 0);
  LintOptions o;
  o.max_chars = 10;
  CHECK(Codes(LintReply("ñññññññññ!", "", o)).empty());  // 10 characters, 19 bytes
  auto findings = LintReply("ñññññññññ!!", "", o);
  REQUIRE(Codes(findings) == std::vector<std::string>{"too_long"});
  CHECK(findings[0].severity == FindingSeverity::kBlock);
}

TEST_CASE("[replies] a blocking finding needs an override reason", "[replies]") {
  auto blocked = LintReply("Sorry about your visit on 3/14.", "", Options());
  REQUIRE(HasBlocking(blocked));
  auto status = CheckOverride(blocked, "");
  CHECK(status.code() == core::Code::kConflict);
  CHECK_THAT(status.message(), Catch::Contains("confirms_patient") && Catch::Contains("date"));
  CHECK(CheckOverride(blocked, "  \n").code() == core::Code::kConflict);
  CHECK(CheckOverride(blocked, "person posted this publicly and asked us to confirm").ok());
  auto warned = LintReply("Our chemotherapy unit is busy.", "", Options());
  REQUIRE_FALSE(warned.empty());
  CHECK_FALSE(HasBlocking(warned));
  CHECK(CheckOverride(warned, "").ok());
}

TEST_CASE("[replies] the guard survives hostile input", "[replies]") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131) % 256);
  (void)LintReply(junk, junk, Options());
  (void)LintReply(std::string(5000, '1'), "", Options());
  (void)LintReply(std::string(3000, '{'), std::string(3000, '}'), Options());
  SUCCEED();
}
