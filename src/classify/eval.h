// Eval: scores a classifier on labelled JSON Lines
// ({"text", "label": "complaint"|"not_complaint", "urgent"?, "category"?}).
// Pure function of its inputs; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "classify/classifier.h"
#include "core/status.h"

namespace turnaround::classify {

struct EvalError {   // one misclassified line, for --errors
  int line = 0;
  std::string text;
  std::string expected;  // "complaint", "not_complaint", "urgent:REASON", "category:NAME"
  std::string got;
  std::string rules;     // ids of the rules that matched, comma-separated
};

struct EvalReport {
  int n = 0, tp = 0, fp = 0, fn = 0, tn = 0;
  // Urgent: a row is urgent when it has a non-empty "urgent" string.
  bool has_urgent = false;
  int urgent_tp = 0, urgent_fp = 0, urgent_fn = 0;
  bool has_category = false;
  int category_n = 0, category_correct = 0;
  std::vector<EvalError> errors;  // every miss, in file order

  double precision() const;
  double recall() const;
  double f1() const;
  double accuracy() const;
  double urgent_recall() const;
  double urgent_precision() const;
  double category_accuracy() const;

  // {n, precision, recall, f1, accuracy, tp, fp, fn, tn} plus urgent_recall,
  // urgent_precision and category_accuracy when those labels are present.
  nlohmann::json ToJson() const;
};

// Classifies every line of `jsonl` (named `file_name` in errors). A line that
// is not JSON, lacks "text", or has a label other than complaint /
// not_complaint fails the whole run with InvalidArgument "FILE:LINE: reason".
// Blank lines are skipped.
core::Result<EvalReport> Evaluate(const Classifier& c, std::string_view file_name, std::string_view jsonl);

}  // namespace turnaround::classify
