// Rule files: the text format a community manager edits (see rules/README.md).
//
//   rule: still_waiting
//   signal: complaint
//   weight: 2
//   category: wait_time
//   pattern: still waiting
//   pattern: (day|week|month) \d+ of waiting
//   match: Still waiting for someone from billing to call me
//   no_match: No more waiting, thank you!
//
// Everything after "key:" is taken verbatim (trimmed), so a pattern reads as
// written: no quoting and no doubled backslashes. Pure parsing; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace turnaround::classify {

// What a rule's match means for the verdict.
enum class Signal {
  kComplaint,  // adds `weight` to the complaint score (may name a category)
  kCategory,   // votes `weight` for `category` only; no complaint evidence
  kUrgent,     // names an urgent reason; flagged even when not a complaint;
               // its weight also counts as complaint evidence (0: none)
  kPraise,     // counter-signal: subtracts `weight` from the complaint score
  kQuestion,   // counter-signal: a plain question; subtracts `weight`
  kSpam,       // marks the comment as spam
  kSarcasm,    // a complaint signal that also cancels praise and positive
               // sentiment ("thanks for nothing", "great job losing my file")
  kUrgentEvidence,  // adds `weight` (0 < weight <= 1) to its urgent reason's
                    // evidence; the reason is flagged when the evidence of the
                    // matched rules reaches kUrgentEvidenceThreshold (combine.h).
                    // No complaint evidence (round 15, urgent_lexicon.rules)
  kUrgentCounter,   // calls off its urgent reason as found by the rules (urgent
                    // and urgent_evidence matches; not the fitted urgent model):
                    // the urgent event is told as over, a joke or someone
                    // else's (round 27, urgent_counter.rules). Its weight is
                    // not read; the called-off reasons are listed in the
                    // verdict's urgent_called_off
};

const char* SignalName(Signal s);

// A string from the file with the line it came from (for error reports).
struct Located {
  std::string text;
  int line = 0;
};

struct RuleSpec {
  std::string id;
  std::string file;  // base name of the file, e.g. "complaints.rules"
  int line = 0;      // line of the "rule:" key
  Signal signal = Signal::kComplaint;
  double weight = 1.0;
  std::string category;       // one of the categories, or empty
  // Required for urgent rules: one reason, or for an urgent_counter one or
  // more ("urgent: legal_threat, privacy_breach").
  std::vector<std::string> urgent_reasons;
  bool case_sensitive = false;
  std::vector<Located> patterns;
  std::vector<Located> match_examples;
  std::vector<Located> no_match_examples;
};

// Parses one file's contents. Appends rules to `rules` and one line per
// problem to `errors` ("file:line: rule ID: reason"). Never throws.
void ParseRuleFile(std::string_view file_name, std::string_view contents,
                   std::vector<RuleSpec>* rules, std::vector<std::string>* errors);

// The known categories and urgent reasons (validated at load).
bool IsKnownCategory(std::string_view c);
bool IsKnownUrgentReason(std::string_view r);

}  // namespace turnaround::classify
