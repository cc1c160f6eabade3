#include "store/rules_generation.h"

#include <set>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "sql/seed.h"

using namespace turnaround;

TEST_CASE("rules generation starts at 0 and each bump is seen by every instance", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  store::RulesGenerationStore a(testing::InstancePool(db)), b(testing::InstancePool(db));
  auto none = b.Current();
  REQUIRE(none.ok());
  CHECK(none->generation == 0);
  CHECK(none->rules_version.empty());
  CHECK(a.Bump("v1", "ann", 10).value() == 1);
  CHECK(a.Bump("v2", "signal:SIGHUP", 20).value() == 2);
  auto seen = b.Current();
  REQUIRE(seen.ok());
  CHECK(seen->generation == 2);
  CHECK(seen->rules_version == "v2");
  CHECK(seen->actor == "signal:SIGHUP");
  CHECK(seen->at_ms == 20);
}

TEST_CASE("rules generation: instances bumping at once each get their own generation", "[store][sql]") {
  TA_ON_EACH_ENGINE(db);
  store::RulesGenerationStore a(testing::InstancePool(db)), b(testing::InstancePool(db));
  std::vector<std::int64_t> got_a, got_b;
  auto bump = [](store::RulesGenerationStore* s, std::vector<std::int64_t>* out) {
    for (int i = 0; i < 20; ++i) {
      auto g = s->Bump("v", "t", i);
      if (g.ok()) out->push_back(*g);
    }
  };
  std::thread ta(bump, &a, &got_a), tb(bump, &b, &got_b);
  ta.join();
  tb.join();
  std::set<std::int64_t> all(got_a.begin(), got_a.end());
  all.insert(got_b.begin(), got_b.end());
  CHECK(got_a.size() + got_b.size() == 40);
  CHECK(all.size() == 40);
  CHECK(a.Current()->generation == 40);
}
