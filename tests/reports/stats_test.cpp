// Quantiles (type 7 interpolation), mean and percent.
#include "reports/stats.h"

#include <catch2/catch.hpp>

using turnaround::reports::Mean;
using turnaround::reports::Percent;
using turnaround::reports::Quantile;

TEST_CASE("quantiles interpolate between closest ranks", "[reports]") {
  struct Case {
    std::vector<double> values;
    double p;
    double want;
  } cases[] = {
      {{5}, 0.5, 5},
      {{5}, 0.9, 5},
      {{1, 2}, 0.5, 1.5},
      {{3, 1, 2}, 0.5, 2},            // unsorted input
      {{1, 2, 3, 4}, 0.5, 2.5},       // even count: mean of the middle two
      {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, 9.1},
      {{1800, 5700}, 0.9, 5310},      // the scenario test's p90
      {{10, 20, 30}, 0.0, 10},
      {{10, 20, 30}, 1.0, 30},
      {{0, 100}, 0.25, 25},
  };
  for (const Case& c : cases) {
    CAPTURE(c.values, c.p);
    REQUIRE(Quantile(c.values, c.p).has_value());
    CHECK(*Quantile(c.values, c.p) == Approx(c.want));
  }
  CHECK_FALSE(Quantile({}, 0.5).has_value());
}

TEST_CASE("mean and percent are empty without data", "[reports]") {
  CHECK(*Mean({1, 2, 6}) == Approx(3));
  CHECK_FALSE(Mean({}).has_value());
  CHECK(*Percent(1, 3) == Approx(33.3333));
  CHECK(*Percent(0, 4) == 0);
  CHECK_FALSE(Percent(0, 0).has_value());
}
