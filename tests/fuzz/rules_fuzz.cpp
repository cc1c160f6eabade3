// Fuzzes the rule-file loader of src/classify/: ParseRuleFile over one file's
// text, then RuleSet::Compile (regex compilation and the rules' own
// match/no_match examples) and a match over the file's text.
// Invariants: nothing crashes or throws; every rule parsed has an id and a
// line; a compiled set only reports rules it has.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "classify/rule_file.h"
#include "classify/rule_set.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace turnaround;
  if (size > fuzz::kMaxInput) return 0;
  const std::string_view text = fuzz::AsText(data, size);
  std::vector<classify::RuleSpec> rules;
  std::vector<std::string> errors;
  classify::ParseRuleFile("fuzz.rules", text, &rules, &errors);
  for (const std::string& e : errors) TA_FUZZ_CHECK(!e.empty());
  if (!errors.empty() || rules.empty()) return 0;
  for (const classify::RuleSpec& r : rules) {
    TA_FUZZ_CHECK(!r.id.empty());
    TA_FUZZ_CHECK(r.line >= 1);
  }
  const std::size_t n = rules.size();
  auto set = classify::RuleSet::Compile(std::move(rules));
  if (!set.ok()) return 0;
  std::vector<model::RuleMatch> matches;
  (*set)->Match(text, &matches);
  TA_FUZZ_CHECK(matches.size() <= n);
  return 0;
}
