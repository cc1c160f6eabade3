// The PHI guard: checks a reply before it is posted in public.
//
// A hospital must not confirm in public that someone is (or was) a patient, nor repeat
// health information, even when the person posted it themselves (HHS guidance on HIPAA
// and social media). LintReply finds what a reviewer would object to and says where.
//
// Findings are advice with a severity. A kBlock finding stops the reply unless the agent
// confirms with a reason; the caller records that override (CheckOverride helps decide).
// Heuristic, English and Spanish: it errs towards warning, and a clean result is not a
// guarantee. Pure functions, thread-safe.
//
// Codes (severity):
//   confirms_patient (block)     "your visit", "when you were here", "su cita", ...
//   repeats_health_info (block)  a health term from the vocabulary that the comment used too
//   health_info (warn)           a health term the comment did not use
//   staff_health_info (block)    a named staff member and a health term in one sentence
//   date (block)                 a calendar date (a possible date of service)
//   date_of_birth (block)        "date of birth", "DOB", "fecha de nacimiento"
//   record_number (block)        MRN/account/claim numbers, or any run of 6+ digits
//   phone_number (block)         a phone number other than LintOptions::allowed_phones
//   unfilled_placeholder (block) "{{...}}" left in the text
//   too_long (block)             longer than LintOptions::max_chars
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace turnaround::replies {

enum class FindingSeverity { kWarn, kBlock };

const char* FindingSeverityName(FindingSeverity s);  // "warn", "block"

struct Finding {
  std::string code;     // stable, e.g. "confirms_patient"; see the list above
  std::string message;  // one sentence for the agent, naming the text found
  // The offending text: byte offsets into the reply, [begin, end). UTF-8; a browser
  // needs to convert them to UTF-16 indices.
  std::size_t begin = 0;
  std::size_t end = 0;
  FindingSeverity severity = FindingSeverity::kWarn;
};

struct LintOptions {
  // The configured contact numbers; any other phone number is blocked. Compared by digits
  // only, so "(555) 010-2000" and "555.010.2000" are the same number; a leading US "1" is
  // ignored.
  std::vector<std::string> allowed_phones;
  // Longest reply the platform accepts, in characters (code points); 0: no limit.
  // See PlatformMaxChars.
  std::size_t max_chars = 0;
};

// Findings for `reply`, ordered by position. `original_comment` is the comment being
// answered: health terms it contains are blocked when the reply repeats them.
std::vector<Finding> LintReply(std::string_view reply, std::string_view original_comment,
                               const LintOptions& options = {});

// true if any finding is kBlock.
bool HasBlocking(const std::vector<Finding>& findings);

// OK when the reply may be sent: no blocking finding, or a non-blank override reason.
// Otherwise kConflict naming the blocking codes. The caller stores the reason with the
// reply in the audit log.
core::Status CheckOverride(const std::vector<Finding>& findings, std::string_view override_reason);

// The comment length limit of a platform, in characters: facebook 8000, instagram 2200,
// 0 (no limit known) for anything else.
std::size_t PlatformMaxChars(std::string_view platform);

}  // namespace turnaround::replies
