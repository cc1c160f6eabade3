#include "classify/eval.h"


namespace turnaround::classify {

namespace {

double Ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

std::string RuleIds(const model::Verdict& v) {
  std::string ids;
  for (const model::RuleMatch& m : v.matches) ids += (ids.empty() ? "" : ",") + m.rule_id();
  return ids;
}

// Scores one labelled row into *r. Returns a reason on a bad row.
std::string ScoreRow(const Classifier& c, const nlohmann::json& row, int line, EvalReport* r) {
  if (!row.is_object()) return "not a JSON object";
  auto text = row.find("text");
  if (text == row.end() || !text->is_string()) return "missing \"text\" string";
  auto label = row.find("label");
  if (label == row.end() || !label->is_string()) return "missing \"label\" string";
  const std::string& l = label->get_ref<const std::string&>();
  if (l != "complaint" && l != "not_complaint") return "label must be complaint or not_complaint, got '" + l + "'";
  std::string gold_urgent;
  if (auto u = row.find("urgent"); u != row.end() && !u->is_null()) {
    // A reason ("medical_emergency") or a plain true/false: urgency is scored
    // as a yes/no either way, and data sets labelled by other teams use both.
    if (u->is_boolean()) {
      gold_urgent = u->get<bool>() ? "urgent" : "";
      r->has_urgent = true;
    } else if (u->is_string()) {
      gold_urgent = u->get<std::string>();
    } else {
      return "\"urgent\" must be a reason string or true/false";
    }
  }
  const std::string& t = text->get_ref<const std::string&>();
  model::Verdict v = c.Classify(t, ClassifyOptions{.spans = false});  // eval scores decisions only
  bool gold = l == "complaint";
  ++r->n;
  if (gold && v.is_complaint) ++r->tp;
  if (!gold && v.is_complaint) ++r->fp;
  if (gold && !v.is_complaint) ++r->fn;
  if (!gold && !v.is_complaint) ++r->tn;
  if (gold != v.is_complaint) {
    r->errors.push_back({line, t, l, v.is_complaint ? "complaint" : "not_complaint", RuleIds(v)});
  }
  bool urgent = !v.urgent_reasons.empty();
  if (!gold_urgent.empty()) r->has_urgent = true;
  if (!gold_urgent.empty() && urgent) ++r->urgent_tp;
  if (gold_urgent.empty() && urgent) ++r->urgent_fp;
  if (!gold_urgent.empty() && !urgent) ++r->urgent_fn;
  if (gold_urgent.empty() != !urgent) {
    r->errors.push_back({line, t, "urgent:" + (gold_urgent.empty() ? "none" : gold_urgent),
                         "urgent:" + (urgent ? v.urgent_reasons.front() : "none"), RuleIds(v)});
  }
  if (auto cat = row.find("category"); cat != row.end() && cat->is_string() && !cat->get<std::string>().empty()) {
    r->has_category = true;
    ++r->category_n;
    if (v.category == cat->get<std::string>()) {
      ++r->category_correct;
    } else {
      r->errors.push_back({line, t, "category:" + cat->get<std::string>(), "category:" + v.category, RuleIds(v)});
    }
  }
  return "";
}

}  // namespace


double EvalReport::precision() const { return Ratio(tp, tp + fp); }
double EvalReport::recall() const { return Ratio(tp, tp + fn); }
double EvalReport::f1() const {
  double p = precision(), rc = recall();
  return p + rc == 0 ? 0.0 : 2 * p * rc / (p + rc);
}
double EvalReport::accuracy() const { return Ratio(tp + tn, n); }
double EvalReport::urgent_recall() const { return Ratio(urgent_tp, urgent_tp + urgent_fn); }
double EvalReport::urgent_precision() const { return Ratio(urgent_tp, urgent_tp + urgent_fp); }
double EvalReport::category_accuracy() const { return Ratio(category_correct, category_n); }

nlohmann::json EvalReport::ToJson() const {
  nlohmann::json j = {{"n", n},   {"precision", precision()}, {"recall", recall()}, {"f1", f1()},
                      {"accuracy", accuracy()}, {"tp", tp}, {"fp", fp}, {"fn", fn}, {"tn", tn}};
  if (has_urgent) {
    j["urgent_recall"] = urgent_recall();
    j["urgent_precision"] = urgent_precision();
  }
  if (has_category) j["category_accuracy"] = category_accuracy();
  return j;
}

core::Result<EvalReport> Evaluate(const Classifier& c, std::string_view file_name, std::string_view jsonl) {
  EvalReport report;
  int line_no = 0;
  for (size_t pos = 0; pos < jsonl.size();) {
    size_t nl = jsonl.find('\n', pos);
    if (nl == std::string_view::npos) nl = jsonl.size();
    std::string_view line = jsonl.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
    std::string why = row.is_discarded() ? "not valid JSON" : ScoreRow(c, row, line_no, &report);
    if (!why.empty()) return core::InvalidArgument(std::string(file_name) + ":" + std::to_string(line_no) + ": " + why);
  }
  return report;
}

}  // namespace turnaround::classify
