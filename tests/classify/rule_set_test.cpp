#include "classify/rule_set.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "classify/compile_text.h"

namespace turnaround::classify {
namespace {

using testing::CompileText;

TEST_CASE("every shipped rule file compiles and passes its own examples", "[classify]") {
  auto loaded = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules");
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  CHECK((*loaded)->rule_count() > 20);
}

TEST_CASE("matches report the rule and the span it matched, case-insensitively", "[classify]") {
  auto rs = CompileText(
      "rule: wait\nsignal: complaint\npattern: still waiting\nmatch: still waiting\n"
      "rule: exact\nsignal: complaint\ncase: sensitive\npattern: ONE\nmatch: ONE\nno_match: one\n");
  REQUIRE(rs != nullptr);
  std::vector<model::RuleMatch> out;
  std::string text = "Day 3: STILL Waiting. one";
  CHECK(rs->Match(text, &out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule_id() == "wait");
  CHECK(out[0].file() == "t.rules");
  CHECK(out[0].matched == "STILL Waiting");
  CHECK(text.substr(out[0].begin, out[0].end - out[0].begin) == "STILL Waiting");
}

TEST_CASE("case-sensitive rules are reported when their text is there, and only then", "[classify]") {
  // The case-sensitive set is asked "any match?" before "which?" (rule_set.cpp).
  auto rs = CompileText(
      "rule: one\nsignal: complaint\ncase: sensitive\npattern: ONE\nmatch: ONE\n"
      "rule: two\nsignal: complaint\ncase: sensitive\npattern: \\bTWO\\b\nmatch: TWO\n"
      "rule: three\nsignal: complaint\npattern: three\nmatch: three\n");
  REQUIRE(rs != nullptr);
  struct Case {
    const char* text;
    const char* expected;  // rule ids in rule order
  };
  const Case cases[] = {
      {"ONE, TWO, three", "one two three"},
      {"one, two, THREE", "three"},
      {"TWO only", "two"},
      {"TWOFOLD", ""},
      {"nothing here", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<model::RuleMatch> out;
    CHECK(rs->Match(c.text, &out));
    std::string ids;
    for (const model::RuleMatch& m : out) ids += (ids.empty() ? "" : " ") + m.rule_id();
    CHECK(ids == c.expected);
  }
}

TEST_CASE("compile errors name the rule, line and reason", "[classify]") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"rule: r\npattern: (unclosed\nmatch: x\n", "t.rules:2: rule r: bad pattern '(unclosed'"},
      {"rule: r\npattern: cat\nmatch: dog\n", "t.rules:3: rule r: example does not match: dog"},
      {"rule: r\npattern: cat\nmatch: cat\nno_match: Cat food\n", "t.rules:4: rule r: no_match example matches"},
      {"rule: r\npattern: a\nmatch: a\nrule: r\npattern: b\nmatch: b\n", "t.rules:4: rule r: duplicate rule id"},
  };
  for (const Case& c : cases) {
    std::string report;
    INFO(c.text);
    CHECK(CompileText(c.text, &report) == nullptr);
    CHECK(report.find(c.expected) != std::string::npos);
  }
}

TEST_CASE("Spanish and accented text match as UTF-8", "[classify]") {
  auto rs = CompileText("rule: es\nsignal: complaint\npattern: p[eé]simo\nmatch: Pésimo servicio\n");
  REQUIRE(rs != nullptr);
  std::vector<model::RuleMatch> out;
  CHECK(rs->Match("Un servicio PÉSIMO", &out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].matched == "PÉSIMO");
}

// The RE2 engine runs the patterns in sets of 64 (RuleSet::kShardSize): a
// candidate's index must lead back to its own rule in every set, the last
// one partly filled included.
TEST_CASE("patterns in every RE2 set report their own rule", "[classify]") {
  std::string text;
  const int kRules = 150;  // two full sets of 64 and one of 22
  for (int i = 0; i < kRules; ++i) {
    const std::string n = std::to_string(i);
    text += "rule: r" + n + "\nsignal: complaint\npattern: \\bword" + n + "x\\b\nmatch: a word" + n + "x here\n";
  }
  auto rs = CompileText(text.c_str());
  REQUIRE(rs != nullptr);
  for (int i : {0, 63, 64, 100, 127, 128, 149}) {
    INFO(i);
    std::vector<model::RuleMatch> out;
    CHECK(rs->Match("then word" + std::to_string(i) + "x and WORD7X", &out));
    REQUIRE(out.size() == 2);
    std::vector<std::string> ids = {out[0].rule_id(), out[1].rule_id()};
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> want = {"r" + std::to_string(i), "r7"};
    std::sort(want.begin(), want.end());
    CHECK(ids == want);
  }
}

}  // namespace
}  // namespace turnaround::classify
