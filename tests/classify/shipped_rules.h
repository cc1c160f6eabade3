// The project's own rules/, loaded once per test binary and shared by the
// classifier tests that check shipped behaviour (not a fake: real rules).
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "classify/classifier.h"

namespace turnaround::classify::testing {

inline std::shared_ptr<const Classifier> ShippedRules() {
  static auto loaded = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules");
  REQUIRE(loaded.ok());
  return *loaded;
}

}  // namespace turnaround::classify::testing
