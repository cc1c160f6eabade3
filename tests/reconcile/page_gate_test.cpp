#include "reconcile/page_gate.h"

#include <catch2/catch.hpp>

using turnaround::reconcile::PageGate;

namespace {
constexpr std::int64_t kMin = 60 * 1000;
}

TEST_CASE("page gate doubles its backoff and resets after a clean pass", "[reconcile]") {
  PageGate g;
  CHECK(g.Open(0));
  // base 10 minutes: 20, 40, 80 minutes for consecutive stops.
  CHECK(g.BackOff(1000, 0, 10 * kMin) == 1000 + 20 * kMin);
  CHECK_FALSE(g.Open(1000 + 20 * kMin - 1));
  CHECK(g.Open(1000 + 20 * kMin));
  CHECK(g.BackOff(0, 0, 10 * kMin) == 40 * kMin);
  CHECK(g.BackOff(0, 0, 10 * kMin) == 80 * kMin);
  g.Passed();
  CHECK(g.BackOff(0, 0, 10 * kMin) == 20 * kMin);
}

TEST_CASE("page gate waits as long as the platform asks when that is longer", "[reconcile]") {
  PageGate g;
  CHECK(g.BackOff(0, 90 * kMin, 10 * kMin) == 90 * kMin);  // regain time beats the doubled 20
  CHECK(g.BackOff(0, 5 * kMin, 10 * kMin) == 40 * kMin);   // a short ask does not shorten the backoff
}

TEST_CASE("page gate caps the doubled backoff", "[reconcile]") {
  PageGate g;
  std::int64_t until = 0;
  for (int i = 0; i < 40; ++i) until = g.BackOff(0, 0, 10 * kMin);
  CHECK(until == PageGate::kMaxBackoffMs);
}

TEST_CASE("page gate blocks a page for a day after a permanent failure", "[reconcile]") {
  PageGate g;
  g.Block(0, "token expired");
  CHECK(g.blocked());
  CHECK(g.reason() == "token expired");
  CHECK_FALSE(g.Open(PageGate::kBlockedMs - 1));
  CHECK(g.Open(PageGate::kBlockedMs));
  g.Passed();
  CHECK_FALSE(g.blocked());
  CHECK(g.reason().empty());
}
