#include "classify/verdict_json.h"

namespace turnaround::classify {

namespace {

// Rounds to 4 decimals so that output is stable and readable.
double Round4(double x) { return static_cast<double>(static_cast<long long>(x * 10000.0 + (x < 0 ? -0.5 : 0.5))) / 10000.0; }

}  // namespace

nlohmann::json VerdictToJson(const model::Verdict& v) {
  nlohmann::json matches = nlohmann::json::array();
  for (const model::RuleMatch& m : v.matches) {
    nlohmann::json j = {{"rule", m.rule_id}, {"file", m.file},   {"signal", m.signal},
                        {"weight", m.weight}, {"begin", m.begin}, {"end", m.end},
                        {"text", m.matched}};
    if (!m.category.empty()) j["category"] = m.category;
    if (!m.urgent_reason.empty()) j["urgent_reason"] = m.urgent_reason;
    matches.push_back(std::move(j));
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const model::SentimentTerm& t : v.sentiment_terms) {
    terms.push_back({{"term", t.term}, {"valence", Round4(t.valence)}});
  }
  return {{"is_complaint", v.is_complaint},
          {"confidence", Round4(v.confidence)},
          {"sentiment", Round4(v.sentiment)},
          {"category", v.category},
          {"severity", model::SeverityName(v.severity)},
          {"urgent_reasons", v.urgent_reasons},
          {"spam", v.spam},
          {"language", v.language},
          {"rules_version", v.rules_version},
          {"matches", std::move(matches)},
          {"sentiment_terms", std::move(terms)}};
}

}  // namespace turnaround::classify
