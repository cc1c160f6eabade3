// RuleSet: every pattern of every rule compiled into one RE2::Set, plus one
// RE2 per pattern used only for the rules that hit (to find their spans).
//
// Invariants: set index i <-> patterns_[i]; patterns_[i].rule indexes rules_.
// Immutable after Compile(); Match() is const and safe from many threads (RE2
// is thread-safe; RE2::Set::Match is const and guarded internally, and the
// thread test in tests/classify exercises it under TSan).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "classify/rule_file.h"
#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

class RuleSet {
  struct Key {};  // private passkey: only Compile() constructs a RuleSet

 public:
  // Compiles `rules` and runs every rule's match/no_match examples. On failure
  // returns InvalidArgument with one "file:line: rule ID: reason" per line.
  static core::Result<std::unique_ptr<RuleSet>> Compile(std::vector<RuleSpec> rules);

  RuleSet(Key, std::vector<RuleSpec> rules, RE2::Options opts);
  RuleSet(const RuleSet&) = delete;  // owns a compiled RE2::Set
  RuleSet& operator=(const RuleSet&) = delete;

  // Appends one RuleMatch per rule that matches `text` (the leftmost span of
  // its first matching pattern), in rule order. Returns false only if the set
  // could not run (DFA out of memory); then it has fallen back to trying each
  // pattern on its own, so *out is still complete.
  bool Match(std::string_view text, std::vector<model::RuleMatch>* out) const;

  const std::vector<RuleSpec>& rules() const { return rules_; }
  const RuleSpec& rule(size_t i) const { return rules_[i]; }
  // Index of the rule with this id, or -1.
  int Find(std::string_view id) const;

 private:
  struct Pattern {
    size_t rule;
    std::unique_ptr<RE2> re;
  };
  void AppendMatch(size_t pattern, std::string_view text, std::vector<model::RuleMatch>* out) const;
  bool RuleMatches(size_t rule, std::string_view text) const;

  std::vector<RuleSpec> rules_;
  std::vector<Pattern> patterns_;
  RE2::Set set_;
};

}  // namespace turnaround::classify
