#include "core/json_string.h"

#include <catch2/catch.hpp>

#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

using turnaround::core::AppendJsonString;

TEST_CASE("AppendJsonString writes a string exactly as nlohmann's dump does, bad bytes included", "[core]") {
  // Random byte strings, biased towards what needs care: quotes, backslashes,
  // control characters, DEL, multi-byte UTF-8 and broken sequences.
  std::mt19937_64 rng(42);
  const std::string pieces[] = {"a", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", std::string(1, '\0'),
                                "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\xa8", "\xf0\x9f\x98\xa1",
                                "\xc3", "\xff", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) s += pieces[rng() % std::size(pieces)];
    std::string out = "prefix";
    AppendJsonString(out, s);
    INFO(i);
    REQUIRE(out == "prefix" + nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

