#include "auth/encoding.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace turnaround::auth;

// Test names carry "[auth]" so `ctest -R '\[auth\]'` selects them.
TEST_CASE("[auth] base64 matches RFC 4648 vectors without padding", "[auth]") {
  struct Case {
    const char* bytes;
    const char* std_b64;
  };
  const Case kCases[] = {
      {"", ""},         {"f", "Zg"},         {"fo", "Zm8"},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.bytes);
    CHECK(Base64Encode(c.bytes) == c.std_b64);
    auto back = Base64Decode(c.std_b64);
    REQUIRE(back.has_value());
    CHECK(*back == c.bytes);
  }
  CHECK(Base64Encode("\xfb\xff") == "+/8");
  CHECK(Base64UrlEncode("\xfb\xff") == "-_8");
}

TEST_CASE("[auth] base64 decoding is strict", "[auth]") {
  const char* kBad[] = {
      "Zg==",   // padding is not part of our encoding
      "Z",      // impossible length
      "Zh",     // non-zero unused bits: would alias "Zg"
      "Zm9v!",  // outside the alphabet
      "Zm 9v",  // whitespace
      "Zm9v\n",
  };
  for (const char* text : kBad) {
    CAPTURE(text);
    CHECK_FALSE(Base64Decode(text).has_value());
  }
  CHECK_FALSE(Base64Decode("-_8").has_value());
  CHECK_FALSE(Base64UrlDecode("+/8").has_value());
  CHECK(Base64UrlDecode("-_8") == std::optional<std::string>("\xfb\xff"));
}

TEST_CASE("[auth] base64 round-trips random bytes", "[auth]") {
  std::mt19937 rng(42);  // fixed seed: reproducible
  for (int n = 0; n < 200; ++n) {
    std::string bytes(static_cast<std::size_t>(n % 67), '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    CHECK(Base64Decode(Base64Encode(bytes)) == bytes);
    CHECK(Base64UrlDecode(Base64UrlEncode(bytes)) == bytes);
  }
}

TEST_CASE("[auth] hex, random bytes and constant-time equality", "[auth]") {
  CHECK(HexEncode(std::string("\x00\x0f\xa0\xff", 4)) == "000fa0ff");
  auto a = RandomBytes(32);
  auto b = RandomBytes(32);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->size() == 32);
  CHECK(*a != *b);
  CHECK(ConstantTimeEquals("abc", "abc"));
  CHECK(ConstantTimeEquals("", ""));
  CHECK_FALSE(ConstantTimeEquals("abc", "abd"));
  CHECK_FALSE(ConstantTimeEquals("abc", "abcd"));
}
