// The vocabularies behind the PHI guard (internal to replies/): health terms and the
// phrasings that confirm a patient relationship, in English and Spanish, as RE2 pattern
// text. Kept apart from lint.cpp so the lists can grow without hiding the logic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace turnaround::replies::internal {

// Diagnoses, conditions, procedures, tests, medications and care settings, lower case.
// Matched as whole words, case-insensitively, with an optional plural "s"/"es".
const std::vector<std::string_view>& HealthTerms();

// RE2 patterns (case-insensitive) whose group 1 is a phrase confirming that the reader is
// or was a patient ("your visit", "when you were here", "su cita", ...).
const std::vector<std::string_view>& PatientConfirmationPatterns();

}  // namespace turnaround::replies::internal
