// The project's own rules/, loaded once per test binary and shared by the
// classifier tests that check shipped behaviour (not a fake: real rules).
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

#include "classify/classifier.h"
#include "classify/fitted_models.h"

namespace turnaround::classify::testing {

inline std::shared_ptr<const Classifier> ShippedRules() {
  // Behaviour only: the rules' own examples are checked by rule_set_test and
  // the classify_rules_check test, not again in every test process.
  // On RE2: accelerate_test checks that Hyperscan gives byte-identical
  // verdicts on every labelled comment, so the behaviour tests need not pay
  // its compile (minutes under AddressSanitizer) in every test process.
  static auto loaded = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules", {.run_examples = false});
  REQUIRE(loaded.ok());
  return *loaded;
}

// The shipped rules without the fitted models (FittedModels::kFiles): what the
// written rules alone decide. Tests of a phrasing a rule was written for check
// that rule's effect; the models, fitted on the labelled sets, are measured on
// those sets (fit_model.py --loso, the eval gate), not per sentence.
inline std::shared_ptr<const Classifier> ShippedRulesWithoutModel() {
  static auto loaded = [] {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("turnaround_rules_without_model_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(TURNAROUND_SOURCE_DIR "/rules", dir);
    for (const char* model : FittedModels::kFiles) fs::remove(dir / model);
    auto l = Classifier::Load(dir.string(), {.run_examples = false});
    fs::remove_all(dir);
    return l;
  }();
  REQUIRE(loaded.ok());
  return *loaded;
}

struct UrgentCase {
  const char* text;
  const char* reason;  // the reason an agent must read first
};

// Each calm text gets no urgent reason at all, with everything shipped.
template <size_t C>
void ExpectCalm(const char* const (&calm)[C]) {
  for (const char* t : calm) {
    INFO(t);
    CHECK(ShippedRules()->Classify(t).urgent_reasons.empty());
  }
}

// Each urgent text gets `reason` first and urgent severity; each calm text no
// urgent reason at all.
template <size_t U, size_t C>
void ExpectUrgentAndCalm(const UrgentCase (&urgent)[U], const char* const (&calm)[C]) {
  for (const UrgentCase& u : urgent) {
    INFO(u.text);
    model::Verdict v = ShippedRules()->Classify(u.text);
    REQUIRE_FALSE(v.urgent_reasons.empty());
    CHECK(v.urgent_reasons.front() == std::string(u.reason));
    CHECK(v.severity == model::Severity::kUrgent);
  }
  ExpectCalm(calm);
}

// Each urgent text gets `reason` among its reasons from the written rules
// alone (ShippedRulesWithoutModel): what a rule written for a phrasing must do.
// Not necessarily first: a restraining order is also read as a threat, which
// ranks above a leak (combine.cpp ReasonRank).
template <size_t U>
void ExpectFlaggedByRules(const UrgentCase (&urgent)[U]) {
  for (const UrgentCase& u : urgent) {
    INFO(u.text);
    const model::Verdict v = ShippedRulesWithoutModel()->Classify(u.text);
    CHECK(std::find(v.urgent_reasons.begin(), v.urgent_reasons.end(), u.reason) != v.urgent_reasons.end());
  }
}

// A round's families: each urgent text flagged by the written rules alone, each
// calm one calm with everything shipped.
template <size_t U, size_t C>
void ExpectFlaggedByRulesAndCalm(const UrgentCase (&urgent)[U], const char* const (&calm)[C]) {
  ExpectFlaggedByRules(urgent);
  ExpectCalm(calm);
}

// Counters, on the written rules alone: each post told as over must be found
// urgent by some rule and then called off (so the check fails if its counter is
// taken out, not only if nothing matched in the first place); each live post
// must keep `reason` first with nothing called off.
template <size_t O, size_t L>
void ExpectCalledOffAndLive(const char* const (&over)[O], const UrgentCase (&live)[L]) {
  const auto rules = ShippedRulesWithoutModel();
  for (const char* t : over) {
    INFO(t);
    const model::Verdict v = rules->Classify(t);
    CHECK(v.urgent_reasons.empty());
    CHECK_FALSE(v.urgent_called_off.empty());
  }
  for (const UrgentCase& u : live) {
    INFO(u.text);
    const model::Verdict v = rules->Classify(u.text);
    REQUIRE_FALSE(v.urgent_reasons.empty());
    CHECK(v.urgent_reasons.front() == std::string(u.reason));
    CHECK(v.urgent_called_off.empty());
  }
}

// A phrasing a complaint rule (or counter) was written for, and what the
// written rules alone (ShippedRulesWithoutModel) must decide about it.
struct ComplaintCase {
  const char* text;
  bool complaint;
};

template <size_t N>
void ExpectComplaintByRules(const ComplaintCase (&cases)[N]) {
  const auto rules = ShippedRulesWithoutModel();
  for (const ComplaintCase& c : cases) {
    INFO(c.text);
    CHECK(rules->Classify(c.text).is_complaint == c.complaint);
  }
}

}  // namespace turnaround::classify::testing
