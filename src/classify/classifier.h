// Classifier: rules (RE2, one pass) + sentiment → Verdict.
//
// Thread behaviour: a Classifier is immutable once loaded; Classify() is const
// and safe to call from any number of threads. Reload swaps a whole new
// Classifier into a ClassifierHolder; readers keep the snapshot they took.
//
// Usage:
//   auto loaded = Classifier::Load("rules");
//   if (!loaded.ok()) { print(loaded.status().message()); }  // the report
//   model::Verdict v = (*loaded)->Classify("Day 9 of waiting for billing to call me back");
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "classify/hs_set.h"
#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

// What Classify() computes besides the decision.
struct ClassifyOptions {
  // Find the text span of every matched rule (RuleMatch begin/end/matched).
  // Verdicts that are stored or shown need them; callers that only need the
  // decision (eval, bulk re-scoring) can skip them: about 3x fewer regex runs.
  bool spans = true;
};

struct LoadOptions {
  // Run every rule's match/no_match examples (rule unit tests). `rules check`
  // and reloads run them; the server's start-up only compiles, so that a rule
  // author's drifted example cannot keep the service from starting (and start-up
  // stays fast: the examples were half of the load time, more under sanitizers).
  bool run_examples = true;
};

class Classifier {
 public:
  // Loads every rule file and the sentiment lexicon from `rules_dir`, compiles
  // them and (unless options say not to) runs every rule's examples. On any
  // failure returns InvalidArgument whose message is the report: one line per
  // problem, each naming the file, line, rule id and reason. Never throws.
  static core::Result<std::shared_ptr<const Classifier>> Load(const std::string& rules_dir,
                                                              LoadOptions options = {});

  virtual ~Classifier() = default;

  // Classifies one comment (UTF-8). Never fails: on an internal matching
  // error the verdict says so in its explanation and errs towards flagging.
  model::Verdict Classify(std::string_view text) const { return Classify(text, ClassifyOptions{}); }
  virtual model::Verdict Classify(std::string_view text, const ClassifyOptions& options) const = 0;

  // Identifies the loaded rule set (a content hash), stored with each verdict.
  virtual const std::string& version() const = 0;

  // How many rules are loaded (for `rules check` and logs).
  virtual size_t rule_count() const = 0;

  // Switches rule matching to Hyperscan (RuleSet::Accelerate): the same
  // verdicts, about 100x faster on text the rules have not seen before.
  // Takes seconds unless `cache_dir` holds the database compiled for these
  // rules (it is written there otherwise; "" = no cache), so callers run it
  // off the request path while Classify() keeps answering with RE2.
  // With a `compiler`, a database not in the cache is compiled by it (in
  // another process) and never in this one.
  // Returns what was done (AccelerateReport::Summary() for the log). Errors:
  // Hyperscan's or the compiler's; the classifier then stays on RE2 and is
  // still correct. `cancelled` (RuleSet::Accelerate) lets a stopping caller
  // stop waiting for another process's compile.
  virtual core::Result<AccelerateReport> Accelerate(const std::string& cache_dir, const HsCompiler& compiler = {},
                                                    const HsCancelled& cancelled = {}) const = 0;
  virtual bool accelerated() const = 0;
};

// Holds the live classifier; Get() and Reload() are thread-safe.
class ClassifierHolder {
 public:
  explicit ClassifierHolder(std::shared_ptr<const Classifier> initial) : current_(std::move(initial)) {}

  std::shared_ptr<const Classifier> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return current_;
  }

  // Loads `rules_dir`; on success swaps it in, on failure keeps the old rules
  // live and returns the report.
  core::Status Reload(const std::string& rules_dir) {
    auto loaded = Classifier::Load(rules_dir);
    if (!loaded.ok()) return loaded.status();
    std::lock_guard<std::mutex> lock(mu_);
    current_ = std::move(loaded).value();
    return core::Status::Ok();
  }

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const Classifier> current_;  // guarded by mu_
};

}  // namespace turnaround::classify
