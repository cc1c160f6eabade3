#include "replies/template.h"

#include <catch2/catch.hpp>

#include <string>

using namespace turnaround::replies;
using turnaround::core::Code;
using turnaround::model::Severity;

namespace {

const char* kGood = R"(---
# comments are allowed in the front matter
id: wait_time_apology
title: Long wait - apology
kind: complaint
language: en
categories: [wait_time, scheduling]
severities: normal, high
platforms: any
priority: 70
---

Hi {{author.first_name|there}}, sorry about the wait.
Call {{ contact.phone }}.
)";

}  // namespace

TEST_CASE("[replies] a well-formed template parses", "[replies]") {
  auto t = ParseTemplate("wait.md", kGood);
  REQUIRE(t.ok());
  CHECK(t->id == "wait_time_apology");
  CHECK(t->title == "Long wait - apology");
  CHECK(t->kind == TemplateKind::kComplaint);
  CHECK(t->language == "en");
  CHECK(t->categories == std::vector<std::string>{"wait_time", "scheduling"});
  CHECK(t->severities == std::vector<Severity>{Severity::kNormal, Severity::kHigh});
  CHECK(t->platforms.empty());
  CHECK(t->priority == 70);
  CHECK(t->body == "Hi {{author.first_name|there}}, sorry about the wait.\nCall {{ contact.phone }}.");
  REQUIRE(t->segments.size() == 5);
  CHECK(t->segments[1].is_placeholder);
  CHECK(t->segments[1].text == "author.first_name");
  CHECK(t->segments[1].has_fallback);
  CHECK(t->segments[1].fallback == "there");
  CHECK(t->segments[3].text == "contact.phone");
  CHECK_FALSE(t->segments[3].has_fallback);
  CHECK(t->segments[4].text == ".");
}

TEST_CASE("[replies] bad templates are refused with file, line and reason", "[replies]") {
  struct Case {
    const char* name;
    std::string text;
    const char* expected;  // a substring of the error message
  };
  const std::string kHead = "---\nid: x\ntitle: T\nlanguage: en\n";
  const Case kCases[] = {
      {"no front matter", "Hello", "x.md:1: expected '---' to open the front matter"},
      {"front matter not closed", "---\nid: x\ntitle: T\n", "x.md:3: front matter is not closed"},
      {"missing body", kHead + "---\n\n  \n", "x.md:5: missing body"},
      {"unknown key", kHead + "categoris: billing\n---\nHi", "x.md:5: unknown key 'categoris'"},
      {"not key value", kHead + "just words\n---\nHi", "x.md:5: expected 'key: value'"},
      {"duplicate key", kHead + "id: y\n---\nHi", "x.md:5: duplicate key 'id'"},
      {"missing id", "---\ntitle: T\nlanguage: en\n---\nHi", "x.md:1: missing 'id'"},
      {"missing title", "---\nid: x\nlanguage: en\n---\nHi", "x.md:1: missing 'title'"},
      {"missing language", "---\nid: x\ntitle: T\n---\nHi", "x.md:1: missing 'language'"},
      {"bad id", "---\nid: Bad Id\ntitle: T\nlanguage: en\n---\nHi", "x.md:2: id: 'Bad Id'"},
      {"bad language", "---\nid: x\ntitle: T\nlanguage: fr\n---\nHi", "x.md:4: language: unknown language 'fr'"},
      {"bad kind", kHead + "kind: rant\n---\nHi", "x.md:5: kind: unknown kind 'rant'"},
      {"bad category", kHead + "categories: billing, food\n---\nHi", "x.md:5: categories: unknown category 'food'"},
      {"bad severity", kHead + "severities: critical\n---\nHi", "x.md:5: severities: unknown severity 'critical'"},
      {"bad urgent reason", kHead + "kind: urgent\nurgent_reasons: zombies\n---\nHi", "x.md:6: urgent_reasons: unknown urgent reason 'zombies'"},
      {"urgent without reasons", kHead + "kind: urgent\n---\nHi", "kind: urgent needs 'urgent_reasons'"},
      {"reasons without urgent", kHead + "urgent_reasons: self_harm\n---\nHi", "'urgent_reasons' is only for kind: urgent"},
      {"bad priority", kHead + "priority: high\n---\nHi", "x.md:5: priority: 'high' is not a whole number"},
      {"priority out of range", kHead + "priority: 101\n---\nHi", "x.md:5: priority: '101'"},
      {"unknown placeholder", kHead + "---\nHi\n\nDear {{author.frist_name}}", "x.md:8: unknown placeholder '{{author.frist_name}}'"},
      {"old-style placeholder", kHead + "---\nHi {{author_first_name}}", "x.md:6: unknown placeholder"},
      {"unclosed placeholder", kHead + "---\nHi {{author.first_name\n}}", "x.md:6: unclosed placeholder"},
      {"brace in fallback", kHead + "---\nHi {{author.first_name|{x}}}", "x.md:6: a fallback may not contain"},
      {"invalid utf-8", kHead + "---\nHi \xff", "x.md:1: file is not valid UTF-8"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.name);
    auto t = ParseTemplate("x.md", c.text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().code() == Code::kInvalidArgument);
    CHECK_THAT(t.status().message(), Catch::Contains(c.expected));
  }
}

TEST_CASE("[replies] every problem in a file is reported", "[replies]") {
  auto t = ParseTemplate("x.md", "---\nid: x\ntitle: T\nlanguage: xx\ncolour: red\n---\n{{nope}} {{nada}}");
  REQUIRE_FALSE(t.ok());
  const std::string& m = t.status().message();
  CHECK_THAT(m, Catch::Contains("x.md:4:"));
  CHECK_THAT(m, Catch::Contains("x.md:5:"));
  CHECK_THAT(m, Catch::Contains("'{{nope}}'"));
  CHECK_THAT(m, Catch::Contains("'{{nada}}'"));
}

TEST_CASE("[replies] templates tolerate CRLF and a byte-order mark", "[replies]") {
  auto t = ParseTemplate("x.md", "\xEF\xBB\xBF---\r\nid: x\r\ntitle: T\r\nlanguage: es\r\n---\r\nHola {{author.first_name|}}\r\n");
  REQUIRE(t.ok());
  CHECK(t->language == "es");
  CHECK(t->body == "Hola {{author.first_name|}}");
  CHECK(t->segments[1].has_fallback);
  CHECK(t->segments[1].fallback.empty());
}
