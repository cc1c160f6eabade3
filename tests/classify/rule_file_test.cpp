#include "classify/rule_file.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace turnaround::classify {
namespace {

struct Parsed {
  std::vector<RuleSpec> rules;
  std::vector<std::string> errors;
};

Parsed Parse(const char* text) {
  Parsed p;
  ParseRuleFile("x.rules", text, &p.rules, &p.errors);
  return p;
}

// Each of `dead`, alone in a rule, must be refused with exactly one error that
// names `reason`; each of `fine` must parse with none.
template <size_t D, size_t F>
void ExpectBoundaryLint(const char* const (&dead)[D], const char* reason, const char* const (&fine)[F]) {
  for (const char* p : dead) {
    INFO(p);
    const std::string text = std::string("rule: r\npattern: ") + p + "\nmatch: x\n";
    const std::vector<std::string> errors = Parse(text.c_str()).errors;
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find(reason) != std::string::npos);
  }
  for (const char* p : fine) {
    INFO(p);
    const std::string text = std::string("rule: r\npattern: ") + p + "\nmatch: x\n";
    CHECK(Parse(text.c_str()).errors.empty());
  }
}

TEST_CASE("a well-formed rule parses verbatim", "[classify]") {
  const auto [rules, errors] = Parse(
      "# comment\nrule: a.b\nsignal: complaint\nweight: 2.5\ncategory: billing\n"
      "pattern: \\bcharged (twice|2x)\\b\nmatch: charged twice\nno_match: charged once\n");
  REQUIRE(errors.empty());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].id == "a.b");
  CHECK(rules[0].weight == 2.5);
  CHECK(rules[0].category == "billing");
  CHECK(rules[0].patterns[0].text == "\\bcharged (twice|2x)\\b");  // no unescaping
  CHECK(rules[0].patterns[0].line == 6);
}

TEST_CASE("an urgent_counter may name several reasons, in the order written", "[classify]") {
  const auto [rules, errors] = Parse(
      "rule: c\nsignal: urgent_counter\nurgent: legal_threat ,privacy_breach\npattern: x\nmatch: x\n"
      "rule: u\nsignal: urgent\nurgent: self_harm\npattern: y\nmatch: y\n");
  CHECK(errors.empty());
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].urgent_reasons == std::vector<std::string>{"legal_threat", "privacy_breach"});
  CHECK(rules[1].urgent_reasons == std::vector<std::string>{"self_harm"});
}

TEST_CASE("rule file errors name file, line, rule and reason", "[classify]") {
  struct Case {
    const char* text;
    const char* expected;  // substring of the one error
  };
  const Case cases[] = {
      {"pattern: x\n", "x.rules:1: 'pattern:' before the first 'rule:'"},
      {"rule: r\nsignal: loud\npattern: x\nmatch: x\n", "x.rules:2: rule r: unknown signal 'loud'"},
      {"rule: r\nweight: lots\npattern: x\nmatch: x\n", "x.rules:2: rule r: weight must be a number"},
      {"rule: r\ncategory: food\npattern: x\nmatch: x\n", "x.rules:2: rule r: unknown category 'food'"},
      {"rule: r\nsignal: urgent\npattern: x\nmatch: x\n", "x.rules:1: rule r: urgent rule without 'urgent:'"},
      {"rule: r\nmatch: x\n", "x.rules:1: rule r: no 'pattern:' lines"},
      {"rule: r\npattern: x\n", "x.rules:1: rule r: no 'match:' example"},
      {"rule: r\ncolour: red\npattern: x\nmatch: x\n", "x.rules:2: rule r: unknown key 'colour'"},
      {"rule: bad id\npattern: x\nmatch: x\n", "x.rules:1: rule bad id: rule id must be"},
      {"rule: r\njust words\npattern: x\nmatch: x\n", "x.rules:2: rule r: expected 'key: value'"},
      {"rule: r\npattern: por qu[e\xc3\xa9]\\b\nmatch: x\n", "x.rules:2: rule r: \\b right after a non-ASCII letter"},
      {"rule: r\npattern: (ni|no) me (mir\xc3\xb3)\\b\nmatch: x\n", "x.rules:2: rule r: \\b right after a non-ASCII letter"},
      {"rule: r\npattern: \\b[a\xc3\xa1]cido\nmatch: x\n", "x.rules:2: rule r: \\b right before a non-ASCII letter"},
      {"rule: r\nsignal: urgent\nurgent: self_harm, legal_threat\npattern: x\nmatch: x\n",
       "x.rules:1: rule r: only an urgent_counter rule may name several urgent reasons"},
      {"rule: r\nsignal: urgent_counter\nurgent: self_harm, self_harm\npattern: x\nmatch: x\n",
       "x.rules:3: rule r: urgent reason 'self_harm' named twice"},
      {"rule: r\nsignal: urgent_counter\nurgent: self_harm,, legal_threat\npattern: x\nmatch: x\n",
       "x.rules:3: rule r: unknown urgent reason ''"},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> errors = Parse(c.text).errors;
    INFO(c.text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find(c.expected) != std::string::npos);
  }
}

