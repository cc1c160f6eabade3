#include "classify/fitted_models.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace turnaround::classify {

namespace {

namespace fs = std::filesystem;

constexpr const char* kComplaintFile = "complaint.model";
constexpr const char* kCategoryFile = "category.model";
constexpr const char* kUrgentFile = "urgent.model";
constexpr std::string_view kNotUrgent = "none";  // the urgent model's class for "no reason"
constexpr size_t kExplainCategories = 3;
constexpr std::string_view kEvidenceSignal = "urgent_evidence";

// Reads `name` from the folder if it is there: false (and no error) if not.
bool ReadOptional(const std::string& dir, const char* name, std::string* out, std::string* errors) {
  std::error_code ec;
  const fs::path path = fs::path(dir) / name;
  if (!fs::exists(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) {
    *errors += std::string(name) + ": cannot read\n";
    return false;
  }
  *out = ss.str();
  return true;
}

template <typename T>
void Keep(core::Result<std::unique_ptr<T>> parsed, std::unique_ptr<T>* out, std::string* errors) {
  if (parsed.ok()) {
    *out = std::move(parsed).value();
  } else {
    *errors += parsed.status().message();
  }
}

}  // namespace

core::Result<FittedModels> FittedModels::Load(
    const std::string& rules_dir, const std::function<void(std::string_view, std::string_view)>& add_version) {
  FittedModels m;
  std::string errors, text;
  if (ReadOptional(rules_dir, kComplaintFile, &text, &errors)) {
    add_version(kComplaintFile, text);
    Keep(TermModel::Parse(kComplaintFile, text), &m.complaint, &errors);
  }
  if (ReadOptional(rules_dir, kCategoryFile, &text, &errors)) {
    add_version(kCategoryFile, text);
    const std::vector<std::string_view> categories(model::kCategories.begin(), model::kCategories.end());
    Keep(ClassModel::Parse(kCategoryFile, text, categories, {"vote_weight"}), &m.category, &errors);
  }
  if (ReadOptional(rules_dir, kUrgentFile, &text, &errors)) {
    add_version(kUrgentFile, text);
    std::vector<std::string_view> classes(model::kUrgentReasonsByRank.begin(), model::kUrgentReasonsByRank.end());
    classes.push_back(kNotUrgent);
    Keep(ClassModel::Parse(kUrgentFile, text, classes, {"threshold"}), &m.urgent, &errors);
  }
  if (!errors.empty()) return core::InvalidArgument(errors);
  return m;
}

CategoryVotes FittedModels::Apply(std::string_view text, model::Verdict* v) const {
  CategoryVotes votes{};
  if (!complaint && !category && !urgent) return votes;
  const std::vector<std::string> features = TermModel::Features(text);
  if (complaint) {
    TermScore t = complaint->Score(features);
    v->model_score = t.score;
    v->model_terms = std::move(t.terms);
  }
  if (category) {
    const std::vector<double> p = category->Probabilities(features);
    const std::vector<std::string>& names = category->classes();
    for (size_t k = 0; k < names.size(); ++k) {
      for (size_t i = 0; i < model::kCategories.size(); ++i) {
        if (model::kCategories[i] == names[k]) votes[i] += p[k] * category->setting("vote_weight");
      }
      v->model_categories.push_back({names[k], p[k]});
    }
    std::stable_sort(v->model_categories.begin(), v->model_categories.end(),
                     [](const auto& a, const auto& b) { return a.probability > b.probability; });
    if (v->model_categories.size() > kExplainCategories) v->model_categories.resize(kExplainCategories);
  }
  if (urgent) {
    const std::vector<double> p = urgent->Probabilities(features);
    const std::vector<std::string>& names = urgent->classes();
    double any = 0;
    size_t best = names.size();
    for (size_t k = 0; k < names.size(); ++k) {
      if (names[k] == kNotUrgent) continue;
      any += p[k];
      if (best == names.size() || p[k] > p[best]) best = k;
    }
    v->model_urgent_probability = any;
    // A second opinion, never a first: the model speaks only when the urgent
    // lexicon found some evidence that did not add up on its own. Alone, at
    // any threshold, it paired everyday words into urgency ("thinking about
    // switching doctors, I'm tired of this runaround" read as self-harm at
    // 0.64); gated, it found more of the urgent posts than alone at 0.5 with
    // the same precision (rules/README.md, round 25).
    const bool evidence = std::any_of(v->matches.begin(), v->matches.end(),
                                      [](const model::RuleMatch& m) { return m.signal() == kEvidenceSignal; });
    if (best < names.size() && evidence && any >= urgent->setting("threshold")) {
      v->model_urgent_reason = names[best];
      v->urgent_reasons.push_back(names[best]);  // Combine() puts the reasons in rank order
    }
  }
  return votes;
}

}  // namespace turnaround::classify
