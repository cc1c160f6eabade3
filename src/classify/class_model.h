// ClassModel: a fitted multinomial word model over a fixed set of classes,
// read from a generated file of the rules folder (tests/classify/fit_model.py).
// Two are shipped:
// - rules/category.model: the ten categories; each category's probability
//   times `vote_weight` joins the category rules' votes (combine.cpp).
// - rules/urgent.model: `none` and the five urgent reasons; when the
//   probability of any reason reaches `threshold` and the urgent lexicon
//   found some evidence, or reaches `alone_threshold`, the likeliest reason
//   is added to the verdict's urgent reasons (fitted_models.cpp).
//
// Why: the rules' category votes chose the labelled category for 0.59-0.71 of
// the complaints of sets written blind and found 0.65-0.83 of their urgent
// posts; the same features as TermModel (a comment's distinct words and word
// pairs) in a logistic regression fitted without the set scored did better
// on both, and together with the rules better still (rules/README.md, round 25).
//
// Thread behaviour: immutable after Parse(); Probabilities() is const and
// safe from any number of threads.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classify/term_index.h"
#include "core/status.h"

namespace turnaround::classify {

class ClassModel {
 public:
  // Parses a model file (format in rules/README.md: `classes NAME...`, the
  // settings, `intercept X...`, then `W1 ... WK<TAB>TERM` lines, one weight
  // per class in the `classes` order; `#` comments). Every class must be in
  // `allowed_classes`, every setting in `required_settings` must be given (a
  // number >= 0) and no other. On failure returns InvalidArgument naming the
  // file and line.
  static core::Result<std::unique_ptr<ClassModel>> Parse(std::string_view file_name, std::string_view contents,
                                                         const std::vector<std::string_view>& allowed_classes,
                                                         std::initializer_list<std::string_view> required_settings);

  // The softmax over classes() for `text` (sums to 1).
  std::vector<double> Probabilities(std::string_view text) const;

  const std::vector<std::string>& classes() const { return classes_; }
  // The terms, the weights of term i (a row, one per class), and the intercepts: for a
  // caller that sums the present terms itself (FittedModels' shared index)
  // and then calls Softmax().
  const TermIndex& terms() const { return terms_; }
  const double* row(uint32_t term) const { return weights_.data() + static_cast<size_t>(term) * classes_.size(); }
  const std::vector<double>& intercepts() const { return intercepts_; }
  // Turns the sums (intercept plus present weights) into probabilities, in place.
  static void Softmax(std::vector<double>* z);
  // A setting Parse() required.
  double setting(std::string_view name) const;

 private:
  std::vector<std::string> classes_;
  std::vector<std::pair<std::string, double>> settings_;
  std::vector<double> intercepts_;
  TermIndex terms_;              // in file order
  std::vector<double> weights_;  // a row of classes_.size() per term, by terms_ index
};

}  // namespace turnaround::classify
