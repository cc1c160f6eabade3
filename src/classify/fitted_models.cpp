#include "classify/fitted_models.h"

#include <algorithm>
#include <vector>

namespace turnaround::classify {

namespace {

constexpr const char* kComplaintFile = FittedModels::kFiles[0];
constexpr const char* kCategoryFile = FittedModels::kFiles[1];
constexpr const char* kUrgentFile = FittedModels::kFiles[2];
constexpr std::string_view kNotUrgent = "none";  // the urgent model's class for "no reason"
constexpr size_t kExplainCategories = 3;
constexpr std::string_view kEvidenceSignal = "urgent_evidence";

template <typename T>
void Keep(core::Result<std::unique_ptr<T>> parsed, std::unique_ptr<T>* out, std::string* errors) {
  if (parsed.ok()) {
    *out = std::move(parsed).value();
  } else {
    *errors += parsed.status().message();
  }
}

}  // namespace

core::Result<FittedModels> FittedModels::Parse(const std::map<std::string, std::string>& files) {
  FittedModels m;
  std::string errors;
  if (auto f = files.find(kComplaintFile); f != files.end()) {
    Keep(TermModel::Parse(kComplaintFile, f->second), &m.complaint, &errors);
  }
  if (auto f = files.find(kCategoryFile); f != files.end()) {
    const std::vector<std::string_view> categories(model::kCategories.begin(), model::kCategories.end());
    Keep(ClassModel::Parse(kCategoryFile, f->second, categories, {"vote_weight"}), &m.category, &errors);
  }
  if (auto f = files.find(kUrgentFile); f != files.end()) {
    std::vector<std::string_view> classes(model::kUrgentReasonsByRank.begin(), model::kUrgentReasonsByRank.end());
    classes.push_back(kNotUrgent);
    Keep(ClassModel::Parse(kUrgentFile, f->second, classes, {"threshold", "alone_threshold"}), &m.urgent, &errors);
    // Without `none` every comment's reasons would sum to 1 and reach any threshold.
    if (m.urgent && std::find(m.urgent->classes().begin(), m.urgent->classes().end(), kNotUrgent) ==
                        m.urgent->classes().end()) {
      errors += std::string(kUrgentFile) + ": `classes` must include none\n";
    }
  }
  if (!errors.empty()) return core::InvalidArgument(errors);
  m.BuildIndex();
  return m;
}

namespace {

// Lays out a class model's weights by the shared index (rows of zeros for
// terms it does not hold: adding 0.0 leaves every sum exactly as it was).
std::vector<double> RowsByIndex(const ClassModel& model, const TermIndex& index) {
  const size_t k = model.classes().size();
  std::vector<double> rows(index.size() * k, 0.0);
  for (uint32_t t = 0; t < model.terms().size(); ++t) {
    const double* w = model.row(t);
    std::copy(w, w + k, rows.begin() + static_cast<std::ptrdiff_t>(index.Find(model.terms().term(t)) * k));
  }
  return rows;
}

// Adds row `at` of `rows` (k wide) to z.
void AddRow(const std::vector<double>& rows, uint32_t at, std::vector<double>* z) {
  const double* row = rows.data() + static_cast<size_t>(at) * z->size();
  for (size_t c = 0; c < z->size(); ++c) (*z)[c] += row[c];
}

void AddTerms(const TermIndex& terms, TermIndex* index) {
  for (uint32_t t = 0; t < terms.size(); ++t) index->Add(terms.term(t));
}

}  // namespace

void FittedModels::BuildIndex() {
  if (complaint) AddTerms(complaint->terms(), &index_);
  if (category) AddTerms(category->terms(), &index_);
  if (urgent) AddTerms(urgent->terms(), &index_);
  if (complaint) {
    complaint_weights_.assign(index_.size(), 0.0);
    in_complaint_.assign(index_.size(), 0);
    for (uint32_t t = 0; t < complaint->terms().size(); ++t) {
      const uint32_t i = index_.Find(complaint->terms().term(t));
      complaint_weights_[i] = complaint->weight(t);
      in_complaint_[i] = 1;
    }
  }
  if (category) {
    category_weights_ = RowsByIndex(*category, index_);
    // Parse() admitted only kCategories, so every slot is in range.
    for (const std::string& c : category->classes()) category_slots_.push_back(model::CategoryIndex(c));
  }
  if (urgent) urgent_weights_ = RowsByIndex(*urgent, index_);
}

CategoryVotes FittedModels::Apply(std::string_view text, model::Verdict* v) const {
  CategoryVotes votes{};
  if (!complaint && !category && !urgent) return votes;
  // The features of TermModel::Features(), looked up as they are made: a
  // feature no model holds is never stored or sorted, and each present one
  // counts once (deduplicated by index, not by text). The scratch buffers are
  // per thread and keep their storage, so this allocates nothing once warm.
  thread_local std::string tokens;
  thread_local std::vector<uint32_t> ends;
  thread_local std::string pair;
  thread_local std::vector<uint32_t> present;
  TermModel::TokenizeInto(text, &tokens, &ends);
  present.clear();
  std::string_view previous;
  for (size_t t = 0, begin = 0; t < ends.size(); begin = ends[t++]) {
    const std::string_view token = std::string_view(tokens).substr(begin, ends[t] - begin);
    if (const uint32_t i = index_.Find(token); i != TermIndex::kNone) present.push_back(i);
    if (t > 0) {
      pair.assign(previous).append(1, ' ').append(token);
      if (const uint32_t i = index_.Find(pair); i != TermIndex::kNone) present.push_back(i);
    }
    previous = token;
  }
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  std::vector<std::pair<std::string_view, double>> hits;
  std::vector<double> category_z = category ? category->intercepts() : std::vector<double>();
  std::vector<double> urgent_z = urgent ? urgent->intercepts() : std::vector<double>();
  for (const uint32_t i : present) {
    if (complaint && in_complaint_[i]) hits.emplace_back(index_.term(i), complaint_weights_[i]);
    if (category) AddRow(category_weights_, i, &category_z);
    if (urgent) AddRow(urgent_weights_, i, &urgent_z);
  }
  if (complaint) {
    TermScore t = complaint->FromHits(std::move(hits));
    v->model_score = t.score;
    v->model_terms = std::move(t.terms);
  }
  if (category) {
    std::vector<double>& p = category_z;
    ClassModel::Softmax(&p);
    const std::vector<std::string>& names = category->classes();
    const double vote_weight = category->setting("vote_weight");
    for (size_t k = 0; k < names.size(); ++k) {
      votes[category_slots_[k]] += p[k] * vote_weight;
      v->model_categories.push_back({names[k], p[k]});
    }
    std::stable_sort(v->model_categories.begin(), v->model_categories.end(),
                     [](const auto& a, const auto& b) { return a.probability > b.probability; });
    if (v->model_categories.size() > kExplainCategories) v->model_categories.resize(kExplainCategories);
  }
  if (urgent) {
    std::vector<double>& p = urgent_z;
    ClassModel::Softmax(&p);
    const std::vector<std::string>& names = urgent->classes();
    double any = 0;
    size_t best = names.size();
    for (size_t k = 0; k < names.size(); ++k) {
      if (names[k] == kNotUrgent) continue;
      any += p[k];
      if (best == names.size() || p[k] > p[best]) best = k;
    }
    v->model_urgent_probability = any;
    // Mostly a second opinion: below `alone_threshold` the model speaks only
    // when the urgent lexicon found some evidence that did not add up on its
    // own. Alone at 0.5 it paired everyday words into urgency ("thinking
    // about switching doctors, I'm tired of this runaround" read as self-harm
    // at 0.64); gated, or alone only when it is sure, it found more of the
    // urgent posts at the same precision (rules/README.md, round 25).
    const bool evidence = std::any_of(v->matches.begin(), v->matches.end(),
                                      [](const model::RuleMatch& m) { return m.signal() == kEvidenceSignal; });
    const bool fires = any >= urgent->setting("alone_threshold") || (evidence && any >= urgent->setting("threshold"));
    if (best < names.size() && fires) {
      v->model_urgent_reason = names[best];
      v->urgent_reasons.push_back(names[best]);  // Combine() puts the reasons in rank order
    }
  }
  return votes;
}

}  // namespace turnaround::classify
