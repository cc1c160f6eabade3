#include "classify/fitted_models.h"

#include <algorithm>
#include <vector>

#include "classify/data_lines.h"

namespace turnaround::classify {

namespace {

constexpr const char* kComplaintFile = FittedModels::kFiles[0];
constexpr const char* kCategoryFile = FittedModels::kFiles[1];
constexpr const char* kUrgentFile = FittedModels::kFiles[2];
constexpr const char* kDomainFile = FittedModels::kFiles[3];
constexpr size_t kExplainDomainTerms = 3;
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
  if (auto f = files.find(kDomainFile); f != files.end()) {
    Keep(ParseDomainTerms(f->second), &m.domain, &errors);
  }
  // Each without the other is a half-made change (a file deleted, a model
  // refit without its settings): say so rather than silently ignore it.
  const bool model_domain = m.complaint && m.complaint->has_domain();
  if (model_domain && !m.domain) {
    errors += std::string(kComplaintFile) + ": domain_rules_share is set but there is no " + kDomainFile + "\n";
  } else if (m.complaint && !model_domain && m.domain) {
    errors += std::string(kDomainFile) + ": " + kComplaintFile + " has no domain_rules_share / domain_shift to use it\n";
  }
  if (!errors.empty()) return core::InvalidArgument(errors);
  m.BuildIndex();
  return m;
}

core::Result<std::unique_ptr<TermIndex>> FittedModels::ParseDomainTerms(std::string_view contents) {
  auto terms = std::make_unique<TermIndex>();
  std::string errors;
  ForEachDataLine(contents, [&](int line_no, std::string_view term) {
    if (!TermModel::IsFeature(term)) {
      // A term the tokenizer cannot produce would silently never match.
      errors += std::string(kDomainFile) + ":" + std::to_string(line_no) +
                ": not " + std::string(TermModel::kFeatureShape) + ": " + std::string(term) + "\n";
    } else {
      terms->Add(term);
    }
  });
  if (terms->size() == 0 && errors.empty()) errors = std::string(kDomainFile) + ": no terms\n";
  if (!errors.empty()) return core::InvalidArgument(errors);
  return terms;
}

namespace {

void AddTerms(const TermIndex& terms, TermIndex* index) {
  for (uint32_t t = 0; t < terms.size(); ++t) index->Add(terms.term(t));
}

}  // namespace

void FittedModels::BuildIndex() {
  if (complaint) AddTerms(complaint->terms(), &index_);
  if (category) AddTerms(category->terms(), &index_);
  if (urgent) AddTerms(urgent->terms(), &index_);
  const bool use_domain = domain && complaint && complaint->has_domain();
  if (use_domain) AddTerms(*domain, &index_);
  // One row per term, [complaint weight, category weights..., urgent
  // weights...], zero where a model lacks the term (adding 0.0 leaves every
  // sum exactly as it was): a present term costs one or two cache lines
  // instead of one in each model's own table.
  category_at_ = 1;
  urgent_at_ = category_at_ + (category ? category->classes().size() : 0);
  row_width_ = urgent_at_ + (urgent ? urgent->classes().size() : 0);
  rows_.assign(index_.size() * row_width_, 0.0);
  in_complaint_.assign(index_.size(), false);
  in_domain_.assign(index_.size(), false);
  if (use_domain) {
    for (uint32_t t = 0; t < domain->size(); ++t) in_domain_[index_.Find(domain->term(t))] = true;
  }
  if (complaint) {
    for (uint32_t t = 0; t < complaint->terms().size(); ++t) {
      const uint32_t i = index_.Find(complaint->terms().term(t));
      rows_[i * row_width_] = complaint->weight(t);
      in_complaint_[i] = true;
    }
  }
  auto lay_out = [&](const ClassModel& model, size_t at) {
    const size_t k = model.classes().size();
    for (uint32_t t = 0; t < model.terms().size(); ++t) {
      const double* w = model.row(t);
      std::copy(w, w + k, rows_.begin() + static_cast<std::ptrdiff_t>(index_.Find(model.terms().term(t)) * row_width_ + at));
    }
  };
  if (category) {
    lay_out(*category, category_at_);
    // Parse() admitted only kCategories, so every slot is in range.
    for (const std::string& c : category->classes()) category_slots_.push_back(model::CategoryIndex(c));
  }
  if (urgent) lay_out(*urgent, urgent_at_);
}

ModelEffect FittedModels::Apply(std::string_view text, model::Verdict* v) const {
  ModelEffect effect;
  CategoryVotes& votes = effect.votes;
  if (!complaint && !category && !urgent) return effect;
  // The features of TermModel::Features(), looked up as they are made: a
  // feature no model holds is never stored or sorted, and each present one
  // counts once (deduplicated by index, not by text). A pair is a slice of
  // the token buffer, never copied. The scratch buffers are per thread and
  // keep their storage, so this allocates only what the verdict keeps.
  thread_local std::string tokens;
  thread_local std::vector<TermModel::TokenSpan> spans;
  thread_local std::vector<uint32_t> present;
  thread_local std::vector<std::pair<std::string_view, double>> hits;
  thread_local std::vector<double> category_z;
  thread_local std::vector<double> urgent_z;
  TermModel::TokenizeInto(text, &tokens, &spans);
  const std::string_view buf = tokens;
  present.clear();
  for (size_t t = 0; t < spans.size(); ++t) {
    const uint32_t end = spans[t].end;
    if (const uint32_t i = index_.Find(buf.substr(spans[t].begin, end - spans[t].begin)); i != TermIndex::kNone) {
      present.push_back(i);
    }
    if (t > 0) {
      const uint32_t begin = spans[t - 1].begin;
      if (const uint32_t i = index_.Find(buf.substr(begin, end - begin)); i != TermIndex::kNone) present.push_back(i);
    }
  }
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  hits.clear();
  category_z.clear();
  urgent_z.clear();
  if (category) category_z.assign(category->intercepts().begin(), category->intercepts().end());
  if (urgent) urgent_z.assign(urgent->intercepts().begin(), urgent->intercepts().end());
  bool in_domain = false;
  for (const uint32_t i : present) {
    const double* row = rows_.data() + static_cast<size_t>(i) * row_width_;
    if (complaint && in_complaint_[i]) hits.emplace_back(index_.term(i), row[0]);
    if (in_domain_[i]) {
      in_domain = true;
      if (v->model_domain_terms.size() < kExplainDomainTerms) v->model_domain_terms.emplace_back(index_.term(i));
    }
    for (size_t c = 0; c < category_z.size(); ++c) category_z[c] += row[category_at_ + c];
    for (size_t c = 0; c < urgent_z.size(); ++c) urgent_z[c] += row[urgent_at_ + c];
  }
  if (complaint) {
    TermScore t = complaint->FromHits(hits, in_domain);
    v->model_score = t.score;
    v->model_terms = std::move(t.terms);
    effect.capped_score = t.capped;
    if (in_domain) effect.rules_share = complaint->domain_rules_share();
  }
  if (category) {
    std::vector<double>& p = category_z;
    ClassModel::Softmax(&p);
    const std::vector<std::string>& names = category->classes();
    const double vote_weight = category->setting("vote_weight");
    // The likeliest few, likeliest first, ties in class order (a stable
    // sort of all of them, then cut, did the same with more work).
    v->model_categories.reserve(kExplainCategories + 1);
    for (size_t k = 0; k < names.size(); ++k) {
      votes[category_slots_[k]] += p[k] * vote_weight;
      auto& top = v->model_categories;
      if (top.size() == kExplainCategories && !(p[k] > top.back().probability)) continue;
      auto at = std::find_if(top.begin(), top.end(), [&](const model::ModelCategory& c) { return p[k] > c.probability; });
      top.insert(at, {names[k], p[k]});
      if (top.size() > kExplainCategories) top.pop_back();
    }
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
  return effect;
}

}  // namespace turnaround::classify
