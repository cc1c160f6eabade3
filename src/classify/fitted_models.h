// FittedModels: the optional generated model files of a rules folder
// (complaint.model, category.model, urgent.model; tests/classify/fit_model.py)
// and what each adds to a verdict beside the rules (rules/README.md, "The
// complaint model" and after).
//
// Thread behaviour: immutable after Parse(); Apply() is const and safe from any
// number of threads.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "classify/class_model.h"
#include "classify/combine.h"
#include "classify/term_index.h"
#include "classify/term_model.h"
#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

struct FittedModels {
  std::unique_ptr<TermModel> complaint;  // null when the folder has no complaint.model
  std::unique_ptr<ClassModel> category;  // ... no category.model
  std::unique_ptr<ClassModel> urgent;    // ... no urgent.model

  // The terms (words or word pairs, one per line, as TermModel spells
  // them) that put a comment in the complaint model's domain: talk about care.
  // Written by hand (rules/domain.terms), read only with a complaint model
  // that has domain settings.
  std::unique_ptr<TermIndex> domain;

  // The optional files of a rules folder that the fitted models read, in the
  // order the rules version reads them.
  static constexpr std::array<const char*, 4> kFiles = {"complaint.model", "category.model", "urgent.model",
                                                         "domain.terms"};

  // Parses the model files a rules folder holds: `files` maps each of kFiles
  // that is there to its contents (one not there: no such model). On a file
  // that cannot be parsed returns InvalidArgument whose message names the file
  // and line (one line per problem); so does a complaint model with domain
  // settings and no domain.terms, or the other way round.
  static core::Result<FittedModels> Parse(const std::map<std::string, std::string>& files);

  // Fills v's model fields (model_score, model_terms, model_domain_terms,
  // model_categories, model_urgent_probability, model_urgent_reason), adds
  // the urgent model's likeliest reason to v->urgent_reasons when the
  // probability of any reason reaches its `threshold` and v->matches holds an
  // urgent_evidence match, or reaches its `alone_threshold`, and returns what
  // Combine() needs: the category model's votes, and when a domain term is
  // present the share of the rules' margin that counts. Call after the rules
  // matched and before Combine().
  ModelEffect Apply(std::string_view text, model::Verdict* v) const;

 private:
  // Every model's terms in one index with their weights laid out by it, so
  // that Apply() looks each feature up once (term_index.h says why). Built by
  // Parse(). Apply() adds the same weights the models' own Score() and
  // Probabilities() add, in index order rather than the features' text
  // order: equal up to rounding in the last bits (over the 21,344 labelled
  // and public texts, two scores exactly at the complaint threshold and one
  // tie between two categories came out the other way).
  void BuildIndex();
  static core::Result<std::unique_ptr<TermIndex>> ParseDomainTerms(std::string_view contents);

  TermIndex index_;
  // By index, a row of row_width_: the complaint weight at 0, the category
  // model's classes from category_at_, the urgent model's from urgent_at_.
  std::vector<double> rows_;
  size_t row_width_ = 1;
  size_t category_at_ = 1;
  size_t urgent_at_ = 1;
  std::vector<bool> in_complaint_;        // by index: whether the term is the complaint model's
  std::vector<bool> in_domain_;           // by index: whether the term is a domain term
  std::vector<size_t> category_slots_;    // category class k's place in model::kCategories
};

}  // namespace turnaround::classify
