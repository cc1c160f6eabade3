#include "core/status.h"

#include <catch2/catch.hpp>

using namespace turnaround::core;

TEST_CASE("Status carries code and message", "[core]") {
  Status ok;
  CHECK(ok.ok());
  CHECK(ok.ToString() == "ok");
  Status bad = NotFound("item 7");
  CHECK_FALSE(bad.ok());
  CHECK(bad.code() == Code::kNotFound);
  CHECK(bad.ToString() == "not_found: item 7");
}

TEST_CASE("Result holds a value or a status", "[core]") {
  Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad(InvalidArgument("no"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == Code::kInvalidArgument);
}
