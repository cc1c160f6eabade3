// Classifier::Load and the verdict combination (see rules/README.md, "How a
// verdict is made"). Invariant: a RulesClassifier is never modified after
// Load(), which is what makes Classify() safe from many threads.
#include "classify/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "classify/category_model.h"
#include "classify/combine.h"
#include "classify/rule_set.h"
#include "classify/sentiment.h"
#include "classify/term_model.h"

namespace turnaround::classify {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLexiconFile = "sentiment.lexicon";
// Optional: a rules folder without it classifies with the rules and sentiment alone.
constexpr const char* kModelFile = "complaint.model";
constexpr const char* kCategoryModelFile = "category.model";  // optional too

class RulesClassifier final : public Classifier {
 public:
  RulesClassifier(std::unique_ptr<RuleSet> rules, std::unique_ptr<SentimentScorer> sentiment,
                  std::unique_ptr<TermModel> model, std::unique_ptr<CategoryModel> category_model,
                  std::string version)
      : rules_(std::move(rules)),
        sentiment_(std::move(sentiment)),
        model_(std::move(model)),
        category_model_(std::move(category_model)),
        version_(std::move(version)) {}

  using Classifier::Classify;
  model::Verdict Classify(std::string_view text, const ClassifyOptions& options) const override {
    model::Verdict v;
    v.rules_version = version_;
    if (!rules_->Match(text, &v.matches, options.spans)) {
      // The one-pass set ran out of memory; rules were tried one by one.
      static const auto kFallback =
          std::make_shared<const model::RuleInfo>(model::RuleInfo{"internal.set_fallback", "", "error", 0, "", ""});
      v.matches.emplace_back(kFallback);
    }
    SentimentResult s = sentiment_->Score(text);
    CategoryVotes votes{};
    if (model_ || category_model_) {
      const std::vector<std::string> features = TermModel::Features(text);
      if (model_) {
        TermScore t = model_->Score(features);
        v.model_score = t.score;
        v.model_terms = std::move(t.terms);
      }
      if (category_model_) votes = CategoryVotesOf(features, &v.model_categories);
    }
    Combine(text, s, &v, votes);
    v.sentiment_terms = std::move(s.terms);
    return v;
  }

  // The category model's votes by model::kCategories, and its likeliest
  // categories for the explanation.
  CategoryVotes CategoryVotesOf(const std::vector<std::string>& features,
                                std::vector<model::ModelCategory>* top) const {
    const std::vector<double> p = category_model_->Probabilities(features);
    const std::vector<std::string>& names = category_model_->categories();
    CategoryVotes votes{};
    for (size_t k = 0; k < names.size(); ++k) {
      for (size_t i = 0; i < model::kCategories.size(); ++i) {
        if (model::kCategories[i] == names[k]) votes[i] += p[k] * category_model_->vote_weight();
      }
      top->push_back({names[k], p[k]});
    }
    std::sort(top->begin(), top->end(), [](const auto& a, const auto& b) { return a.probability > b.probability; });
    if (top->size() > 3) top->resize(3);
    return votes;
  }

  const std::string& version() const override { return version_; }
  size_t rule_count() const override { return rules_->rules().size(); }

  core::Result<AccelerateReport> Accelerate(const std::string& cache_dir, const HsCompiler& compiler,
                                            const HsCancelled& cancelled) const override {
    return rules_->Accelerate(cache_dir, compiler, cancelled);
  }
  bool accelerated() const override { return rules_->accelerated(); }

 private:
  std::unique_ptr<RuleSet> rules_;
  std::unique_ptr<SentimentScorer> sentiment_;
  std::unique_ptr<TermModel> model_;  // null: no complaint.model in the folder
  std::unique_ptr<CategoryModel> category_model_;  // null: no category.model
  std::string version_;
};

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// FNV-1a over names and contents: the same files give the same version.
class Fnv {
 public:
  void Add(std::string_view s) {
    for (char c : s) h_ = (h_ ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h_ = (h_ ^ 0xFF) * 1099511628211ULL;  // separator
  }
  std::string Hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  uint64_t h_ = 14695981039346656037ULL;
};

// Reads an optional file of the rules folder into *out and the version; false
// if the folder has none.
bool ReadOptional(const std::string& rules_dir, const char* name, std::string* out, Fnv* version,
                  std::vector<std::string>* errors) {
  std::error_code ec;
  const fs::path path = fs::path(rules_dir) / name;
  if (!fs::exists(path, ec)) return false;
  if (!ReadFile(path, out)) {
    errors->push_back(std::string(name) + ": cannot read");
    return false;
  }
  version->Add(name);
  version->Add(*out);
  return true;
}

}  // namespace

core::Result<std::shared_ptr<const Classifier>> Classifier::Load(const std::string& rules_dir,
                                                                 LoadOptions options) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(rules_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".rules") files.push_back(it->path());
  }
  if (ec) return core::InvalidArgument(rules_dir + ": cannot read rules directory: " + ec.message() + "\n");
  std::sort(files.begin(), files.end());
  if (files.empty()) return core::InvalidArgument(rules_dir + ": no *.rules files\n");

  Fnv version;
  std::vector<RuleSpec> specs;
  std::vector<std::string> errors;
  for (const fs::path& p : files) {
    std::string contents;
    if (!ReadFile(p, &contents)) {
      errors.push_back(p.filename().string() + ": cannot read");
      continue;
    }
    version.Add(p.filename().string());
    version.Add(contents);
    ParseRuleFile(p.filename().string(), contents, &specs, &errors);
  }
  std::string lexicon;
  fs::path lexicon_path = fs::path(rules_dir) / kLexiconFile;
  if (!ReadFile(lexicon_path, &lexicon)) errors.push_back(std::string(kLexiconFile) + ": cannot read");
  version.Add(lexicon);
  std::string model_text, category_text;
  const bool have_model = ReadOptional(rules_dir, kModelFile, &model_text, &version, &errors);
  const bool have_category_model = ReadOptional(rules_dir, kCategoryModelFile, &category_text, &version, &errors);

  std::string report;
  for (const std::string& e : errors) report += e + "\n";
  if (!report.empty()) return core::InvalidArgument(report);

  auto rules = RuleSet::Compile(std::move(specs), options.run_examples);
  auto sentiment = SentimentScorer::Parse(kLexiconFile, lexicon);
  if (!rules.ok()) report += rules.status().message();
  if (!sentiment.ok()) report += sentiment.status().message();
  std::unique_ptr<TermModel> model;
  if (have_model) {
    auto parsed = TermModel::Parse(kModelFile, model_text);
    if (parsed.ok()) {
      model = std::move(parsed).value();
    } else {
      report += parsed.status().message();
    }
  }
  std::unique_ptr<CategoryModel> category_model;
  if (have_category_model) {
    auto parsed = CategoryModel::Parse(kCategoryModelFile, category_text);
    if (parsed.ok()) {
      category_model = std::move(parsed).value();
    } else {
      report += parsed.status().message();
    }
  }
  if (!report.empty()) return core::InvalidArgument(report);
  return std::shared_ptr<const Classifier>(
      std::make_shared<RulesClassifier>(std::move(rules).value(), std::move(sentiment).value(), std::move(model),
                                        std::move(category_model), version.Hex()));
}

}  // namespace turnaround::classify
