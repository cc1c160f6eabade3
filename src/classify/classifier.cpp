// Classifier::Load and the verdict combination (see rules/README.md, "How a
// verdict is made"). Invariant: a RulesClassifier is never modified after
// Load(), which is what makes Classify() safe from many threads.
#include "classify/classifier.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "classify/combine.h"
#include "classify/fitted_models.h"
#include "classify/rule_set.h"
#include "classify/sentiment.h"

namespace turnaround::classify {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLexiconFile = "sentiment.lexicon";

class RulesClassifier final : public Classifier {
 public:
  RulesClassifier(std::unique_ptr<RuleSet> rules, std::unique_ptr<SentimentScorer> sentiment,
                  FittedModels models, std::string version)
      : rules_(std::move(rules)),
        sentiment_(std::move(sentiment)),
        models_(std::move(models)),
        version_(std::move(version)) {}

  using Classifier::Classify;
  model::Verdict Classify(std::string_view text, const ClassifyOptions& options) const override {
    model::Verdict v;
    v.rules_version = version_;
    if (!rules_->Match(text, &v.matches, options.spans)) {
      // The one-pass set ran out of memory; rules were tried one by one.
      static const auto kFallback =
          std::make_shared<const model::RuleInfo>(model::RuleInfo{"internal.set_fallback", "", "error", 0, "", {}});
      v.matches.emplace_back(kFallback);
    }
    SentimentResult s = sentiment_->Score(text);
    const ModelEffect effect = models_.Apply(text, &v);
    Combine(text, s, &v, effect);
    v.sentiment_terms = std::move(s.terms);
    return v;
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
  FittedModels models_;  // each optional
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
  std::map<std::string, std::string> model_files;  // optional: a folder without them classifies by rules
  for (const char* name : FittedModels::kFiles) {
    const fs::path p = fs::path(rules_dir) / name;
    if (!fs::exists(p, ec)) continue;
    std::string contents;
    if (!ReadFile(p, &contents)) {
      errors.push_back(std::string(name) + ": cannot read");
      continue;
    }
    version.Add(name);
    version.Add(contents);
    model_files.emplace(name, std::move(contents));
  }

  std::string report;
  for (const std::string& e : errors) report += e + "\n";
  if (!report.empty()) return core::InvalidArgument(report);

  auto rules = RuleSet::Compile(std::move(specs), options.run_examples);
  auto sentiment = SentimentScorer::Parse(kLexiconFile, lexicon);
  auto models = FittedModels::Parse(model_files);
  if (!rules.ok()) report += rules.status().message();
  if (!sentiment.ok()) report += sentiment.status().message();
  if (!models.ok()) report += models.status().message();
  if (!report.empty()) return core::InvalidArgument(report);
  return std::shared_ptr<const Classifier>(
      std::make_shared<RulesClassifier>(std::move(rules).value(), std::move(sentiment).value(),
                                        std::move(models).value(), version.Hex()));
}

}  // namespace turnaround::classify
