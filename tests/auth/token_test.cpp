#include "auth/token.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace turnaround::auth;

TEST_CASE("[auth] tokens have the documented shape and are unique", "[auth]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto token = GenerateToken();
    REQUIRE(token.ok());
    CHECK(token->size() == 46);
    CHECK(token->rfind("ta_", 0) == 0);
    CHECK(LooksLikeToken(*token));
    CHECK(seen.insert(*token).second);
  }
}

TEST_CASE("[auth] LooksLikeToken rejects other shapes", "[auth]") {
  auto token = GenerateToken();
  REQUIRE(token.ok());
  const std::string kBad[] = {
      "",
      "ta_",
      "Bearer " + *token,
      "tb_" + token->substr(3),
      token->substr(0, 45),
      *token + "A",
      token->substr(0, 45) + "=",
      token->substr(0, 45) + "+",
  };
  for (const std::string& text : kBad) {
    CAPTURE(text);
    CHECK_FALSE(LooksLikeToken(text));
  }
}

TEST_CASE("[auth] HashToken is SHA-256 hex", "[auth]") {
  CHECK(HashToken("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(HashToken("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("[auth] flipping any byte of a token changes its hash", "[auth]") {
  auto token = GenerateToken();
  REQUIRE(token.ok());
  const std::string original = HashToken(*token);
  CHECK(original.size() == 64);
  for (std::size_t i = 0; i < token->size(); ++i) {
    for (unsigned bit = 0; bit < 8; ++bit) {
      std::string flipped = *token;
      flipped[i] = static_cast<char>(flipped[i] ^ (1u << bit));
      CHECK(HashToken(flipped) != original);
    }
  }
}

TEST_CASE("[auth] session ids and CSRF tokens", "[auth]") {
  auto session = GenerateSessionId();
  auto csrf = GenerateCsrfToken();
  REQUIRE(session.ok());
  REQUIRE(csrf.ok());
  CHECK(session->size() == 43);
  CHECK(csrf->size() == 43);
  CHECK(*session != *csrf);
  CHECK(CsrfTokenMatches(*csrf, *csrf));
  CHECK_FALSE(CsrfTokenMatches(*csrf, ""));
  CHECK_FALSE(CsrfTokenMatches("", ""));
  CHECK_FALSE(CsrfTokenMatches(*csrf, csrf->substr(1)));
  std::string tampered = *csrf;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(CsrfTokenMatches(*csrf, tampered));
}
