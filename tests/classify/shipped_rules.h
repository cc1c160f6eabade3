// The project's own rules/, loaded once per test binary and shared by the
// classifier tests that check shipped behaviour (not a fake: real rules).
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "classify/classifier.h"

namespace turnaround::classify::testing {

inline std::shared_ptr<const Classifier> ShippedRules() {
  // Behaviour only: the rules' own examples are checked by rule_set_test and
  // the classify_rules_check test, not again in every test process.
  static auto loaded = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules", {.run_examples = false});
  REQUIRE(loaded.ok());
  return *loaded;
}

}  // namespace turnaround::classify::testing
