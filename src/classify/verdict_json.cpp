#include "classify/verdict_json.h"

#include <cmath>

#include "core/json_writer.h"

namespace turnaround::classify {

namespace {

// Rounds to 4 decimals so that output is stable and readable.
double Round4(double x) { return static_cast<double>(static_cast<long long>(x * 10000.0 + (x < 0 ? -0.5 : 0.5))) / 10000.0; }

// A double as nlohmann's serializer prints it (shortest round-trip digits,
// "2.0" for whole numbers, null for NaN and infinities), so that the direct
// writer's bytes equal the tree's.
void Number(core::JsonWriter& w, double x) {
  if (!std::isfinite(x)) {
    w.Null();
    return;
  }
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, x);
  w.Raw(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

}  // namespace

nlohmann::json VerdictToJson(const model::Verdict& v) {
  nlohmann::json matches = nlohmann::json::array();
  for (const model::RuleMatch& m : v.matches) {
    nlohmann::json j = {{"rule", m.rule_id()}, {"file", m.file()}, {"signal", m.signal()},
                        {"weight", m.weight()}, {"begin", m.begin}, {"end", m.end},
                        {"text", m.matched}};
    if (!m.category().empty()) j["category"] = m.category();
    if (!m.urgent_reason().empty()) j["urgent_reason"] = m.urgent_reason();
    if (m.urgent_reasons().size() > 1) j["urgent_reasons"] = m.urgent_reasons();
    matches.push_back(std::move(j));
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const model::SentimentTerm& t : v.sentiment_terms) {
    terms.push_back({{"term", t.term}, {"valence", Round4(t.valence)}});
  }
  nlohmann::json model_terms = nlohmann::json::array();
  for (const model::ModelTerm& t : v.model_terms) {
    model_terms.push_back({{"term", t.term}, {"weight", Round4(t.weight)}});
  }
  nlohmann::json model_categories = nlohmann::json::array();
  for (const model::ModelCategory& c : v.model_categories) {
    model_categories.push_back({{"category", c.category}, {"probability", Round4(c.probability)}});
  }
  return {{"is_complaint", v.is_complaint},
          {"confidence", Round4(v.confidence)},
          {"sentiment", Round4(v.sentiment)},
          {"category", v.category},
          {"severity", model::SeverityName(v.severity)},
          {"urgent_reasons", v.urgent_reasons},
          {"urgent_called_off", v.urgent_called_off},
          {"spam", v.spam},
          {"language", v.language},
          {"rules_version", v.rules_version},
          {"matches", std::move(matches)},
          {"model_categories", std::move(model_categories)},
          {"model_domain_terms", v.model_domain_terms},
          {"model_score", Round4(v.model_score)},
          {"model_terms", std::move(model_terms)},
          {"model_urgent_probability", Round4(v.model_urgent_probability)},
          {"model_urgent_reason", v.model_urgent_reason},
          {"sentiment_terms", std::move(terms)}};
}

std::string VerdictJsonText(const model::Verdict& v) {
  core::JsonWriter w;
  // Keys in sorted order, as nlohmann's std::map keeps them.
  w.BeginObject();
  w.Key("category").String(v.category);
  w.Key("confidence");
  Number(w, Round4(v.confidence));
  w.Key("is_complaint").Bool(v.is_complaint);
  w.Key("language").String(v.language);
  w.Key("matches").BeginArray();
  for (const model::RuleMatch& m : v.matches) {
    w.BeginObject();
    w.Key("begin").Int(static_cast<std::int64_t>(m.begin));
    if (!m.category().empty()) w.Key("category").String(m.category());
    w.Key("end").Int(static_cast<std::int64_t>(m.end));
    w.Key("file").String(m.file());
    w.Key("rule").String(m.rule_id());
    w.Key("signal").String(m.signal());
    w.Key("text").String(m.matched);
    if (!m.urgent_reason().empty()) w.Key("urgent_reason").String(m.urgent_reason());
    if (m.urgent_reasons().size() > 1) {
      w.Key("urgent_reasons").BeginArray();
      for (const std::string& r : m.urgent_reasons()) w.String(r);
      w.EndArray();
    }
    w.Key("weight");
    Number(w, m.weight());
    w.EndObject();
  }
  w.EndArray();
  w.Key("model_categories").BeginArray();
  for (const model::ModelCategory& c : v.model_categories) {
    w.BeginObject().Key("category").String(c.category).Key("probability");
    Number(w, Round4(c.probability));
    w.EndObject();
  }
  w.EndArray();
  w.Key("model_domain_terms").BeginArray();
  for (const std::string& t : v.model_domain_terms) w.String(t);
  w.EndArray();
  w.Key("model_score");
  Number(w, Round4(v.model_score));
  w.Key("model_terms").BeginArray();
  for (const model::ModelTerm& t : v.model_terms) {
    w.BeginObject().Key("term").String(t.term).Key("weight");
    Number(w, Round4(t.weight));
    w.EndObject();
  }
  w.EndArray();
  w.Key("model_urgent_probability");
  Number(w, Round4(v.model_urgent_probability));
  w.Key("model_urgent_reason").String(v.model_urgent_reason);
  w.Key("rules_version").String(v.rules_version);
  w.Key("sentiment");
  Number(w, Round4(v.sentiment));
  w.Key("sentiment_terms").BeginArray();
  for (const model::SentimentTerm& t : v.sentiment_terms) {
    w.BeginObject().Key("term").String(t.term).Key("valence");
    Number(w, Round4(t.valence));
    w.EndObject();
  }
  w.EndArray();
  w.Key("severity").String(model::SeverityName(v.severity));
  w.Key("spam").Bool(v.spam);
  w.Key("urgent_called_off").BeginArray();
  for (const std::string& r : v.urgent_called_off) w.String(r);
  w.EndArray();
  w.Key("urgent_reasons").BeginArray();
  for (const std::string& r : v.urgent_reasons) w.String(r);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace turnaround::classify