// The mirror: a \b right before what can be an accented letter holds only after
// an ASCII word character, so "\b(ácido|acid)" never finds "ácido" at a word's start.
// Before a typographic quote it holds after a word, as meant ("you’re").
TEST_CASE("rules check finds a \\b that can come before a non-ASCII character", "[classify]") {
  const char* const dead[] = {
      "\\b(\xc3\xa1" "cido|acid)",         // one alternative starts with á
      "\\b[a\xc3\xa1]cido",                // a class that holds á
      "\\b(el )?\xc3\xa1rbol",             // an optional group lets the á be first
      "x \\b(y|(z|\xc3\xb1u))",            // nested groups
      "\\bno\\b\xc3\xa9",                 // the second \b
  };
  const char* const fine[] = {
      "(\\bacido|\xc3\xa1" "cido)",        // the suggested spelling
      "\\b(el|la) \xc3\xa1rbol",           // a space comes first
      "\\b[^.!?]{0,40}\xc3\xa9",           // a negated class is a gap
      "\\bhola|\xc3\xa1rbol",              // the \b's alternative ends before the á
      "\\b(are|\xe2\x80\x99re)",          // a quote is not a letter: the \b holds after "you"
  };
  ExpectBoundaryLint(dead, "\\b right before a non-ASCII letter", fine);
}

// RE2's \b knows only ASCII word characters, so a \b whose left side can be
// "é", "ó" or "°" leaves that branch dead; the check reads groups, their
// alternatives, classes and optional atoms to find it, and lets a gap
// ("[^.!?]{0,40}\b") end where it likes.
TEST_CASE("rules check finds a \\b that can follow a non-ASCII character", "[classify]") {
  const char* const dead[] = {
      "(qu\xc3\xa9|que)\\b",                 // one alternative ends in é
      "pas(\xc3\xb3|o)\\b",                  // through a group
      "est[a\xc3\xa1]s?\\b",                 // an optional atom lets the class be last
      "(10[4-7]) ?(\xc2\xb0|degrees)\\b",    // not a letter, still not a word character
      "a(b|(c|\xc3\xa9))\\b",                // nested groups
      "x[\xc3\xb1]{0,2}\\b",                 // with one or two ñ the \b is dead
  };
  const char* const fine[] = {
      "qu(e\\b|\xc3\xa9)",                      // the suggested spelling
      "est[a\xc3\xa1]s\\b",                     // always ends on an ASCII s
      "mam[a\xc3\xa1][^.!?]{0,40}\\bdijo\\b",   // a gap before the \b
      "(hola|adi\xc3\xb3s) amigo\\b",           // the non-ASCII letter is not last
      "[^\xc3\xa9]\\b",                         // a negated class is a gap
  };
  ExpectBoundaryLint(dead, "\\b right after a non-ASCII letter", fine);
}

}  // namespace
}  // namespace turnaround::classify
