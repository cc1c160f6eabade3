#include "core/json_check.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

using turnaround::core::IsJsonText;

namespace {

bool Accepts(const std::string& s) { return nlohmann::json::accept(s); }

// A document shaped like a stored verdict, with every kind of token.
const std::string kDoc =
    "{\"category\":\"wait_time\",\"confidence\":0.8123,\"is_complaint\":true,\"language\":\"es\","
    "\"matches\":[{\"begin\":0,\"end\":12,\"file\":\"complaints.rules\",\"rule\":\"waiting.still\","
    "\"signal\":\"complaint\",\"text\":\"esper\xc3\xa9 \\\"5\\\" horas \xf0\x9f\x98\xa1\\n\\u00e9\\ud83d\\ude00\","
    "\"weight\":2.0}],\"rules_version\":null,\"sentiment\":-1.5e-3,\"sentiment_terms\":[],"
    "\"severity\":\"high\",\"spam\":false,\"urgent_reasons\":[\"self_harm\"], \"n\": [ -0, 1E+2, 3.25e-07 ] }";

}  // namespace

TEST_CASE("IsJsonText agrees with nlohmann accept on chosen edge cases", "[core]") {
  const std::vector<std::string> cases = {
      "", " ", "null", "true", "false", "nul", "truex", "0", "-0", "-", "01", "1.", ".5", "1e", "1e+", "1E-2",
      "1e999", "-1e999", "1e-999", "123456789012345678901234567890", "18446744073709551616", "[1,]", "[,1]",
      "[1 2]", "{\"a\"1}", "{\"a\":}", "{\"a\":1,}", "{,}", "{}", "[]", "[[[]]]", "[[[]]", "{\"a\":[{}]}",
      "\"\\u00\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\udc00\"", "\"\\ud800\\u0041\"", "\"\\x\"",
      "\"\\/\"", "\"tab\there\"", "\"\x7f\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
      "\"\xe2\x82\"", "\"unterminated", "\xEF\xBB\xBFnull", "\xEF\xBBnull", "\xEF\xBB\xBF", " [ 1 , 2 ] \r\n\t",
      "[1]x", "{}{}", std::string("[0\0]", 4), std::string("\"a\0b\"", 5), kDoc,
      // Around a double's range without an exponent (the checker skips strtod there).
      std::string(308, '9') + ".5", std::string(309, '9') + ".5", "-" + std::string(309, '1') + ".25",
      "[0.66," + std::string(310, '7') + ".0]", std::string(300, '1') + ".5e9", std::string(300, '1') + ".5e8"};
  for (const std::string& c : cases) {
    INFO(c);
    CHECK(IsJsonText(c) == Accepts(c));
  }
  CHECK(IsJsonText(kDoc));
  CHECK(IsJsonText(std::string(100000, '[') + std::string(100000, ']')));
  CHECK_FALSE(IsJsonText(std::string(100000, '[')));
}

// Damaged documents: bytes replaced, dropped, inserted and cut off.
TEST_CASE("IsJsonText agrees with nlohmann accept on thousands of damaged documents", "[core]") {
  std::mt19937 rng(20261129);
  const std::string alphabet = "{}[],:\"\\ -+.0123456789eEtrufalsn\x01\x7f\xc3\xa9\xed\xf0\x9f\xbf\x80ud";
  size_t valid = 0, invalid = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string s = kDoc;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const size_t at = rng() % s.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 4) {
        case 0: s[at] = c; break;
        case 1: s.erase(at, 1 + rng() % 3); break;
        case 2: s.insert(at, 1, c); break;
        default: s.resize(at); break;
      }
    }
    const bool want = Accepts(s);
    INFO(s);
    REQUIRE(IsJsonText(s) == want);
    ++(want ? valid : invalid);
  }
  // Both answers were exercised many times.
  CHECK(valid > 500);
  CHECK(invalid > 500);
}
