#include "classify/verdict_json.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "classify/shipped_rules.h"

using turnaround::classify::VerdictJsonText;
using turnaround::classify::VerdictToJson;
using turnaround::model::RuleMatch;
using turnaround::model::SentimentTerm;
using turnaround::model::Severity;
using turnaround::model::Verdict;

namespace {

std::string TreeText(const Verdict& v) {
  return VerdictToJson(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

// Stored verdicts are compared and served as text (the queue copies them
// without parsing), so the direct writer must keep the tree's exact bytes.
TEST_CASE("VerdictJsonText writes the same bytes as the verdict tree for real verdicts", "[classify]") {
  auto c = turnaround::classify::testing::ShippedRules();
  std::vector<std::string> texts = {"", "Thank you all!", "ESPERÉ 5 HORAS y nadie me atendió 😡",
                                    "I was charged twice and nobody calls back. Lawyer next."};
  std::ifstream in(TURNAROUND_SOURCE_DIR "/tests/data/classify/healthcare.jsonl");
  std::string line;
  while (std::getline(in, line)) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  REQUIRE(texts.size() > 400);
  size_t with_matches = 0;
  for (const std::string& t : texts) {
    const Verdict v = c->Classify(t);
    if (!v.matches.empty()) ++with_matches;
    INFO(t);
    REQUIRE(VerdictJsonText(v) == TreeText(v));
  }
  CHECK(with_matches > 300);
}

TEST_CASE("VerdictJsonText: hostile strings and numbers of every shape", "[classify]") {
  Verdict v;
  v.is_complaint = true;
  v.spam = true;
  v.confidence = 0.123456;
  v.sentiment = -0.99995;
  v.category = "quote\" back\\slash \x01 tab\t";
  v.severity = Severity::kUrgent;
  v.urgent_reasons = {"self_harm", "legal_threat"};
  v.language = "es";
  v.rules_version = "sha:\xff\xfe invalid";
  turnaround::model::RuleInfo rule;
  rule.id = "a.b";
  rule.file = "x.rules";
  rule.signal = "urgent";
  rule.urgent_reasons = {"self_harm"};
  RuleMatch m(nullptr);
  m.begin = 3;
  m.end = std::numeric_limits<std::uint32_t>::max();
  m.matched = "caf\xc3\xa9 \xe2\x82 cut off \xf0\x9f\x98\xa1";
  for (double w : {0.0, -0.0, 2.0, 0.5, 1.0 / 3.0, 0.1 + 0.2, 1e-7, 1e21, 123456789.125, -4.25,
                   std::nan(""), std::numeric_limits<double>::infinity()}) {
    rule.weight = w;
    m.rule = std::make_shared<const turnaround::model::RuleInfo>(rule);
    v.matches.push_back(m);
    rule.category = rule.category.empty() ? "billing" : "";
    // none, one, then two reasons (a counter's list), in turn
    const size_t n = rule.urgent_reasons.size();
    rule.urgent_reasons = n == 0 ? std::vector<std::string>{"self_harm"}
                          : n == 1 ? std::vector<std::string>{"legal_threat", "privacy_breach"}
                                   : std::vector<std::string>{};
  }
  for (double val : {0.0, -0.00004, 3.14159, -2.5, 1e-5, std::nan("")}) v.sentiment_terms.push_back({"t\"erm", val});
  v.model_domain_terms = {"front desk", "q\"uote \xff\\"};
  CHECK(VerdictJsonText(v) == TreeText(v));

  Verdict empty;  // defaults: no matches, no terms, no reasons
  CHECK(VerdictJsonText(empty) == TreeText(empty));
  CHECK(nlohmann::json::parse(VerdictJsonText(empty)).at("matches").empty());
}
