// Compiles one rule file's text into a RuleSet for tests; nullptr (and the
// report in *report) when it does not compile.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "classify/rule_set.h"

namespace turnaround::classify::testing {

inline std::unique_ptr<RuleSet> CompileText(const char* text, std::string* report = nullptr) {
  std::vector<RuleSpec> rules;
  std::vector<std::string> errors;
  ParseRuleFile("t.rules", text, &rules, &errors);
  REQUIRE(errors.empty());
  auto rs = RuleSet::Compile(std::move(rules));
  if (!rs.ok()) {
    if (report != nullptr) *report = rs.status().message();
    return nullptr;
  }
  return std::move(rs).value();
}

}  // namespace turnaround::classify::testing
