// CategoryModel: a fitted word model that votes for a complaint's category
// beside the category rules (rules/category.model, written by
// tests/classify/fit_model.py --categories).
//
// Why: the rules' votes (setting words, fitted word tiers, phrasings) chose
// the labelled category for 0.59-0.71 of the complaints of sets written blind;
// a multinomial logistic regression over the same word and word-pair features
// as TermModel, fitted without the set scored, chose it for 0.78, and its
// probabilities added to the rules' votes for 0.83 (rules/README.md, round 25).
// It votes, it does not decide: each category's probability times
// vote_weight joins that category's votes, so two firm topic rules still
// outvote a hesitant model, and a privacy breach still makes the category
// privacy.
//
// Thread behaviour: immutable after Parse(); Probabilities() is const and
// safe from any number of threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace turnaround::classify {

class CategoryModel {
 public:
  // Parses a model file (format in rules/README.md: `categories NAME...`,
  // `vote_weight X`, `intercept X...`, then `W1 ... WK<TAB>TERM` lines, one
  // weight per category in the `categories` order; `#` comments). Every
  // category must be one of model::kCategories. On failure returns
  // InvalidArgument naming the file and line.
  static core::Result<std::unique_ptr<CategoryModel>> Parse(std::string_view file_name, std::string_view contents);

  // The softmax over categories() for `text` (sums to 1).
  std::vector<double> Probabilities(std::string_view text) const;
  // The same from TermModel::Features(text).
  std::vector<double> Probabilities(const std::vector<std::string>& features) const;

  const std::vector<std::string>& categories() const { return categories_; }
  double vote_weight() const { return vote_weight_; }

 private:
  std::vector<std::string> categories_;
  double vote_weight_ = 0;
  std::vector<double> intercepts_;
  std::unordered_map<std::string, std::vector<double>> weights_;  // each of categories_.size()
};

}  // namespace turnaround::classify
